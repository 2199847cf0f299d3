using BkTui.Core.Formats.Analysis;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Partitions;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;
using BkTui.Tui.Views.Hex;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The partition map's EVIDENCE column as a user meets it (headless Terminal.Gui, 80×24, 120×40
/// tiled, zoomed): a cut cell ends with '…', the selected partition's evidence shows whole below the
/// table where rows are left, and 'e' shows it whole anywhere.
/// </summary>
public sealed class PartitionsGuiTests
{
    private const string AppEvidence = "FAL table in the bootloader: 'app' (CRC-16 blocks), CRC of every 32-byte block checked";

    private static (WorkstationHarness, HexDocument) Opened(int w, int h)
    {
        var map = PartitionMapView.From(0x200000, [
            new PartitionInfo("bootloader", 0, 0x11000, "FAL table in the bootloader: 'bootloader' (CRC-16 blocks)"),
            new PartitionInfo("app", 0x11000, 0x119000, AppEvidence),
            new PartitionInfo("rf-calibration", 0x1D0000, 0x1000, "\"TLV\" magic")]);
        var t = new WorkstationHarness(w, h);
        var bytes = new HexDocument(new MemoryByteSource("dump-2.bin", new byte[0x200000]), map);
        t.Do(new HexOpened(bytes)).Focus(PartitionsPane.PaneIdValue).Press("j"); // select the app
        return (t, bytes);
    }

    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void CutEvidenceEndsWithAnEllipsis_AndEShowsItWhole(int w, int h)
    {
        var (t, bytes) = Opened(w, h);
        using var _ = bytes;
        using var screen = new GuiScreen(t.App, t.Services);
        var row = screen.Text().Split('\n').First(l => l.Contains("0x011000  1124 KiB", StringComparison.Ordinal));
        Assert.EndsWith("…", row.TrimEnd(' ', '│', '|'));
        Assert.Contains("\"TLV\" magic", screen.Text()); // a short one is not cut
        screen.Press(new TgKey('e'));
        Assert.IsType<DetailOverlay>(t.State.Overlay);
        var box = PaneBehaviourGuiTests.InBox(screen.Text());
        var rows = screen.Text().Split('\n');
        Assert.Contains("Partition B app", rows[1]);
        if (w <= 100) Assert.All(rows[1..^3], r => Assert.True(r[0] is '┌' or '│' or '└', r)); // the box, not the pane below, from the first column
        Assert.Contains("Evidence  " + AppEvidence, box);
    }

    [Theory]
    [InlineData(80, 24, false)]
    [InlineData(120, 40, true)]
    public void SelectedEvidenceShowsWholeBelowTheTable_WhereRowsAreLeft(int w, int h, bool zoom)
    {
        var (t, bytes) = Opened(w, h);
        using var _ = bytes;
        if (zoom) t.Press("z");
        using var screen = new GuiScreen(t.App, t.Services);
        var flat = System.Text.RegularExpressions.Regex.Replace(string.Join(" ", screen.Text().Split('\n').Select(l => l.Trim())), " +", " ");
        Assert.Contains("B app: " + AppEvidence, flat);
    }
}
