using BkTui.Core.Protocol;

namespace BkTui.Tests.Protocol;

/// <summary>Frames byte for byte against the worked examples of protocol.md §15.</summary>
public class CommandFrameTests
{
    private static string Hex(byte[] b) => Convert.ToHexString(b);

    [Fact]
    public void LinkCheckIsTheFiveByteShortFrame() => Assert.Equal("01E0FC0100", Hex(CommandFrame.LinkCheck()));

    [Fact]
    public void SetBaudRateCarriesRateAndDelay() =>
        Assert.Equal("01E0FC060F00100E0014", Hex(CommandFrame.SetBaudRate(921600, 20)));

    [Fact]
    public void Read4KUsesTheLongForm() => Assert.Equal("01E0FCFFF405000900100100", Hex(CommandFrame.FlashRead4K(0x11000)));

    [Fact]
    public void CheckCrcPassesTheEndFieldThrough() =>
        Assert.Equal("01E0FC09100010010000200100", Hex(CommandFrame.CheckCrc(0x11000, 0x12000)));

    [Fact]
    public void EraseAndWriteMatchTheCapture()
    {
        Assert.Equal("01E0FCFFF406000F2000100100", Hex(CommandFrame.FlashErase(EraseSize.Sector4K, 0x11000)));
        var write = CommandFrame.FlashWrite4K(0x11000, new byte[4096]);
        Assert.Equal(4108, write.Length);
        Assert.Equal("01E0FCFFF405100700100100", Hex(write[..12]));
    }

    [Fact]
    public void FlashIdAndStatusRegisterFrames()
    {
        Assert.Equal("01E0FCFFF405000E9F000000", Hex(CommandFrame.FlashGetMid()));
        Assert.Equal("01E0FCFFF402000C05", Hex(CommandFrame.FlashReadSr(0x05)));
        Assert.Equal("01E0FCFFF404000D013412", Hex(CommandFrame.FlashWriteSr16(0x01, 0x1234)));
        Assert.Equal("01E0FC050300008000", Hex(CommandFrame.ReadReg(0x800000)));
    }

    [Fact]
    public void OpcodeFamiliesStayDistinct()
    {
        // 0x0E is Reboot (short) and FlashGetMID (long); the frames must differ in form, not only in payload.
        Assert.Equal("01E0FC020EA5", Hex(CommandFrame.Reboot()));
        Assert.Equal(0xFF, CommandFrame.Long(LongOpcode.FlashGetMid)[3]);
        Assert.NotEqual(0xFF, CommandFrame.Short(ShortOpcode.Reboot)[3]);
    }

    [Fact]
    public void WrongSectorSizeIsRejected() =>
        Assert.Throws<ArgumentException>(() => CommandFrame.FlashWrite4K(0, new byte[100]));
}
