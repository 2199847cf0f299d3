using System.Diagnostics;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tui;
using BkTui.Tui.Gui;
using BkTui.Tui.Keys;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using BkTui.Tui.Views.Hex;
using Terminal.Gui.App;

namespace BkTui.Benchmarks;

/// <summary>
/// The hex viewer inside the workstation (docs/tui-hex.md): a 4 MiB dump opened as `--hex FILE`
/// does (mapped at once, analysed off the UI thread), G to its end, and the bytes and time of a
/// scroll step, on the real "ansi" driver run headless at 80×24 and 120×40.
/// `dotnet run -c Release --project tests/BkTui.Benchmarks -- hex`
/// </summary>
public static class HexViewBench
{
    public static int Run()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bktui-hexbench-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, FlashSize = 0x400000 }));
        try
        {
            HexDocument.Analyse(path); // JIT warm-up
            var map = Median(15, () => HexDocument.Open(path).Dispose());
            var analysis = Median(15, () => HexDocument.Analyse(path));
            Console.WriteLine($"4 MiB dump: mapping {map:F2} ms (UI thread); analysis for the partition map {analysis:F1} ms (background)");
            foreach (var (w, h) in new[] { (80, 24), (120, 40) }) Screen(path, w, h);
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Screen(string path, int w, int h)
    {
        using var gui = Application.Create();
        gui.Init("ansi");
        gui.Driver!.SetScreenSize(w, h);
        var app = new TuiApp(new TuiOptions { Color = ColorMode.Ansi16, HexFile = path, Panes = PaneCatalog.Workstation() }, w, h);
        var ws = new Workstation(gui, app, new TuiServices(), default);
        gui.Begin(ws.Top);
        gui.LayoutAndDraw();
        var sw = Stopwatch.StartNew();
        ws.OpenStartFiles();
        ws.Drain();
        gui.LayoutAndDraw();
        double firstFrame = sw.Elapsed.TotalMilliseconds;
        var hex = ws.Dumps.Hex;
        sw.Restart();
        while (hex.Document!.Map.Rows.Count == 0 && sw.Elapsed < TimeSpan.FromSeconds(10)) { Thread.Sleep(1); ws.Drain(); }
        double mapped = sw.Elapsed.TotalMilliseconds;
        gui.LayoutAndDraw();
        sw.Restart();
        Press(ws, gui, "G");
        double toEnd = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"{w}x{h}: open 4 MiB + first frame {firstFrame:F1} ms (partition map {mapped:F0} ms later), G to 0x{hex.Offset:X} {toEnd:F1} ms");
        Press(ws, gui, "g");
        for (int i = 0; i < hex.Viewport.Height; i++) Press(ws, gui, "j"); // cursor to the bottom row
        Report(ws, gui, "  line scroll (↓ on the last row)", "j");
        Report(ws, gui, "  page down", " ");
        Report(ws, gui, "  cursor move without scrolling", "l");
        ws.Top.Dispose();
    }

    private static void Report(Workstation ws, IApplication gui, string label, string key)
    {
        var bytes = new List<int>();
        var times = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            times.Add(Press(ws, gui, key));
            bytes.Add(Encoding.UTF8.GetByteCount(gui.Driver!.GetOutput().GetLastOutput()));
        }
        bytes.Sort();
        times.Sort();
        // The headless driver writes no cursor-position sequences; a terminal gets one per changed run (≤ 10 bytes each).
        Console.WriteLine($"{label}: median {bytes[100]} B written (max {bytes[^1]} B), frame median {times[100]:F2} ms, p95 {times[190]:F2} ms");
    }

    /// <summary>One key through the workstation (keymap → hex viewer), the queued title update, and a frame.</summary>
    private static double Press(Workstation ws, IApplication gui, string key)
    {
        var sw = Stopwatch.StartNew();
        ws.Apply(new KeyPressed(Key.Ch(key[0])));
        ws.Drain();
        gui.LayoutAndDraw();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(int runs, Action action)
    {
        var ms = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        return ms[runs / 2];
    }
}
