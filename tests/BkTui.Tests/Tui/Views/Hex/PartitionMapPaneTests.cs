using BkTui.Tui.Views.Hex;
using Terminal.Gui.Input;

namespace BkTui.Tests.Tui.Views.Hex;

[Collection(HexViewCollection.Name)]
public class PartitionMapPaneTests
{
    [Fact]
    public void Map_120x40_BarAndTable_MatchesGolden()
    {
        using var s = new HexScreen(120, 40, HexScreen.SyntheticDump(), mapHeight: 10);
        HexGolden.Verify("partitions-120x40-mono", s.App);
    }

    /// <summary>A short tile (100×30 gives the map 9 rows) counts the partitions it cannot show; a tall one says nothing.</summary>
    [Fact]
    public void ShortTile_CountsTheHiddenPartitions()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump(), mapHeight: 7);
        var header = Assert.Single(s.Rows(), r => r.Contains("EVIDENCE", StringComparison.Ordinal));
        Assert.Matches(@"\d+ more: ↑↓", header);
        using var tall = new HexScreen(120, 40, HexScreen.SyntheticDump(), mapHeight: 12);
        Assert.DoesNotContain(tall.Rows(), r => r.Contains("more: ↑↓", StringComparison.Ordinal));
    }

    [Fact]
    public void EnterOnSelectedPartition_JumpsHexThere()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump(), mapHeight: 9);
        s.FocusMap().Press(Key.CursorDown, Key.CursorDown, Key.Enter);
        Assert.Equal(0x12A000, s.View.Offset);
        Assert.StartsWith("│C 12a000", s.Rows()[1]);
    }

    [Fact]
    public void ClickOnTableRow_JumpsHex_AndHexMovesSelection()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump(), mapHeight: 9);
        int mapTop = 1 + s.View.Viewport.Height;
        s.Mouse(5, mapTop + 4 + 3, MouseFlags.LeftButtonClicked);
        Assert.Equal(0x1D0000, s.View.Offset);
        Assert.Equal(3, s.Map.Selected);
        s.View.Goto(0x11000);
        Assert.Equal(1, s.Map.Selected);
    }

    [Fact]
    public void Compare_MarksDifferingRows_AndDJumpsBetweenDifferences()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        var other = HexScreen.SyntheticDump("other.bin");
        var bytes = new byte[other.Length];
        other.Source.Read(0, bytes);
        bytes[0x25] ^= 0xFF;
        bytes[0x1D0004] ^= 0x01;
        s.View.Compare(HexDocument.FromBytes("other.bin", bytes));
        s.Draw();
        var rows = s.Rows();
        Assert.StartsWith("│A≠000020", rows[3]);
        Assert.Contains("── other.bin ─", rows[1 + (s.View.Viewport.Height - 1) / 2]);
        s.Press(Key.D);
        Assert.Equal(0x25, s.View.Offset);
        s.Press(Key.D);
        Assert.Equal(0x1D0004, s.View.Offset);
        s.Press(Key.D.WithShift);
        Assert.Equal(0x25, s.View.Offset);
        HexGolden.Verify("compare-80x24-mono", s.App);
        s.Press(Key.X);
        Assert.Null(s.View.CompareDocument);
    }

    [Fact]
    public void Compare_DJumpsOverAWholeRangeOfChanges_AsDumpsDiffMergesThem()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        var other = HexScreen.SyntheticDump("flashed.bin");
        var bytes = new byte[other.Length];
        other.Source.Read(0, bytes);
        // A rewritten app: 0x20000 bytes changed, but every 200th one happens to stay the same.
        for (int i = 0x11000; i < 0x31000; i++) if ((i - 0x11000) % 200 != 199) bytes[i] ^= 0x5A;
        bytes[0x1D0004] ^= 0x01;
        s.View.Compare(HexDocument.FromBytes("flashed.bin", bytes));
        s.Press(Key.D);
        Assert.Equal(0x11000, s.View.Offset);
        Assert.StartsWith("differs 0x011000–0x030FFF (131,072 bytes", s.Messages[^1].Text);
        s.Press(Key.D);
        Assert.Equal(0x1D0004, s.View.Offset);
        Assert.StartsWith("differs 0x1D0004–0x1D0004 (1 byte", s.Messages[^1].Text);
        s.Press(Key.D);
        Assert.Equal(0x1D0004, s.View.Offset);
        Assert.Contains("no difference after", s.Messages[^1].Text);
        s.Press(Key.D.WithShift);
        Assert.Equal(0x11000, s.View.Offset);
        s.Press(Key.D.WithShift);
        Assert.Contains("no difference before", s.Messages[^1].Text);
    }
}
