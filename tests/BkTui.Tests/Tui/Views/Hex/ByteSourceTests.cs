using System.Collections.Immutable;
using BkTui.Tui.Keys;
using BkTui.Tests.TestSupport;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Views.Hex;

/// <summary>The byte sources under the hex viewer (memory, mapped file) and the search over them.</summary>
public class ByteSourceTests
{
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
            var t = new TuiHarness().Do(new HexOpenFile(empty));
            Assert.Equal(0, t.HexView.Document!.Length);
        }
        finally { File.Delete(empty); }
        Assert.Throws<FileNotFoundException>(() => MappedFileSource.Open("/nonexistent/x.bin"));
        var missing = new TuiHarness().Do(new HexOpenFile("/nonexistent/x.bin"));
        Assert.Equal(FlashLevel.Error, missing.State.Flash!.Level);
        Assert.Contains("/nonexistent/x.bin", missing.State.Flash.Text);
    }
}
