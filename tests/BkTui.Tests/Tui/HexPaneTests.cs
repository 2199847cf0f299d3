using System.Collections.Immutable;
using BkTui.Tui.Keys;
using BkTui.Tests.TestSupport;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui;

public class HexPaneTests
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
    public void Render_HugeFile_ReadsOnlyVisibleRows()
    {
        var source = new CountingSource(64L << 30); // 64 GiB
        var t = new TuiHarness().Do(new HexOpened(source)).Do(new PromptSubmitted("hex", "goto", "0x800000000"));
        source.BytesRead = 0;
        var rows = t.Rows();
        Assert.InRange(source.BytesRead, 1, 16 * 20);
        Assert.StartsWith(" 800000000  ", rows[2]);
    }

    [Fact]
    public void Geometry_80Columns_16BytesWithoutMargin_12WithPartitions()
    {
        Assert.Equal(16, HexGeometry.For(80, 0x200000, partitions: false).BytesPerLine);
        Assert.Equal(12, HexGeometry.For(80, 0x200000, partitions: true).BytesPerLine);
        Assert.Equal(16, HexGeometry.For(88, 0x200000, partitions: true).BytesPerLine);
        Assert.True(HexGeometry.For(80, 0x200000, partitions: true).Width <= 80);
    }

    [Fact]
    public void CursorDown_PastLastRow_ScrollsOneRow()
    {
        var t = new TuiHarness().Open(new byte[0x1000]);
        for (int i = 0; i < 19; i++) t.Press(Key.Of(KeyCode.Down));
        Assert.Equal(0, t.Hex.Top);
        t.Press(Key.Of(KeyCode.Down));
        Assert.Equal(16, t.Hex.Top);
        Assert.Equal(20 * 16, t.Hex.Cursor);
    }

    [Fact]
    public void PageDown_ThenEndAndHome()
    {
        var t = new TuiHarness().Open(new byte[0x1000]).Press(Key.Of(KeyCode.PageDown));
        Assert.Equal(19 * 16, t.Hex.Cursor);
        t.Press(Key.Ch('G'));
        Assert.Equal(0xFFF, t.Hex.Cursor);
        Assert.Contains("00000ff0", t.Rows()[21]);
        t.Press(Key.Ch('g'));
        Assert.Equal(0, t.Hex.Cursor);
    }

    [Theory]
    [InlineData("0x2010", 0x2010)]
    [InlineData("2010h", 0x2010)]
    [InlineData("8208", 8208)]
    [InlineData("config", 0x2000)]
    [InlineData("+0x10", 0x10)]
    public void Goto_AcceptsHexDecimalAndPartitionNames(string text, long expected)
    {
        var t = new TuiHarness(partitions: TuiHarness.SamplePartitions).Open(TuiHarness.SampleImage());
        t.Do(new PromptSubmitted("hex", "goto", text));
        Assert.Equal(expected, t.Hex.Cursor);
    }

    [Fact]
    public void Goto_PastTheEnd_Warns()
    {
        var t = new TuiHarness().Open(new byte[16]).Do(new PromptSubmitted("hex", "goto", "0x100"));
        Assert.Equal(0, t.Hex.Cursor);
        Assert.Contains("past the end", t.State.Flash!.Text);
    }

    [Fact]
    public void Search_HexAndText_NextWrapsAround()
    {
        var image = TuiHarness.SampleImage();
        var t = new TuiHarness().Open(image);
        t.Press(Key.Ch('/')).Type("42 4b 37 32").Press(Key.Of(KeyCode.Enter));
        Assert.Equal(0x40, t.Hex.Cursor);
        t.Do(new PromptSubmitted("hex", "search", "OpenBK"));
        Assert.Equal(0x1100, t.Hex.Cursor);
        t.Press(Key.Ch('n'));
        Assert.Equal(0x1100, t.Hex.Cursor);
        Assert.Contains("wrapped", t.State.Flash!.Text);
        t.Do(new PromptSubmitted("hex", "search", "\"nowhere to be found\""));
        Assert.Contains("not found", t.State.Flash!.Text);
    }

    [Fact]
    public void Find_AcrossChunkBoundaries_BothDirections()
    {
        var bytes = new byte[(3 << 20) + 100];
        byte[] pattern = [1, 2, 3, 4, 5];
        pattern.CopyTo(bytes, (1 << 20) - 2); // straddles the first 1 MiB chunk
        pattern.CopyTo(bytes, (2 << 20) + 7);
        var source = new MemoryByteSource("x", bytes);
        Assert.Equal((1 << 20) - 2, HexSearch.Find(source, pattern, 0, 1));
        Assert.Equal((2 << 20) + 7, HexSearch.Find(source, pattern, (1 << 20), 1));
        Assert.Equal((2 << 20) + 7, HexSearch.Find(source, pattern, bytes.Length - 1, -1));
        Assert.Equal((1 << 20) - 2, HexSearch.Find(source, pattern, (2 << 20) + 6, -1));
        Assert.Null(HexSearch.Find(source, pattern, (2 << 20) + 8, 1));
    }

    [Fact]
    public void Partitions_JumpAndNameInMargin()
    {
        var t = new TuiHarness(partitions: TuiHarness.SamplePartitions).Open(TuiHarness.SampleImage());
        t.Press(Key.Ch(']'));
        Assert.Equal(0x1000, t.Hex.Cursor);
        Assert.Contains("▸app", string.Join("\n", t.Rows()));
        t.Press(Key.Ch(']'), Key.Ch('['));
        Assert.Equal(0x1000, t.Hex.Cursor);
    }

    [Fact]
    public void Bookmarks_ToggleAndCycle()
    {
        var t = new TuiHarness().Open(new byte[0x1000]);
        t.Do(new PromptSubmitted("hex", "goto", "0x100")).Press(Key.Ch('m'));
        t.Do(new PromptSubmitted("hex", "goto", "0x800")).Press(Key.Ch('m'));
        t.Press(Key.Ch('g'), Key.Ch('b'));
        Assert.Equal(0x100, t.Hex.Cursor);
        t.Press(Key.Ch('b'));
        Assert.Equal(0x800, t.Hex.Cursor);
        t.Press(Key.Ch('b'));
        Assert.Equal(0x100, t.Hex.Cursor);
        t.Press(Key.Ch('m'));
        Assert.Equal([0x800L], t.Hex.Bookmarks);
    }

    [Fact]
    public void Compare_HighlightsChangesAndJumpsToNextDifference()
    {
        var a = TuiHarness.SampleImage();
        var b = (byte[])a.Clone();
        b[0x123] ^= 0xFF;
        b[0x2F00] = 0x00;
        var t = new TuiHarness().Open(a).Do(new HexOpened(new MemoryByteSource("other.bin", b), AsCompare: true));
        t.Press(Key.Ch('d'));
        Assert.Equal(0x123, t.Hex.Cursor);
        t.Press(Key.Ch('d'));
        Assert.Equal(0x2F00, t.Hex.Cursor);
        t.Press(Key.Ch('d'));
        Assert.Contains("no difference after", t.State.Flash!.Text);
        t.Press(Key.Ch('D'));
        Assert.Equal(0x123, t.Hex.Cursor);
        // The changed byte is drawn in the HexChanged style (cursor moved away first).
        t.Press(Key.Of(KeyCode.Right));
        var buffer = t.App.Compose();
        int changedStyle = BkTui.Tui.Render.Theme.Id(BkTui.Tui.Render.Role.HexChanged);
        Assert.Contains(Enumerable.Range(0, buffer.Height).SelectMany(y => Enumerable.Range(0, buffer.Width).Select(x => buffer[x, y].Style)), s => s == changedStyle);
    }

    [Fact]
    public void NextDifference_LengthMismatch_CountsTailAsDifferent()
    {
        var a = new MemoryByteSource("a", new byte[100]);
        var b = new MemoryByteSource("b", new byte[80]);
        Assert.Equal(80, HexSearch.NextDifference(a, b, 0, 1));
        Assert.Null(HexSearch.NextDifference(a, b, 79, -1));
    }

    [Fact]
    public void MappedFile_RealDump_OpensAndReads()
    {
        var dir = RepoPaths.SharedDumps;
        if (dir is null) return; // shared dumps absent: nothing to read
        var path = Directory.GetFiles(dir, "*.bin").Order().First();
        using var mapped = MappedFileSource.Open(path);
        var expected = File.ReadAllBytes(path);
        Assert.Equal(expected.LongLength, mapped.Length);
        var buf = new byte[64];
        Assert.Equal(64, mapped.Read(0x11000, buf));
        Assert.Equal(expected.AsSpan(0x11000, 64).ToArray(), buf);
        Assert.Equal(0, mapped.Read(mapped.Length, buf));
    }

    [Fact]
    public void MappedFile_EmptyAndMissing()
    {
        var empty = Path.GetTempFileName();
        try
        {
            using var s = MappedFileSource.Open(empty);
            Assert.Equal(0, s.Length);
            var t = new TuiHarness().Do(new HexOpened(MappedFileSource.Open(empty)));
            Assert.Contains("is empty", t.Screen());
        }
        finally { File.Delete(empty); }
        Assert.Throws<FileNotFoundException>(() => MappedFileSource.Open("/nonexistent/x.bin"));
        var missing = new TuiHarness().Do(new HexOpenFile("/nonexistent/x.bin"));
        Assert.Equal(FlashLevel.Error, missing.State.Flash!.Level);
        Assert.Contains("/nonexistent/x.bin", missing.State.Flash.Text);
    }

    [Fact]
    public void PartitionList_ParsesAndRejects()
    {
        var list = PartitionRange.ParseList("app:0x11000:0x121000, boot:0:69632");
        Assert.Equal([new PartitionRange("boot", 0, 0x11000), new PartitionRange("app", 0x11000, 0x121000)], list);
        Assert.Throws<FormatException>(() => PartitionRange.ParseList("app:zz:1"));
    }

    [Fact]
    public void DeviceBytes_ControlCharactersShownAsDots()
    {
        var t = new TuiHarness().Open("\u001b[2J\u0007\u009b"u8.ToArray());
        Assert.Contains("│.[2J...", string.Join("\n", t.Rows()));
    }

    [Fact]
    public void SetPartitions_FromEngine()
    {
        var t = new TuiHarness().Open(new byte[0x100]).Do(new HexSetPartitions(ImmutableArray.Create(new PartitionRange("rf", 0x80, 0x80))));
        t.Press(Key.Ch(']'));
        Assert.Equal(0x80, t.Hex.Cursor);
    }
}
