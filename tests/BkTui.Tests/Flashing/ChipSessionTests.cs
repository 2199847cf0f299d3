using BkTui.Core.Chips;
using BkTui.Core.Flashing;

namespace BkTui.Tests.Flashing;

public class ChipSessionTests
{
    [Fact]
    public void IdentifiesN_ByChipIdAndTuyaKey()
    {
        var (_, s) = FakeChips.Connect(ChipFamily.BK7231N);
        Assert.Equal(ChipFamily.BK7231N, s.Info.Family);
        Assert.Equal(0x7231Cu, s.Info.ChipId);
        Assert.Equal("tuya", s.Info.KeyVerdict);
        Assert.Equal(0x1560EBu, s.Info.FlashId);
        Assert.Equal((uint)FakeChips.FlashSize, s.Info.FlashSize);
        Assert.Equal("C8:47:8C:12:34:56", s.Info.Mac);
        Assert.Equal(921600, s.Info.Baud);
    }

    [Fact]
    public void IdentifiesM_ByTheZeroKeyAndGivesTheSeedAdvice()
    {
        var (_, s) = FakeChips.Connect(ChipFamily.BK7231N, key: EfuseKey.Zero);
        Assert.Equal(ChipFamily.BK7231M, s.Info.Family);
        Assert.Equal("zero", s.Info.KeyVerdict);
        Assert.Contains(s.Info.Advice, a => a.Contains("zero-key", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void IdentifiesT_ByTheExclusiveCrcRuleAndBootVersion()
    {
        var (_, s) = FakeChips.Connect(ChipFamily.BK7231T);
        Assert.Equal(ChipFamily.BK7231T, s.Info.Family);
        Assert.Null(s.Info.EfuseKey);
        Assert.Contains("BK7231S_1.0.5", s.Info.Bootloader);
    }

    [Fact]
    public void PlaceholderMacAsksForRestoreRf()
    {
        var image = FakeChips.Image(ChipFamily.BK7231N, mac: [0xC8, 0x47, 0x8C, 0x00, 0x00, 0x00]);
        var (_, s) = FakeChips.Connect(ChipFamily.BK7231N, image);
        Assert.Contains(s.Info.Advice, a => a.Contains("Restore RF"));
    }

    [Fact]
    public void FallsBackDownTheBaudLadder()
    {
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N)) { MaxReliableBaud = 921600 };
        var s = ChipSession.Connect(link, FakeChips.Options(baud: 2000000) with { ReadMac = false });
        Assert.Equal(921600, s.Info.Baud);
        Assert.Equal(921600, link.Baud);
    }

    [Fact]
    public void NeverAsksTheChipForARateTheAdapterCannotDo()
    {
        // A 16550-class UART keeps its old rate when asked for more than 115200 (checked on ttyS0 in SerialPortTests).
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N)) { AdapterMaxBaud = 460800 };
        var log = new List<string>();
        var s = ChipSession.Connect(link, FakeChips.Options(baud: 1500000) with { ReadMac = false, BaudLadder = [1500000, 921600, 460800, 230400] },
            new RecordingObserver([], log));
        Assert.Equal(460800, s.Info.Baud);
        Assert.Equal(460800, link.Baud);
        Assert.Equal([460800u], link.BaudRequests); // 1.5 M and 921600 were refused by the driver before the chip heard of them
        Assert.Contains(log, l => l.Contains("cannot do 1500000 baud") && l.Contains("fake0"));
    }

    [Fact]
    public void LinksThroughRebootTextToARunningOpenBeken()
    {
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N)) { NeedsRebootText = true };
        var s = ChipSession.Connect(link, FakeChips.Options());
        Assert.Equal(ChipFamily.BK7231N, s.Info.Family);
    }

    [Fact]
    public void NoAnswerEndsWithNoLinkWithinTheBudget()
    {
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N)) { NeedsRebootText = true };
        var attention = new List<string>();
        var obs = new RecordingObserver(attention);
        var e = Assert.Throws<NoLinkException>(() =>
            ChipSession.Connect(link, FakeChips.Options() with { Reset = ResetStrategy.AskUser, LinkTimeout = TimeSpan.FromMilliseconds(1500) }, obs));
        Assert.Contains("fake0", e.Message);
        Assert.Contains("CEN", e.Message);
        Assert.NotEmpty(attention);
    }

    [Theory]
    [InlineData(ChipFamily.BK7231N)]
    [InlineData(ChipFamily.BK7231T)]
    public void FullReadEqualsTheImageAndSkipsErasedSectors(ChipFamily family)
    {
        var image = FakeChips.Image(family);
        var (link, s) = FakeChips.Connect(family, image);
        var before = link.Reads4K;
        var data = s.Read(0, s.Info.FlashSize);
        Assert.Equal(image, data);
        var readSectors = link.Reads4K - before;
        Assert.Equal(0x100 - 3 + 1, readSectors); // first MiB minus its 3 erased sectors, plus the RF sector
    }

    [Fact]
    public void UnalignedReadReturnsExactlyTheRange()
    {
        var image = FakeChips.Image(ChipFamily.BK7231N);
        var (_, s) = FakeChips.Connect(ChipFamily.BK7231N, image);
        Assert.Equal(image.AsSpan(0x11234, 0x2345).ToArray(), s.Read(0x11234, 0x2345));
    }

    [Fact]
    public void DifferentialReadReadsOnlyTheChangedSector()
    {
        var image = FakeChips.Image(ChipFamily.BK7231N);
        var old = (byte[])image.Clone();
        image[0x45678] ^= 0xFF; // one changed block
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N, image);
        var before = link.Reads4K;
        var data = s.Read(0, s.Info.FlashSize, new ReadOptions { Known = new PreviousImage(old, 0) });
        Assert.Equal(image, data);
        Assert.Equal(1, link.Reads4K - before); // only the changed sector: the other 15 of its block are proven equal
    }

    private sealed class RecordingObserver(List<string> attention, List<string>? log = null) : IFlashObserver
    {
        public void Progress(FlashProgress progress) { }
        public void NeedsAttention(string message) => attention.Add(message);
        public void Log(string line) => log?.Add(line);
    }
}

