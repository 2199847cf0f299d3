using BkTui.Core.Chips;
using BkTui.Simulator;

namespace BkTui.Tests.Simulator;

/// <summary>The rate limits the virtual chip models: the family's maximum, the adapter's, and a cable that damages fast replies.</summary>
public class LinkModelTests
{
    private static byte[] SetBaud(uint baud, byte delayMs = 20) => [0x01, 0xE0, 0xFC, 0x06, 0x0F, .. Hex.U32(baud), delayMs];

    private const string Read4KAt0x11000 = "01 E0 FC FF F4 05 00 09 00 10 01 00";

    /// <summary>The 4 KiB at 0x11000 as the host receives them.</summary>
    private static byte[] ReadApp(ChipHarness h) => h.Exchange(Read4KAt0x11000, 4111).AsSpan(15).ToArray();

    [Fact]
    public void A_Rate_Above_The_Family_Maximum_Is_Not_Taken()
    {
        // BK7238's maximum is unknown: the model (and the ladder) stop at 921,600.
        using var h = new ChipHarness(ChipFamily.BK7238, hostBaudVisible: false);
        Assert.Equal(ChipProfiles.UnknownMaxBaud, h.Chip.MaxBaud);
        h.Wire.Host.Write(SetBaud(2_000_000));
        Assert.Empty(h.ReadFor(0.2));
        Assert.Equal(115200, h.Chip.Baud);
        Assert.Contains(h.Events, e => e.Contains("not taken"));
        Assert.Equal(12, h.Exchange(SetBaud(921600), 12).Length);
        Assert.Equal(921600, h.Chip.Baud);
    }

    [Fact]
    public void The_N_Takes_Two_Megabaud_But_Not_Three()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, hostBaudVisible: false);
        Assert.Equal(2_000_000, h.Chip.MaxBaud);
        h.Wire.Host.Write(SetBaud(3_000_000));
        Assert.Empty(h.ReadFor(0.2));
        Assert.Equal(12, h.Exchange(SetBaud(2_000_000), 12).Length);
        Assert.Equal(2_000_000, h.Chip.Baud);
    }

    [Theory]
    [InlineData("16550", 460800u, 115200u)]
    [InlineData("cp2102", 1500000u, 921600u)]
    [InlineData("ch340", 3000000u, 2000000u)]
    public void An_Adapter_That_Cannot_Carry_A_Rate_Never_Gets_The_Chip_There(string adapter, uint tooFast, uint fits)
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, hostBaudVisible: false, adapter: AdapterModel.Parse(adapter));
        h.Wire.Host.Write(SetBaud(tooFast));
        Assert.Empty(h.ReadFor(0.2));
        Assert.Equal(115200, h.Chip.Baud);
        if (fits > 115200)
        {
            Assert.Equal(12, h.Exchange(SetBaud(fits), 12).Length);
            Assert.Equal((int)fits, h.Chip.Baud);
        }
    }

    [Fact]
    public void An_Adapter_Asked_For_Too_Much_Runs_At_Its_Top()
    {
        // The host believes in 1.5 M; a CP2102 puts 921,600 on the wire: a chip at 921,600 understands, one at 115,200 does not.
        using var h = new ChipHarness(ChipFamily.BK7231N, adapter: AdapterModel.Parse("cp2102"));
        h.Wire.Host.Write(SetBaud(921600, delayMs: 250)); // a long delay: the host switches well inside it
        Thread.Sleep(30);
        h.Wire.Host.SetBaud(921600);
        Assert.Equal(12, h.ReadExactly(12).Length);
        Assert.Equal("040E0501E0FC0100", Hex.Of(h.Exchange("01 E0 FC 01 00", 8)));
        h.Wire.Host.SetBaud(1_500_000);
        Assert.Equal("040E0501E0FC0100", Hex.Of(h.Exchange("01 E0 FC 01 00", 8)));
    }

    /// <summary>An N behind the cable <paramref name="spec"/>, switched to <paramref name="baud"/>; <paramref name="want"/> is what ReadApp should give.</summary>
    private static ChipHarness OnCable(string spec, uint baud, out byte[] want)
    {
        var h = new ChipHarness(ChipFamily.BK7231N, hostBaudVisible: false, cable: CableModel.Parse(spec));
        want = h.Original.AsSpan(0x11000, 4096).ToArray();
        h.Exchange(SetBaud(baud), 12);
        return h;
    }

    [Fact]
    public void A_Bad_Cable_Damages_Replies_Above_Its_Rate_Only()
    {
        using var h = OnCable("bad@1500000", 1_500_000, out var want);
        Assert.Equal(want, ReadApp(h));
        Assert.Equal(0, h.Chip.CableFlips);
        h.Exchange(SetBaud(2_000_000), 12);
        Assert.NotEqual(want, ReadApp(h));
        Assert.True(h.Chip.CableFlips > 0);
    }

    [Fact]
    public void A_Cable_Can_Go_Bad_Mid_Transfer()
    {
        using var h = OnCable("bad@921600:20000", 2_000_000, out var want);
        Assert.Equal(want, ReadApp(h));
        while (h.Chip.BytesSent < 20000) ReadApp(h);
        Assert.NotEqual(want, ReadApp(h));
    }

    [Theory]
    [InlineData("good", null, 0L)]
    [InlineData("bad@1500000", 1500000, 0L)]
    [InlineData("bad@921600:300000", 921600, 300000L)]
    public void Cable_Specs_Parse(string spec, int? above, long from)
    {
        var c = CableModel.Parse(spec);
        Assert.Equal(above, c.CorruptAbove);
        Assert.Equal(from, c.FromByte);
        Assert.Equal(spec, c.ToString());
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("bad@fast")]
    [InlineData("bad@1500000:x")]
    [InlineData("worse@1500000")]
    public void Bad_Cable_Specs_Say_What_Is_Expected(string spec) =>
        Assert.Contains("bad@RATE", Assert.Throws<ArgumentException>(() => CableModel.Parse(spec)).Message);

    [Fact]
    public void Unknown_Adapters_Are_Named() =>
        Assert.Contains("cp2102", Assert.Throws<ArgumentException>(() => AdapterModel.Parse("pl9999")).Message);
}
