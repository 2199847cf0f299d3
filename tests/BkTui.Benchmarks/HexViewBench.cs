using System.Diagnostics;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Views.Hex;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

using Key = Terminal.Gui.Input.Key;

namespace BkTui.Benchmarks;

/// <summary>
/// The Terminal.Gui hex view (docs/tui-hex.md): opening a 4 MiB dump, jumping to its end, and the
/// bytes and time of one scroll step at 80×24, on the real "ansi" driver run headless.
/// </summary>
public static class HexViewBench
{
    public static int Run()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bktui-hexbench-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, FlashSize = 0x400000 }));
        try
        {
            HexDocument.Open(path).Dispose(); // JIT warm-up
            var open = Median(15, () => HexDocument.Open(path).Dispose());
            var map = Median(15, () => MappedFileSource.Open(path).Dispose());
            Console.WriteLine($"open 4 MiB dump (map + analysis): median {open:F1} ms; mapping alone {map:F2} ms");
            Screen(path, border: true);
            Screen(path, border: false);
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Screen(string path, bool border)
    {
        using var app = Application.Create();
        app.Init("ansi");
        app.Driver!.SetScreenSize(80, 24);
        var keys = Keymap.Build([new HexPane()], readOnly: false).Bindings.Where(b => b.Context == HexPane.PaneIdValue);
        var hex = new HexDumpView(keys) { Width = Dim.Fill(), Height = Dim.Fill(), Palette = HexPalette.Colour };
        var top = new Runnable();
        if (border)
        {
            var window = new Window { Title = "Hex", Width = Dim.Fill(), Height = Dim.Fill() };
            window.Add(hex);
            top.Add(window);
        }
        else top.Add(hex);
        app.Begin(top);
        hex.SetFocus();
        var sw = Stopwatch.StartNew();
        hex.Load(HexDocument.Open(path));
        app.LayoutAndDraw();
        double firstFrame = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        app.InjectKey(Key.G.WithShift);
        app.LayoutAndDraw();
        double toEnd = sw.Elapsed.TotalMilliseconds;
        var name = border ? "in a bordered Window" : "without a border";
        Console.WriteLine($"80x24 {name}: open+first frame {firstFrame:F1} ms, G (to 0x{hex.Offset:X}) {toEnd:F1} ms");
        app.InjectKey(Key.Home);
        app.LayoutAndDraw();
        int rows = hex.Viewport.Height;
        for (int i = 0; i < rows; i++) Step(app, Key.CursorDown); // cursor to the bottom row
        Report(app, $"  line scroll (↓ on the last row)", Key.CursorDown);
        Report(app, $"  page down", Key.PageDown);
        Report(app, $"  cursor move without scrolling", Key.CursorRight);
        top.Dispose();
    }

    private static void Report(IApplication app, string label, Key key)
    {
        var bytes = new List<int>();
        var times = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            times.Add(Step(app, key));
            bytes.Add(Encoding.UTF8.GetByteCount(app.Driver!.GetOutput().GetLastOutput()));
        }
        bytes.Sort();
        times.Sort();
        // The headless driver writes no cursor-position sequences; a terminal gets at most one per row (≤ 10 bytes).
        Console.WriteLine($"{label}: median {bytes[100]} B written (max {bytes[^1]} B; + ≤ {10 * 24} B of cursor moves on a terminal), frame median {times[100]:F2} ms, p95 {times[190]:F2} ms");
    }

    private static double Step(IApplication app, Key key)
    {
        var sw = Stopwatch.StartNew();
        app.InjectKey(key);
        app.LayoutAndDraw();
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
