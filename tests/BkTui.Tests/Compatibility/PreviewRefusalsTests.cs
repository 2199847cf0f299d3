using BkTui.Core.Chips;
using BkTui.Core.Compatibility;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Tests.Compatibility;

/// <summary>The confirmation's preview says what the pre-flight will refuse, with the engine's own checks: another device's RF calibration, another family's dump.</summary>
public sealed class PreviewRefusalsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-preview-rf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MacAddress Mac(byte n) => new(0xC8, 0x47, 0x8C, 0x10, 0x20, n);

    [Fact]
    public void A_whole_dump_of_another_device_is_announced_as_refused_before_y()
    {
        var path = Path.Combine(_dir, "clone.bin");
        File.WriteAllBytes(path, FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Mac = Mac(92), Seed = 92 }));

        var onOther = CompatibilityPreview.Assess(path, ChipFamily.BK7231N, "tuya", Mac(5).ToString());
        Assert.True(onOther.WillRefuse);
        Assert.Contains($"RF calibration of another device (MAC {Mac(92)})", onOther.Text);

        var onItsOwn = CompatibilityPreview.Assess(path, ChipFamily.BK7231N, "tuya", Mac(92).ToString().ToLowerInvariant());
        Assert.False(onItsOwn.WillRefuse);
    }

    [Fact]
    public void A_dump_of_other_silicon_is_announced_and_an_unknown_family_is_said()
    {
        var t = CompatibilityPreview.DumpOnChip(ChipFamily.BK7231T, ChipFamily.BK7231N)!;
        Assert.True(t.WillRefuse);
        Assert.Contains("BK7231T", t.Text);
        Assert.Contains("BK7231N", t.Text);
        Assert.Null(CompatibilityPreview.DumpOnChip(ChipFamily.BK7231N, ChipFamily.BK7231N));
        Assert.False(CompatibilityPreview.DumpOnChip(ChipFamily.BK7231M, ChipFamily.BK7231N)!.WillRefuse); // same silicon
        Assert.Contains("not recorded", CompatibilityPreview.DumpOnChip(null, ChipFamily.BK7231N)!.Text);
        Assert.StartsWith("the dump is of a BK7231T; the family of the chip on this port is not recorded", CompatibilityPreview.DumpOnChip(ChipFamily.BK7231T, null)!.Text);
    }
}
