using System.Buffers.Binary;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

public class RfTests
{
    [Theory]
    [InlineData(ChipFamily.BK7231T, 0x1E0u)]
    [InlineData(ChipFamily.BK7231U, 0x1E0u)]
    [InlineData(ChipFamily.BK7252, 0x1E0u)]
    [InlineData(ChipFamily.BK7231N, 0x62u)]
    [InlineData(ChipFamily.BK7231M, 0x62u)]
    [InlineData(ChipFamily.BK7238, 0x1E0u)]
    public void Templates_have_the_documented_length_and_mac_position(ChipFamily family, uint length)
    {
        var mac = new MacAddress(0xC8, 0x47, 0x8C, 0x12, 0x34, 0x56);
        var sector = RfTemplate.Build(family, mac);
        Assert.Equal(4096, sector.Length);
        Assert.Equal("TLV\0"u8.ToArray(), sector[..4]);
        Assert.Equal(length, BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4)));
        // GFT/LTC read the MAC at fixed offsets without parsing: tag at 0x1C, value at 0x24.
        Assert.Equal(new byte[] { 0x02, 0x11, 0x11, 0x11, 0x06, 0, 0, 0 }, sector[0x1C..0x24]);
        Assert.Equal(mac.ToBytes(), sector[0x24..0x2A]);
        Assert.All(sector[(8 + (int)length)..], b => Assert.Equal(0xFF, b));
        var parsed = RfCalibration.TryParse(sector)!;
        Assert.True(parsed.Complete);
        Assert.Equal(mac, parsed.Mac);
    }

    [Fact]
    public void Template_without_mac_keeps_the_oui_and_randomises_the_tail()
    {
        var a = RfCalibration.TryParse(RfTemplate.Build(ChipFamily.BK7231N))!.Mac!.Value;
        Assert.Equal((0x38, 0x1F, 0x8D), ((int)a.B0, (int)a.B1, (int)a.B2));
        Assert.True(RfTemplate.HasTemplateOui(a));
        Assert.False(PlaceholderMac.Is(a)); // a random tail is that device's MAC from then on
        Assert.True(PlaceholderMac.Is(RfTemplate.DefaultMac(ChipFamily.BK7231N)));
    }

    [Fact]
    public void Template_a_matches_the_layout_of_real_t_dumps()
    {
        var dump = SharedDumps.Load("Brilo-8464455-Ceiling-Light.bin");
        if (dump is null) return;
        var real = RfCalibration.TryParse(dump.AsSpan(0x1E0000, 4096))!;
        var template = RfCalibration.TryParse(RfTemplate.Build(ChipFamily.BK7231T))!;
        Assert.Equal(0x1E0u, real.TotalLength);
        Assert.Equal(real.Groups.Select(g => (g.Tag, g.Items.Count)), template.Groups.Select(g => (g.Tag, g.Items.Count)));
        Assert.Equal(real.Groups.SelectMany(g => g.Items).Select(i => (i.Tag, i.Value.Length)),
            template.Groups.SelectMany(g => g.Items).Select(i => (i.Tag, i.Value.Length)));
        // The MAC item holds the 6 bytes at the fixed offset 0x24 GFT uses.
        Assert.Equal(dump[0x1E0024..0x1E002A], real.Mac!.Value.ToBytes());
    }

    [Fact]
    public void Damaged_tlv_is_reported_incomplete_not_thrown()
    {
        var sector = RfTemplate.Build(ChipFamily.BK7231T);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(12), 0xFFFF); // group 1 length absurd
        var parsed = RfCalibration.TryParse(sector)!;
        Assert.False(parsed.Complete);
        Assert.Null(parsed.Mac);
        Assert.Null(RfCalibration.TryParse(new byte[4096]));
    }
}
