using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Views.Hex;
using Terminal.Gui.Input;

namespace BkTui.Tests.Tui.Views.Hex;

[Collection(HexViewCollection.Name)]
public class HexViewTests
{
    /// <summary>Counts the bytes read, to prove only visible rows are touched.</summary>
    private sealed class CountingSource(long length) : IByteSource
    {
        public long BytesRead;
        public string Name => "huge.bin";
        public long Length => length;
        public int Read(long offset, Span<byte> destination)
        {
            int n = (int)Math.Clamp(length - offset, 0, destination.Length);
            destination[..n].Fill((byte)(offset >> 12));
            BytesRead += n;
            return n;
        }
        public void Dispose() { }
    }

    [Fact]
    public void Open_80x24_Mono_MatchesGolden()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        HexGolden.Verify("hex-open-80x24-mono", s.App);
    }

    [Fact]
    public void GotoApp_120x40_Colour_MatchesGolden()
    {
        using var s = new HexScreen(120, 40, HexScreen.SyntheticDump(), HexPalette.Colour);
        Assert.True(s.View.Goto("app"));
        s.Press(Key.CursorUp);
        HexGolden.Verify("hex-app-120x40-colour", s.App);
    }

    [Theory]
    [InlineData(78, 16, 1)]
    [InlineData(76, 16, 1)]
    [InlineData(75, 16, 2)]
    [InlineData(67, 16, 2)]
    [InlineData(66, 16, 4)]
    [InlineData(63, 16, 4)]
    [InlineData(62, 8, 1)]
    [InlineData(40, 8, 1)]
    public void Layout_BytesPerRow_16WhereItFits_GroupedWhenNarrower_Else8(int width, int expected, int group)
    {
        var layout = HexLayout.For(width, 0x200000);
        Assert.Equal(expected, layout.BytesPerRow);
        Assert.Equal(group, layout.Group);
        Assert.True(layout.Width <= Math.Max(width, HexLayout.For(0, 0x200000).Width));
    }

    /// <summary>The right tile at 120x40 (71 columns: pairs) and at 100x30 (63 columns: fours) still shows 16 bytes a row.</summary>
    [Theory]
    [InlineData(71, "│A 000000  2f07 b596 35ff 2a99 35e7 2a99 35ef 2a99 │/...5.*.5.*.5.*.")]
    [InlineData(63, "│A 000000  2f07b596 35ff2a99 35e72a99 35ef2a99 │/...5.*.5.*.5.*.")]
    public void NarrowTile_SixteenBytesInGroups_AClickFindsTheByte(int body, string firstRow)
    {
        using var s = new HexScreen(body + 2, 12, HexScreen.SyntheticDump());
        Assert.StartsWith(firstRow, s.Rows()[1]);
        Assert.StartsWith("│A 000010  ", s.Rows()[2]);
        var layout = HexLayout.For(s.View.Viewport.Width, 0x200000);
        Assert.Equal(3, layout.ByteAtColumn(layout.HexX(3) + 1));
        Assert.Null(layout.ByteAtColumn(layout.HexX(3) + 2)); // the space after a group
        Assert.Equal(4, layout.ByteAtColumn(layout.HexX(4)));
        Assert.Equal(5, layout.ByteAtColumn(layout.HexX(4) + 2)); // no space inside a group
    }

    [Fact]
    public void Rows_StartOnSixteenByteBoundaries_WithPartitionLetter()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        s.View.Goto(0x11005);
        s.Draw();
        var row = s.Rows()[1];
        Assert.StartsWith("│B 011000  ", row);
        Assert.Contains("│", row[60..]);
    }

    [Fact]
    public void NarrowPane_EightBytesPerRow()
    {
        using var s = new HexScreen(60, 12, HexScreen.SyntheticDump());
        Assert.Equal(8, HexLayout.For(s.View.Viewport.Width, 0x200000).BytesPerRow);
        Assert.StartsWith("│A ▸bootloader  000000  2f 07 b5 96 35 ff 2a 99 │/...5.*.", s.Rows()[1]);
        Assert.StartsWith("│A              000008  ", s.Rows()[2]);
    }

    [Fact]
    public void Keys_DownAtBottom_ScrollsOneRow_PageDown_End_Home()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        int rows = s.View.Viewport.Height;
        for (int i = 0; i < rows - 1; i++) s.Press(Key.CursorDown);
        Assert.Equal(0, s.View.Top);
        s.Press(Key.CursorDown);
        Assert.Equal(16, s.View.Top);
        s.Press(Key.PageDown);
        Assert.Equal(16 + 16 * (rows - 1), s.View.Top);
        s.Press(Key.G.WithShift);
        Assert.Equal(0x200000 - 1, s.View.Offset);
        Assert.StartsWith("│E 1ffff0", s.Rows()[rows]);
        s.Press(Key.Home);
        Assert.Equal(0, s.View.Offset);
        Assert.Equal(0, s.View.Top);
    }

    [Fact]
    public void Mouse_ClickSelectsByte_WheelScrolls()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        var layout = HexLayout.For(s.View.Viewport.Width, 0x200000);
        s.Mouse(1 + layout.HexX(5), 1 + 2, MouseFlags.LeftButtonClicked);
        Assert.Equal(2 * 16 + 5, s.View.Offset);
        s.Mouse(1 + layout.AsciiX(15), 1 + 3, MouseFlags.LeftButtonClicked);
        Assert.Equal(3 * 16 + 15, s.View.Offset);
        s.Mouse(10, 5, MouseFlags.WheeledDown);
        Assert.Equal(3 * 16, s.View.Top);
        Assert.StartsWith("│A 000030", s.Rows()[1]);
    }

    [Fact]
    public void Goto_PartitionName_OffsetAndRelative_WithCompletion()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        Assert.True(s.View.Goto("RF-Calibration"));
        Assert.Equal(0x1D0000, s.View.Offset);
        Assert.Equal("rf-calibration", s.View.CurrentPartition?.Name);
        Assert.True(s.View.Goto("+0x10"));
        Assert.Equal(0x1D0010, s.View.Offset);
        Assert.True(s.View.Goto("69632"));
        Assert.Equal(0x11000, s.View.Offset);
        Assert.False(s.View.Goto("0x900000"));
        Assert.Contains("outside the file", s.Messages[^1].Text);
        Assert.False(s.View.Goto("nowhere"));
        Assert.Contains("bootloader", s.Messages[^1].Text);
        Assert.Equal(["download"], s.View.GotoCompletions("do"));
        Assert.Equal(5, s.View.GotoCompletions("").Count);
    }

    [Fact]
    public void GotoAnswer_MovesToThePartition()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        Assert.True(s.View.Submit(HexDumpView.GotoPurpose, "tuya-kv"));
        s.Draw();
        Assert.Equal(0x1EE000, s.View.Offset);
        Assert.StartsWith("│E 1ee000", s.Rows()[1]);
    }

    [Fact]
    public void Find_HexAndText_NextAndPrevious_Wrap()
    {
        var bytes = new byte[0x4000];
        "BK7231"u8.CopyTo(bytes.AsSpan(0x100));
        "BK7231"u8.CopyTo(bytes.AsSpan(0x2000));
        using var s = new HexScreen(80, 24, HexDocument.FromBytes("t.bin", bytes));
        Assert.True(s.View.Find("\"BK7231\""));
        Assert.Equal(0x100, s.View.Offset);
        s.Press(Key.N);
        Assert.Equal(0x2000, s.View.Offset);
        s.Press(Key.N);
        Assert.Equal(0x100, s.View.Offset);
        Assert.Contains("wrapped", s.Messages[^1].Text);
        s.Press(Key.N.WithShift);
        Assert.Equal(0x2000, s.View.Offset);
        Assert.True(s.View.Find("42 4b 37"));
        Assert.Equal(0x2000, s.View.Offset);
        Assert.False(s.View.Find("de ad be ef"));
        Assert.Contains("not found", s.Messages[^1].Text);
    }

    [Fact]
    public void Bookmarks_MarkedInMargin_JumpWraps()
    {
        using var s = new HexScreen(80, 24, HexScreen.SyntheticDump());
        s.Press(Key.M);
        s.View.Goto(0x11000);
        s.Press(Key.M);
        Assert.Equal([0L, 0x11000L], s.View.Bookmarks.Order());
        Assert.StartsWith("│B*011000", s.Rows()[1]);
        s.Press(Key.B);
        Assert.Equal(0, s.View.Offset);
        s.Press(Key.B.WithShift);
        Assert.Equal(0x11000, s.View.Offset);
        s.Press(Key.M);
        Assert.Single(s.View.Bookmarks);
    }

    [Fact]
    public void ReadsOnlyVisibleRows_OfAHugeFile()
    {
        var source = new CountingSource(64L << 30);
        using var s = new HexScreen(80, 24, new HexDocument(source));
        source.BytesRead = 0;
        Assert.True(s.View.Goto("0x800000000"));
        s.Draw();
        Assert.InRange(source.BytesRead, 1, 16 * 22);
        // Nine address digits leave no room for spaced bytes at 78 columns: 16 in pairs.
        Assert.StartsWith("│  800000000  0000 0000 0000 0000 0000 0000 0000 0000 │................", s.Rows()[1]);
    }

    [Fact]
    public void OpenFile_Directly_HasTheDumpsOwnPartitions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bktui-hex-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, BkTui.Core.Formats.Synthesis.FlashImageBuilder.Build(new() { Family = BkTui.Core.Chips.ChipFamily.BK7231N }));
        try
        {
            using var s = new HexScreen(80, 24, HexDocument.Open(path));
            Assert.Empty(s.View.Document!.Map.Rows); // mapped at once; the analysis comes after
            s.View.ShowMap(s.View.Document, HexDocument.Analyse(path));
            s.Draw();
            Assert.Equal(["bootloader", "app", "download", "rf-calibration", "tuya-kv"], s.View.Document!.Map.Rows.Select(r => r.Name));
            Assert.StartsWith("│A 000000", s.Rows()[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
