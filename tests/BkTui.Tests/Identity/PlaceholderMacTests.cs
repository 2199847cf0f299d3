using BkTui.Core.Formats.Rf;
using BkTui.Core.Identity;

namespace BkTui.Tests.Identity;

public class PlaceholderMacTests
{
    [Theory]
    [InlineData("c8:47:8c:00:00:00")]
    [InlineData("c8:47:8c:00:00:01")] // the zero-key thread's board (SEED-M L217)
    [InlineData("C8-47-8C-00-00-7F")]
    [InlineData("00:00:00:00:00:00")]
    [InlineData("ff:ff:ff:ff:ff:ff")]
    [InlineData("38:1f:8d:00:00:00")] // a template with its tail zeroed
    [InlineData("38:1f:8d:38:57:0e")] // the N template's own MAC
    [InlineData("84:e3:42:b2:61:bf")] // the T template's own MAC
    [InlineData("fc:58:4a:12:00:00")] // ends in 00:00: the firmware fallback rule
    public void Placeholders_are_never_an_identity(string mac)
    {
        Assert.True(PlaceholderMac.Is(mac));
        Assert.Null(DeviceKey.FromMac(mac, IdentityEvidence.RfMac));
        Assert.Null(DeviceKey.KeyText(mac));
    }

    [Theory]
    [InlineData("fc:58:4a:b8:cf:d2", "mac:FC:58:4A:B8:CF:D2")] // the MAC the seed's original firmware used
    [InlineData("C8478C421021", "mac:C8:47:8C:42:10:21")]
    [InlineData("c8:47:8c:01:00:05", "mac:C8:47:8C:01:00:05")] // Beken OUI with a real tail
    public void Real_macs_are_keys(string mac, string key)
    {
        Assert.False(PlaceholderMac.Is(mac));
        Assert.Equal(key, DeviceKey.FromMac(mac, IdentityEvidence.RfMac)!.Key);
        Assert.Equal(key, DeviceKey.KeyText(mac));
    }

    [Fact]
    public void A_tuya_uuid_key_is_a_hash_not_the_secret()
    {
        var k = DeviceKey.FromTuyaUuid("tuyaplugaaaa0001");
        Assert.StartsWith("tuya:", k.Key);
        Assert.DoesNotContain("tuyaplug", k.Key);
        Assert.Equal(k.Key, DeviceKey.FromTuyaUuid("tuyaplugaaaa0001").Key);
        Assert.NotEqual(k.Key, DeviceKey.FromTuyaUuid("tuyaplugbbbb0002").Key);
        Assert.Equal(k.Key, DeviceKey.KeyText(k.Key.ToUpperInvariant().Replace("TUYA:", "tuya:")));
    }
}
