using BkTui.Core.Chips;
using BkTui.Core.Flashing;

namespace BkTui.Tests.Flashing;

public class GuardAndWriteTests
{
    private static byte[] Random(int length, int seed)
    {
        var b = new byte[length];
        new Random(seed).NextBytes(b);
        return b;
    }

    [Fact]
    public void BootloaderRangeIsRefusedWithoutConsentAndNothingIsSent()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        var e = Assert.Throws<GuardRefusedException>(() => s.Write(0x10000, Random(0x2000, 1)));
        Assert.Contains("--allow-bootloader", e.Message);
        Assert.Throws<GuardRefusedException>(() => s.Erase(0, 0x1000, allowBootloader: false));
        Assert.Equal(0, link.ModifyingCommands);
    }

    [Fact]
    public void BootloaderOfTIsNeverWrittenEvenWithConsent()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231T);
        var e = Assert.Throws<GuardRefusedException>(() => s.Write(0, Random(0x1000, 1), new WriteOptions { AllowBootloader = true }));
        Assert.Contains("never written", e.Message);
        Assert.Equal(0, link.ModifyingCommands);
    }

    [Fact]
    public void BeyondTheFlashIsRefused()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        Assert.Throws<GuardRefusedException>(() => s.Write(0x1FF000, Random(0x2000, 1)));
        Assert.Throws<GuardRefusedException>(() => s.Read(0x1FF000, 0x2000));
        Assert.Equal(0, link.ModifyingCommands);
    }

    [Fact]
    public void BootloaderWriteWithConsentWorksOnN()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        var data = Random(0x1000, 3);
        s.Write(0, data, new WriteOptions { AllowBootloader = true });
        Assert.Equal(data, link.Flash[..0x1000]);
    }

    [Theory]
    [InlineData(ChipFamily.BK7231N)]
    [InlineData(ChipFamily.BK7231T)] // CRC lock: needs the LinkCheck between CheckCRC and erase/write
    public void WriteLandsExactlyAndLeavesTheRestUntouched(ChipFamily family)
    {
        var image = FakeChips.Image(family);
        var (link, s) = FakeChips.Connect(family, image);
        var original = (byte[])link.Flash.Clone();
        var data = Random(0x23456, 7); // not a multiple of 4 KiB: the tail sector is merged
        s.Write(0x11000, data);
        Assert.Equal(data, link.Flash.AsSpan(0x11000, data.Length).ToArray());
        Assert.Equal(original.AsSpan(0, 0x11000).ToArray(), link.Flash.AsSpan(0, 0x11000).ToArray());
        Assert.Equal(original.AsSpan(0x11000 + data.Length).ToArray(), link.Flash.AsSpan(0x11000 + data.Length).ToArray());
        Assert.True(s.Verify(0x11000, data));
    }

    [Fact]
    public void RewritingTheSameDataSendsNoEraseOrWrite()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        var same = link.Flash.AsSpan(0x20000, 0x20000).ToArray();
        s.Write(0x20000, same);
        Assert.Equal(0, link.ModifyingCommands);
    }

    [Fact]
    public void ProtectedFlashIsUnprotectedAndProtectionRestored()
    {
        var image = FakeChips.Image(ChipFamily.BK7231N);
        var link = new FakeChipLink(ChipFamily.BK7231N, image) { StatusRegister = 0x001C };
        var s = ChipSession.Connect(link, FakeChips.Options());
        var data = Random(0x1000, 9);
        s.Write(0x100000, data);
        Assert.Equal(data, link.Flash.AsSpan(0x100000, 0x1000).ToArray());
        Assert.Equal(0x001C, link.StatusRegister);
    }

    [Fact]
    public void EraseBlanksTheRangeOnly()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        var original = (byte[])link.Flash.Clone();
        s.Erase(0x1F000, 0x22000, allowBootloader: false);
        Assert.All(link.Flash.AsSpan(0x1F000, 0x22000).ToArray(), b => Assert.Equal(0xFF, b));
        Assert.Equal(original.AsSpan(0, 0x1F000).ToArray(), link.Flash.AsSpan(0, 0x1F000).ToArray());
        Assert.Equal(original.AsSpan(0x41000).ToArray(), link.Flash.AsSpan(0x41000).ToArray());
    }
}
