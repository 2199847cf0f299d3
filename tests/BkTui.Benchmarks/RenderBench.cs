using System.Diagnostics;
using BkTui.Terminal.Input;
using BkTui.Terminal.Rendering;
using BkTui.Tui;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;

namespace BkTui.Benchmarks;

/// <summary>
/// Frame cost of the TUI: compose (render state into cells) + diff/encode, and the bytes a frame
/// sends, for a full redraw, a one-line change and a hex scroll step, at 80×24 and 200×60; plus
/// time to first frame of the real binary in tmux.
/// `dotnet run -c Release --project tests/BkTui.Benchmarks -- render`
/// </summary>
internal static class RenderBench
{
    private const int Frames = 300;

    public static int Run()
    {
        var dump = FindDump();
        long cold = Stopwatch.GetTimestamp();
        NewApp(80, 24, dump).Compose().EncodeDiff();
        var coldMs = Stopwatch.GetElapsedTime(cold).TotalMilliseconds;
        Console.WriteLine($"render benchmark over {(dump is null ? "a synthetic 2 MiB image" : Path.GetFileName(dump))}, 16 colours, {Frames} frames per case (median / p95)");
        Console.WriteLine("| case | size | frame time median | p95 | bytes per frame |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (w, h) in new[] { (80, 24), (200, 60) })
        {
            Case("full redraw", w, h, dump, (app, i) => app.Buffer.Invalidate());
            Case("one-line change (message line)", w, h, dump, (app, i) => app.Dispatch(new ShowFlash($"job {i % 7} at {i * 4096:X8}")));
            Case("log line appended", w, h, dump, (app, i) => app.Dispatch(new LogAppend(new LogLine(DateTimeOffset.Now, LogLevel.Info, $"ttyUSB0: read 0x{i * 4096:X6} ok"))));
            Case("hex scroll step (↓ at the last row)", w, h, dump, (app, i) => app.Dispatch(new KeyPressed(Key.Of(KeyCode.Down))), scrollToBottomRow: true);
            Case("no change", w, h, dump, (app, i) => { });
        }
        Console.WriteLine($"first compose in a fresh process (JIT included, no terminal): {coldMs:0} ms");
        FirstFrame(dump);
        return 0;
    }

    private static void Case(string name, int w, int h, string? dump, Action<TuiApp, int> change, bool scrollToBottomRow = false)
    {
        var app = NewApp(w, h, dump);
        if (scrollToBottomRow) for (int i = 0; i < h; i++) app.Dispatch(new KeyPressed(Key.Of(KeyCode.Down)));
        app.Compose().EncodeDiff();
        var times = new double[Frames];
        long bytes = 0;
        for (int i = 0; i < Frames; i++)
        {
            change(app, i);
            long t0 = Stopwatch.GetTimestamp();
            int n = app.Compose().EncodeDiff().Length;
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            bytes += n;
        }
        Array.Sort(times);
        Console.WriteLine($"| {name} | {w}×{h} | {times[Frames / 2]:0.000} ms | {times[Frames * 95 / 100]:0.000} ms | {bytes / (double)Frames:0} B |");
    }

    private static TuiApp NewApp(int w, int h, string? dump)
    {
        var parts = PartitionRange.ParseList("bootloader:0:0x11000,app:0x11000:0x121000,download:0x132000:0xA6000,kv:0x1D8000:0x28000");
        var app = new TuiApp(new TuiOptions { Color = ColorMode.Ansi16, Partitions = parts }, w, h);
        IByteSource source = dump is null ? new MemoryByteSource("synthetic.bin", Synthetic()) : MappedFileSource.Open(dump);
        app.Dispatch(new HexOpened(source));
        for (int i = 0; i < 200; i++) app.Dispatch(new LogAppend(new LogLine(DateTimeOffset.Now, LogLevel.Info, $"startup line {i}")));
        app.Dispatch(new PromptSubmitted("hex", "goto", "app"));
        return app;
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

    /// <summary>Runs the real binary in a private tmux server and reads the time it logs for its first frame.</summary>
    private static void FirstFrame(string? dump)
    {
        var bktui = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        if (!File.Exists("/usr/bin/tmux") && !File.Exists("/usr/local/bin/tmux"))
        {
            Console.WriteLine("time to first frame: tmux not installed, not measured");
            return;
        }
        var file = dump ?? Path.Combine(Path.GetTempPath(), "bktui-bench.bin");
        if (dump is null) File.WriteAllBytes(file, Synthetic());
        var samples = new List<double>();
        for (int run = 0; run < 5; run++)
        {
            var socket = $"bktui-bench-{Environment.ProcessId}-{run}";
            Tmux(socket, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "dotnet", bktui, "tui", "--hex", file);
            try
            {
                for (int wait = 0; wait < 100 && samples.Count == run; wait++)
                {
                    Thread.Sleep(100);
                    Tmux(socket, "send-keys", "-t", "0", "2");
                    var screen = Tmux(socket, "capture-pane", "-t", "0", "-p");
                    var at = screen.IndexOf("first frame ", StringComparison.Ordinal);
                    if (at >= 0 && double.TryParse(screen[(at + 12)..].Split(' ')[0], out var ms)) samples.Add(ms);
                }
            }
            finally { Tmux(socket, "kill-server"); }
        }
        samples.Sort();
        Console.WriteLine(samples.Count == 0
            ? "time to first frame: not read"
            : $"time to first frame (process start → first frame written, real binary in tmux 80×24, {samples.Count} runs): median {samples[samples.Count / 2]:0} ms, min {samples[0]:0} ms, max {samples[^1]:0} ms");
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
