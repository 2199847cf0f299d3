using BkTui.Core.Chips;
using BkTui.Core.Flashing;

namespace BkTui.Tests.Flashing;

/// <summary>Bounded retries: dropped and corrupted replies, boot-log noise and a chip reset all end verified or with a clear error.</summary>
public class FaultRecoveryTests
{
    private static (FakeChipLink, ChipSession) Connected(ChipFamily family = ChipFamily.BK7231N)
    {
        var (link, s) = FakeChips.Connect(family, options: FakeChips.Options() with { ReadMac = false });
        return (link, s);
    }

    [Theory]
    [InlineData(FakeChipLink.Fault.Drop)]
    [InlineData(FakeChipLink.Fault.Flip)]
    [InlineData(FakeChipLink.Fault.Reset)]
    public void ReadSurvivesOccasionalFaults(FakeChipLink.Fault fault)
    {
        var (link, s) = Connected();
        var start = link.Commands;
        link.Faults = (n, op) => op == 0x09 && (n - start) % 97 == 5 ? fault : FakeChipLink.Fault.None;
        var data = s.Read(0, 0x80000);
        Assert.Equal(link.Flash.AsSpan(0, 0x80000).ToArray(), data);
    }

    [Theory]
    [InlineData(FakeChipLink.Fault.Drop)]
    [InlineData(FakeChipLink.Fault.Flip)]
    [InlineData(FakeChipLink.Fault.Reset)]
    public void WriteSurvivesOccasionalFaults(FakeChipLink.Fault fault)
    {
        var (link, s) = Connected();
        var data = new byte[0x30000];
        new Random(5).NextBytes(data);
        var start = link.Commands;
        link.Faults = (n, op) => (n - start) % 53 == 7 ? fault : FakeChipLink.Fault.None;
        s.Write(0x40000, data);
        link.Faults = (_, _) => FakeChipLink.Fault.None;
        Assert.Equal(data, link.Flash.AsSpan(0x40000, data.Length).ToArray());
    }

    [Fact]
    public void BootLogNoiseBeforeEveryReplyIsTolerated()
    {
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N)) { Garbage = "\r\n[I] ap0 \x04\x0e\x05 boot\r\n"u8.ToArray() };
        var s = ChipSession.Connect(link, FakeChips.Options());
        Assert.Equal(link.Flash.AsSpan(0, 0x40000).ToArray(), s.Read(0, 0x40000));
    }

    [Fact]
    public void APersistentFaultEndsWithAClearBoundedError()
    {
        var (link, s) = Connected();
        link.Faults = (_, op) => op == 0x09 ? FakeChipLink.Fault.Flip : FakeChipLink.Fault.None;
        var e = Assert.Throws<RetriesExhaustedException>(() => s.Read(0x11000, 0x1000));
        Assert.Equal(0x11000u, e.Address);
        Assert.Contains("fake0", e.Message);
        Assert.Contains("retry", e.Message);
    }

    [Fact]
    public void AChipThatNeverComesBackEndsWithNoLink()
    {
        var (link, s) = Connected();
        link.Faults = (_, _) => FakeChipLink.Fault.Reset;
        link.NeedsRebootText = true; // after the reset it does not answer any more
        var options = FakeChips.Options();
        Assert.ThrowsAny<FlashException>(() => s.Read(0x11000, 0x1000));
    }
}
