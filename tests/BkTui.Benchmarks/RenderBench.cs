using System.Diagnostics;
using BkTui.Tui.Keys;
using BkTui.Tui.Render;
using BkTui.Tui;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;
using BkTui.Tui.Gui;
using BkTui.Tui.Views.Hex;
using Terminal.Gui.App;

namespace BkTui.Benchmarks;

/// <summary>
/// Frame cost of the TUI on Terminal.Gui: compose (state into cells) + Terminal.Gui layout and
/// draw on a headless "ansi" driver, at 80×24 and 200×60; then the real binary in tmux 80×24:
/// time to first frame, bytes written in 5 idle seconds, bytes per hex scroll step.
/// `dotnet run -c Release --project tests/BkTui.Benchmarks -- render` (`render frames`: the headless
/// cases only; BKTUI_BENCH_CASE="hex scroll step (↓ at the last row) 80x24" runs one case, e.g. under a profiler).
/// Each frame's wall time is given beside the UI thread's CPU time: on this shared machine a p95
/// far above the CPU time is time spent waiting for a core, not work.
/// </summary>
internal static class RenderBench
{
    private const int Warmup = 300;
    private const int Frames = 2000;

    /// <param name="frameOnly">Only the headless frame cases (`render frames`), not the real terminal.</param>
    public static int Run(bool frameOnly = false)
    {
        var dump = FindDump();
        Console.WriteLine($"render benchmark over {(dump is null ? "a synthetic 2 MiB image" : Path.GetFileName(dump))}, 16 colours, "
            + $"{Warmup} cold frames then {Frames} warm frames per case; load average {FrameClock.Load()} at the start");
        Console.WriteLine("| case | size | wall median | wall p95 | CPU median | CPU p95 | of it Terminal.Gui (median) | allocated (median) | gen-0 GCs | cold frames median / p95 | load |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (w, h) in new[] { (80, 24), (200, 60) })
        {
            Case("one-line change (message line)", w, h, dump, (ws, i) => ws.Apply(new ShowFlash($"job {i % 7} at {i * 4096:X8}")));
            Case("log line appended", w, h, dump, (ws, i) => ws.Apply(new LogAppend(new LogLine(DateTimeOffset.Now, LogLevel.Info, $"ttyUSB0: read 0x{i * 4096:X6} ok"))));
            Case("hex scroll step (↓ at the last row)", w, h, dump, (ws, i) => ws.Apply(new KeyPressed(Key.Of(KeyCode.Down))), scrollToBottomRow: true);
            Case("no change", w, h, dump, (ws, i) => { });
        }
        if (!frameOnly) RealTerminal(dump);
        return 0;
    }

    private static void Case(string name, int w, int h, string? dump, Action<Workstation, int> change, bool scrollToBottomRow = false)
    {
        if (Environment.GetEnvironmentVariable("BKTUI_BENCH_CASE") is { Length: > 0 } only && !$"{name} {w}x{h}".Contains(only)) return;
        using var gui = Application.Create();
        gui.Init("ansi");
        gui.Driver!.SetScreenSize(w, h);
        var ws = new Workstation(gui, new TuiApp(new TuiOptions { Color = ColorMode.Ansi16 }, w, h), new TuiServices(), default);
        gui.Begin(ws.Top);
        gui.LayoutAndDraw();
        Fill(ws, dump);
        if (scrollToBottomRow) for (int i = 0; i < h; i++) ws.Apply(new KeyPressed(Key.Of(KeyCode.Down)));
        ws.Drain();
        gui.LayoutAndDraw();
        // The first frames run code the JIT has not optimised yet (tier 0, promoted after 30 calls
        // and a 100 ms delay); they are measured apart from the warmed frames.
        var cold = Measure(ws, gui, change, 0, Warmup);
        Thread.Sleep(300); // let the background tier-1 compiles land
        var warm = Measure(ws, gui, change, Warmup, Frames);
        ws.Top.Dispose();
        Console.WriteLine($"| {name} | {w}×{h} | {warm.Wall[Frames / 2]:0.000} ms | {FrameClock.Percentile(warm.Wall, 95):0.000} ms "
            + $"| {warm.Cpu[Frames / 2]:0.000} ms | {FrameClock.Percentile(warm.Cpu, 95):0.000} ms "
            + $"| {warm.Gui[Frames / 2]:0.000} ms | {warm.Allocated[Frames / 2] / 1024.0:0.0} KB | {warm.Collections} "
            + $"| {cold.Wall[Warmup / 2]:0.000} / {FrameClock.Percentile(cold.Wall, 95):0.000} ms | {FrameClock.Load()} |");
    }

    private sealed record Samples(double[] Wall, double[] Cpu, double[] Gui, double[] Allocated, int Collections);

    /// <summary>
    /// <paramref name="count"/> frames: each the change applied through the workstation, its queue
    /// drained, then Terminal.Gui's layout and draw. Sorted per column (percentiles, not frame by frame).
    /// </summary>
    private static Samples Measure(Workstation ws, IApplication gui, Action<Workstation, int> change, int first, int count)
    {
        var (wall, cpu, guiPart, allocated) = (new double[count], new double[count], new double[count], new double[count]);
        int gcBefore = GC.CollectionCount(0);
        for (int i = 0; i < count; i++)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            double c0 = FrameClock.ThreadCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            change(ws, first + i);
            ws.Drain();
            long t1 = Stopwatch.GetTimestamp();
            gui.LayoutAndDraw();
            wall[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            guiPart[i] = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
            cpu[i] = FrameClock.ThreadCpuMs() - c0;
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - a0;
        }
        int collections = GC.CollectionCount(0) - gcBefore;
        foreach (var column in new[] { wall, cpu, guiPart, allocated }) Array.Sort(column);
        return new Samples(wall, cpu, guiPart, allocated, collections);
    }

    /// <summary>A dump in the hex viewer (with its own partition map), 200 log lines, the cursor at the app.</summary>
    private static void Fill(Workstation ws, string? dump)
    {
        ws.Apply(new HexOpened(dump is null ? HexDocument.FromBytes("synthetic.bin", Synthetic()) : HexDocument.FromBytes(Path.GetFileName(dump), File.ReadAllBytes(dump))));
        for (int i = 0; i < 200; i++) ws.Apply(new LogAppend(new LogLine(DateTimeOffset.Now, LogLevel.Info, $"startup line {i}")));
        ws.Apply(new PromptSubmitted("hex", "goto", "app"));
    }

    private static byte[] Synthetic()
    {
        var bytes = new byte[2 << 20];
        new Random(7231).NextBytes(bytes);
        bytes.AsSpan(0x1D8000).Fill(0xFF);
        return bytes;
    }

    private static string? FindDump()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (!File.Exists(Path.Combine(d.FullName, "BkTui.sln"))) continue;
            // ../shared/dumps beside the checkout (or two levels up from a worktree).
            foreach (var up in new[] { "..", Path.Combine("..", "..") })
            {
                var dir = Path.Combine(d.FullName, up, "shared", "dumps");
                if (Directory.Exists(dir)) return Directory.GetFiles(dir, "*.bin").Order().FirstOrDefault();
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// The real binary in a private tmux server at 80×24, its output copied by pipe-pane: the first
    /// frame time it logs, bytes written in 5 idle seconds, and bytes per ↓ step at the hex viewer's last row.
    /// </summary>
    private static void RealTerminal(string? dump)
    {
        var bktui = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        if (!File.Exists("/usr/bin/tmux") && !File.Exists("/usr/local/bin/tmux"))
        {
            Console.WriteLine("real terminal: tmux not installed, not measured");
            return;
        }
        var file = dump ?? Path.Combine(Path.GetTempPath(), "bktui-bench.bin");
        if (dump is null) File.WriteAllBytes(file, Synthetic());
        var firsts = new List<double>();
        var idle = new List<long>();
        var steps = new List<double>();
        for (int run = 0; run < 5; run++)
        {
            var socket = $"bktui-bench-{Environment.ProcessId}-{run}";
            var output = Path.Combine(Path.GetTempPath(), socket + ".out");
            var archive = Directory.CreateTempSubdirectory("bktui-bench-archive-").FullName;
            // BKTUI_BENCH_BINARY: a published bktui (ReadyToRun or Native AOT) instead of the build's bktui.dll.
            string[] command = Environment.GetEnvironmentVariable("BKTUI_BENCH_BINARY") is { Length: > 0 } published ? [published] : ["dotnet", bktui];
            Tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", .. command, "tui", "--hex", file, "--archive", archive]);
            Tmux(socket, "pipe-pane", "-t", "0", "-o", $"cat > {output}");
            try
            {
                for (int wait = 0; wait < 300 && !Tmux(socket, "capture-pane", "-t", "0", "-p").Contains("q Quit"); wait++) Thread.Sleep(100);
                // The archive scan settles and the start-up message ("opened …") expires: then nothing changes.
                Thread.Sleep(BkTui.Tui.State.AppReducer.FlashLifetime + TimeSpan.FromSeconds(1));
                long before = new FileInfo(output).Length;
                Thread.Sleep(5000);
                idle.Add(new FileInfo(output).Length - before);
                for (int i = 0; i < 22; i++) Tmux(socket, "send-keys", "-t", "0", "Down");
                Thread.Sleep(1000);
                before = new FileInfo(output).Length;
                for (int i = 0; i < 20; i++) { Tmux(socket, "send-keys", "-t", "0", "Down"); Thread.Sleep(150); }
                Thread.Sleep(1000);
                steps.Add((new FileInfo(output).Length - before) / 20.0);
                Tmux(socket, "send-keys", "-t", "0", "7");
                Thread.Sleep(500);
                var screen = Tmux(socket, "capture-pane", "-t", "0", "-p");
                var at = screen.IndexOf("first frame ", StringComparison.Ordinal);
                if (at >= 0 && double.TryParse(screen[(at + 12)..].Split(' ')[0], out var ms)) firsts.Add(ms);
            }
            finally
            {
                Tmux(socket, "kill-server");
                File.Delete(output);
                Directory.Delete(archive, recursive: true);
            }
        }
        firsts.Sort();
        idle.Sort();
        steps.Sort();
        Console.WriteLine(firsts.Count == 0 ? "time to first frame: not read"
            : $"time to first frame (process start → first frame, real binary in tmux 80×24, {firsts.Count} runs): median {firsts[firsts.Count / 2]:0} ms, min {firsts[0]:0} ms, max {firsts[^1]:0} ms");
        Console.WriteLine($"bytes written in 5 idle seconds ({idle.Count} runs): median {idle[idle.Count / 2]}, max {idle[^1]}");
        Console.WriteLine($"bytes per hex scroll step at the last row, 80×24 ({steps.Count} runs × 20 steps): median {steps[steps.Count / 2]:0}, max {steps[^1]:0}");
    }

    private static string Tmux(string socket, params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(socket);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit(10_000);
        return output;
    }
}
