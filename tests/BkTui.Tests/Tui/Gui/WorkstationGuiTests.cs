using BkTui.Tui;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Render;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui.Gui;

/// <summary>The workstation on a headless Terminal.Gui driver: start files, keys, mouse, both layouts.</summary>
public sealed class WorkstationGuiTests
{
    private static TuiApp App(int w, int h, string? hexFile = null) =>
        new(new TuiOptions { Color = ColorMode.Ansi16, Clock = () => TuiHarness.Clock, HexFile = hexFile, Panes = PaneCatalog.Workstation() }, w, h);

    [Fact]
    public void HexFileOnTheCommandLine_OpensWithItsPartitions()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("bktui-gui-").FullName, "sample.bin");
        File.WriteAllBytes(file, BkTui.Core.Formats.Synthesis.FlashImageBuilder.Build(new() { Family = BkTui.Core.Chips.ChipFamily.BK7231N }));
        using var screen = new GuiScreen(App(120, 40, file));
        screen.Workstation.OpenStartFiles();
        Assert.Contains("sample.bin  0x00000000/0x00200000", screen.Text()); // mapped at once
        // The partition map follows from the analysis, run off the UI thread.
        var hex = screen.Workstation.Dumps.Hex;
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); hex.Document!.Map.Rows.Count == 0 && wait.Elapsed < TimeSpan.FromSeconds(30);) { Thread.Sleep(10); screen.Workstation.Drain(); }
        var text = screen.Text();
        Assert.Contains("▶[4] Hex  sample.bin  0x00000000/0x00200000  bootloader+0x0", text);
        Assert.Contains("A 000000  2f07 b596", text); // 16 bytes per row in the 71-column tile (in pairs)
        Assert.Contains("A 000010  ", text);
        Assert.Contains("[5] Partitions  sample.bin, 5 partitions", text);
        Assert.Contains(" B app ", text);
    }

    [Fact]
    public void Narrow_TabStripNamesEveryPane_DigitsAndTabMoveTheFocus()
    {
        using var screen = new GuiScreen(App(80, 24));
        var first = screen.Text().Split('\n')[0];
        foreach (var name in new[] { "1 Ports", "2 Que", "3 Arc", "4 Hex", "5 Par", "6 Dev", "7 Log" }) Assert.Contains(name, first);
        Assert.Contains("▶[1] Ports", screen.Text());
        screen.Press(new TgKey('3'));
        Assert.Contains("▶[3] Archive", screen.Text());
        screen.Press(TgKey.Tab);
        Assert.Contains("▶[4] Hex", screen.Text());
        Assert.DoesNotContain("[3] Archive", screen.Text());
    }

    [Fact]
    public void Wide_TilesTheBench_ClickFocusesAPane_ZoomShowsOne()
    {
        using var screen = new GuiScreen(App(120, 40));
        var text = screen.Text();
        foreach (var title in new[] { "[1] Ports", "[6] Device", "[2] Queue", "[4] Hex", "[5] Partitions" }) Assert.Contains(title, text);
        var lines = text.Split('\n');
        int queueRow = Array.FindIndex(lines, l => l.Contains("[2] Queue"));
        screen.Click(3, queueRow + 1);
        Assert.Contains("▶[2] Queue", screen.Text());
        screen.Press(new TgKey('z'));
        text = screen.Text();
        Assert.Contains("▶[2] Queue", text);
        Assert.DoesNotContain("[1] Ports", text);
    }

    [Fact]
    public void HelpKey_ShowsTheFocusedPanesKeysFirst_EscCloses()
    {
        using var screen = new GuiScreen(App(80, 24));
        screen.Press(new TgKey('?'));
        var lines = screen.Text().Split('\n');
        Assert.Contains("Keys — Esc closes", lines[1]);
        Assert.Contains("[1] Ports (focused)", lines[2]);
        screen.Press(new TgKey('G'));         // the end: what the key bar's marks mean
        var end = screen.Text();
        Assert.Contains("The key bar", end);
        Assert.Contains("x [Label]        not possible now; pressing it says why", end);
        Assert.Contains("x Label!         changes a chip or the archive, and asks first", end);
        screen.Press(TgKey.Esc);
        Assert.DoesNotContain("Keys — Esc closes", screen.Text());
    }
}