public class Bk7252SizeTests
{
    [Theory]
    [InlineData(0x200000)]
    [InlineData(0x400000)]
    public void ProbesTwoOrFourMiBThroughTheMirror(int size)
    {
        var image = new byte[size];
        new Random(9).NextBytes(image);
        var link = new FakeChipLink(ChipFamily.BK7252, image);
        using var s = ChipSession.Connect(link, FakeChips.Options() with { Family = ChipFamily.BK7252, ReadMac = false });
        Assert.Equal((uint)size, s.Info.FlashSize);
        Assert.Equal(image.AsSpan(size - 0x2000).ToArray(), s.Read((uint)size - 0x2000, 0x2000));
    }
}

public class CancellationTests
{
    private sealed class CancelAfter(CancellationTokenSource cts, long bytes) : IFlashObserver
    {
        public void Progress(FlashProgress p) { if (p.Phase == FlashPhase.Read && p.Done >= bytes) cts.Cancel(); }
        public void NeedsAttention(string message) { }
        public void Log(string line) { }
    }

    [Fact]
    public void CancellingStopsAReadAtASectorBoundary()
    {
        using var cts = new CancellationTokenSource();
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N));
        using var s = ChipSession.Connect(link, FakeChips.Options() with { ReadMac = false }, new CancelAfter(cts, 0x8000));
        var before = link.Reads4K;
        Assert.ThrowsAny<OperationCanceledException>(() => s.Read(0, s.Info.FlashSize, null, cts.Token));
        Assert.InRange(link.Reads4K - before, 1, 9);
    }
}
