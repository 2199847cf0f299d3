using BkTui.Core.Chips;
using BkTui.Core.Formats.Obk;

namespace BkTui.Tests.Formats;

public class ObkConfigTests
{
    [Fact]
    public void Crc8_variants_match_the_doc_vectors()
    {
        Assert.Equal(0xA1, ObkCrc8.Compute("123456789"u8, bekenSigned: false));
        Assert.Equal(0x63, ObkCrc8.Compute("123456789"u8, bekenSigned: true));
        Assert.Equal(0x0E, ObkCrc8.Compute([4, 0, 0, 0], bekenSigned: false));
        Assert.Equal(0xA4, ObkCrc8.Compute([4, 0, 0, 0], bekenSigned: true));
    }

    [Fact]
    public void Written_config_reads_back_with_a_valid_beken_crc()
    {
        var sector = ObkConfigWriter.Build(ChipFamily.BK7231N, "MyWifi", "p@ss word", "192.168.1.10", "kitchen");
        Assert.Equal(4096, sector.Length);
        Assert.All(sector[0xE00..], b => Assert.Equal(0xFF, b));
        var c = ObkConfig.TryParse(sector)!;
        Assert.True(c.CrcOk);
        Assert.Equal("beken", c.CrcVariant);
        Assert.Equal(4, c.Version);
        Assert.Equal("MyWifi", c.WifiSsid);
        Assert.Equal("p@ss word", c.WifiPassword);
        Assert.Equal("192.168.1.10", c.MqttHost);
        Assert.Equal(1883, c.MqttPort);
        Assert.Equal("kitchen", c.ShortName);
        Assert.Equal("kitchen", c.MqttClientId);
        Assert.Equal("homeassistant", c.MqttUser);
        Assert.Equal(1u << 10, c.Flags);

        sector[0x20] ^= 1;
        Assert.False(ObkConfig.TryParse(sector)!.CrcOk);
    }

    [Fact]
    public void Default_names_follow_the_gft_pattern_and_bad_input_is_refused()
    {
        var c = ObkConfig.TryParse(ObkConfigWriter.Build(ChipFamily.BK7231T, "a", "b"))!;
        Assert.Matches("^obk[0-9A-F]{6}$", c.ShortName);
        Assert.Equal("OpenBK7231T_" + c.ShortName[3..], c.LongName);
        Assert.Throws<ArgumentException>(() => ObkConfigWriter.Build(ChipFamily.BK7231N, new string('x', 64), "b"));
        Assert.Null(ObkConfig.TryParse(new byte[4096]));
        Assert.Equal(0x1D1000u, ObkConfig.OffsetFor(ChipFamily.BK7231M));
        Assert.Equal(0x1E1000u, ObkConfig.OffsetFor(ChipFamily.BK7231T));
    }
}
