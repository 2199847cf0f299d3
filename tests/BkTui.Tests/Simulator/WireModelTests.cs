using BkTui.Core.Chips;
using BkTui.Simulator;
using static BkTui.Tests.Simulator.Requests;

namespace BkTui.Tests.Simulator;

/// <summary>
/// The wire model's arithmetic, on the modelled clock (a <see cref="ManualSimClock"/>: no wall time,
/// exact values). Every byte costs 10 bit-times at its sender's baud; the reply starts only after
/// the request has fully arrived and the flash work is done.
/// </summary>
public class WireModelTests
{
    private static readonly SimTiming T = SimTiming.Default;
    private static double Bt(int baud) => 10.0 / baud;

    private static ChipHarness Modelled(ChipFamily family = ChipFamily.BK7231N) =>
        new(family, wireModel: true, clock: new ManualSimClock(), hostBaudVisible: false);

    // Values compare to 8 decimals (10 ns): arrival times come from a clock kept in whole nanoseconds.
    private static double Delta(ChipHarness h, Action exchange)
    {
        double before = h.Chip.ModelledSeconds;
        exchange();
        return h.Chip.ModelledSeconds - before;
    }

    [Fact]
    public void TimingProfile_HasDatasheetClassNumbers()
    {
        Assert.InRange(T.Erase4K, 0.005, 0.5);
        Assert.InRange(T.Erase64K, T.Erase4K, 3);
        Assert.InRange(T.ProgramPage, 0.0001, 0.005);
        Assert.True(T.CrcPerByte > 0);
        Assert.True(T.LinkWindow > 0);
    }

    [Fact]
    public void LinkCheck_CostsRequestPlusReplyBytes()
    {
        using var h = Modelled();
        Assert.Equal(13 * Bt(115200), Delta(h, () => h.Exchange(LinkCheck, 8)), 8);
    }

    [Fact]
    public void Read4K_At921600_AfterBaudSwitch()
    {
        using var h = Modelled();
        double sw = Delta(h, () => h.Exchange(Short(0x0F, 0x00, 0x10, 0x0E, 0x00, 0x14), 12));
        Assert.Equal(10 * Bt(115200) + 0.020 + 12 * Bt(921600), sw, 8);
        double read = Delta(h, () => h.Exchange(Read4K(0x11000), Read4KReply));
        Assert.Equal(12 * Bt(921600) + T.Read4K + 4111 * Bt(921600), read, 8);
    }

    [Fact]
    public void Erase64K_AndWrite4K_AddModelledFlashTime()
    {
        using var h = Modelled();
        double erase = Delta(h, () => h.Exchange(Erase(0xD8, 0x20000), EraseReply));
        Assert.Equal(13 * Bt(115200) + T.Erase64K + 16 * Bt(115200), erase, 8);
        double erase4 = Delta(h, () => h.Exchange(Erase(0x20, 0x40000), EraseReply));
        Assert.Equal(13 * Bt(115200) + T.Erase4K + 16 * Bt(115200), erase4, 8);
        double write = Delta(h, () => h.Exchange(Write4K(0x20000, new byte[4096]), Write4KReply));
        Assert.Equal(4108 * Bt(115200) + 16 * T.ProgramPage + 15 * Bt(115200), write, 8);
    }

    [Fact]
    public void CheckCrc_CostsPerByteCovered()
    {
        using var h = Modelled(ChipFamily.BK7231T);
        double crc = Delta(h, () => h.Exchange(Crc(0x11000, 0x111000), CrcReply));
        Assert.Equal(13 * Bt(115200) + 0x100000 * T.CrcPerByte + 11 * Bt(115200), crc, 8);
    }

    [Fact]
    public void WithoutTheModel_NoFlashTimeIsCharged()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, wireModel: false, clock: new ManualSimClock(), hostBaudVisible: false);
        double erase = Delta(h, () => h.Exchange(Erase(0xD8, 0x20000), EraseReply));
        Assert.True(erase < T.Erase64K);
    }

    [Fact]
    public void HostAtTheWrongBaud_GetsGarbage()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        h.Wire.Host.Write(Short(0x0F, 0x00, 0x10, 0x0E, 0x00, 0x02)); // 921600, 2 ms
        for (int i = 0; i < 500 && h.Chip.BytesSent < 8 + 12; i++) Thread.Sleep(10);
        var got = h.ReadFor(0.1); // host never switched: reads 921600 bytes at 115200
        Assert.NotEqual(Hex.Parse("040E0901E0FC0F00100E0002"), got);
        Assert.True(got.Length < 12);
        // Requests sent at 115200 to a chip at 921600 are not understood either.
        h.Wire.Host.Write(LinkCheck);
        Assert.DoesNotContain("040E0501E0FC0100", Hex.Of(h.ReadFor(0.2)));
        h.Wire.Host.SetBaud(921600);
        Assert.Equal("040E0501E0FC0100", Hex.Of(h.Exchange(LinkCheck, 8)));
    }

    [Fact]
    public void UartLine_SameBaudIsIdentity_OtherBaudChangesBytes()
    {
        var data = Hex.Parse("01 E0 FC 01 00 55 AA FF 00");
        Assert.Equal(data, UartLine.Resample(data, 115200, 115200));
        var faster = UartLine.Resample(data, 115200, 921600); // receiver 8x faster: sees many bytes
        var slower = UartLine.Resample(data, 921600, 115200); // receiver 8x slower: sees few
        Assert.True(faster.Length > data.Length);
        Assert.True(slower.Length < data.Length);
        // 0xFF at 115200 read at 921600: the start bit alone spans 8 receiver bits → one 0x00... then idle.
        Assert.Equal(new byte[] { 0x00 }, UartLine.Resample([0x00], 115200, 921600).Take(1).ToArray());
    }
}
