using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Identity;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Identity;

public class DumpIdentityTests
{
    private static readonly MacAddress Placeholder = new(0xC8, 0x47, 0x8C, 0, 0, 1);

    [Fact]
    public void A_real_rf_mac_comes_first_then_the_tuya_uuid()
    {
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 7 });
        var keys = DumpIdentity.Of(image);
        Assert.Equal([IdentityEvidence.RfMac, IdentityEvidence.TuyaUuid], keys.Select(k => k.Evidence));
        Assert.Equal("mac:" + FlashImageBuilder.DefaultMac(ChipFamily.BK7231N).ToString().ToUpperInvariant(), keys[0].Key);
        Assert.Equal(DeviceKey.FromTuyaUuid("uuid000000000007").Key, keys[1].Key);
    }

    [Fact]
    public void Two_placeholder_boards_are_told_apart_by_their_tuya_uuid()
    {
        var a = DumpIdentity.Of(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Mac = Placeholder, Seed = 1 }));
        var b = DumpIdentity.Of(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Mac = Placeholder, Seed = 2 }));
        Assert.Equal(IdentityEvidence.TuyaUuid, Assert.Single(a).Evidence);
        Assert.NotEqual(Assert.Single(a).Key, Assert.Single(b).Key);
    }

    [Fact]
    public void A_zero_key_board_with_a_placeholder_and_no_tuya_storage_is_unidentified()
    {
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231M, Mac = Placeholder });
        Assert.Empty(DumpIdentity.Of(image));
        Assert.Empty(DumpIdentity.Of(new byte[0x3000])); // not a dump at all: no evidence, no crash
    }

    [Fact]
    public void Every_real_dump_has_its_own_identity()
    {
        if (RepoPaths.SharedDumps is not { } folder) { Console.WriteLine("shared dumps absent: skipped"); return; }
        var files = Directory.GetFiles(folder, "*.bin");
        var keys = files.Select(f => DumpIdentity.Of(File.ReadAllBytes(f))).ToList();
        Assert.All(keys, k => Assert.NotEmpty(k));
        var tuya = keys.SelectMany(k => k).Where(k => k.Evidence == IdentityEvidence.TuyaUuid).Select(k => k.Key).ToList();
        Assert.Equal(files.Length, tuya.Count);
        Assert.Equal(tuya.Count, tuya.Distinct().Count());
    }

    [Fact]
    public void Generic_template_calibration_is_recognised_whatever_its_mac()
    {
        var mac = new MacAddress(0xFC, 0x58, 0x4A, 0xB8, 0xCF, 0xD2);
        Assert.True(RfTemplate.IsGeneric(RfTemplate.Build(ChipFamily.BK7231M, mac)));
        Assert.True(RfTemplate.IsGeneric(RfTemplate.Build(ChipFamily.BK7231T, mac)));
        var own = RfTemplate.Build(ChipFamily.BK7231N, mac);
        own[0x32] ^= 1; // one measured value differs: this board's own calibration
        Assert.False(RfTemplate.IsGeneric(own));
    }
}
