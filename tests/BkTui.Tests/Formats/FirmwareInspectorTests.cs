using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Rbl;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

public class FirmwareInspectorTests
{
    private static readonly FlashImageSpec Spec = new() { Family = ChipFamily.BK7231N };

    [Fact]
    public void Qio_image_keeps_the_bootloader_by_content_whatever_its_name()
    {
        var qio = FlashImageBuilder.Qio(Spec, EfuseKey.Tuya);
        var v = FirmwareInspector.Inspect(qio, "firmware.bin");
        Assert.Equal(FirmwareKind.Qio, v.Kind);
        Assert.True(v.ContainsBootloader);
        Assert.Equal("tuya", v.Key);
        Assert.Equal(0x11000u, v.TargetOffset);
        Assert.Equal(0x11000, v.SourceOffset);
        Assert.Equal(qio.Length - 0x11000, v.WriteLength);
        Assert.Empty(v.Warnings);
        var renamed = FirmwareInspector.Inspect(qio, "OpenBK7231N_UA_1.0.0.bin");
        Assert.Equal(FirmwareKind.Qio, renamed.Kind);
        Assert.Equal(ChipFamily.BK7231N, renamed.FamilyHint);
        Assert.Single(renamed.Warnings);
    }

    [Theory]
    [InlineData("tuya")]
    [InlineData("zero")]
    public void App_image_goes_to_0x11000_with_its_key(string keyName)
    {
        var key = EfuseKey.Parse(keyName);
        var app = FlashImageBuilder.App(Spec, key);
        var v = FirmwareInspector.Inspect(app, "OpenBK7231T_UA_1.17.bin");
        Assert.Equal(FirmwareKind.App, v.Kind);
        Assert.False(v.ContainsBootloader);
        Assert.Equal(keyName, v.Key);
        Assert.Equal(key, v.KeyWords);
        Assert.Equal((0x11000u, 0, app.Length), (v.TargetOffset!.Value, v.SourceOffset, v.WriteLength));
        Assert.Equal(0x10000u, v.LogicalStart);
    }

    [Fact]
    public void Full_dump_ota_bootloader_raw_and_garbage_are_told_apart()
    {
        var full = FlashImageBuilder.Build(Spec);
        var vf = FirmwareInspector.Inspect(full);
        Assert.Equal(FirmwareKind.FullDump, vf.Kind);
        Assert.Equal(0x129F70, vf.CodeLength);

        var ota = new byte[4096];
        RblHeader.ForPayload("app", "1.0", new byte[100], 112).ToBytes().CopyTo(ota, 0);
        var vo = FirmwareInspector.Inspect(ota, "x.rbl");
        Assert.Equal(FirmwareKind.RblOta, vo.Kind);
        Assert.False(vo.Writable);

        var boot = FlashImageBuilder.Bootloader(Spec, EfuseKey.Tuya);
        Assert.Equal(FirmwareKind.Bootloader, FirmwareInspector.Inspect(boot).Kind);
        Assert.Null(FirmwareInspector.Inspect(boot).TargetOffset);

        byte[] raw = [0x0E, 0x00, 0x00, 0xEA, 0x14, 0xF0, 0x9F, 0xE5, .. new byte[100]];
        var vr = FirmwareInspector.Inspect(raw);
        Assert.Equal(FirmwareKind.Unknown, vr.Kind);
        Assert.NotEmpty(vr.Warnings);

        var random = new byte[100000];
        new Random(2).NextBytes(random);
        Assert.Equal(FirmwareKind.Unknown, FirmwareInspector.Inspect(random).Kind);
        Assert.Equal(FirmwareKind.Unknown, FirmwareInspector.Inspect([]).Kind);
    }

    [Fact]
    public void Real_dumps_are_full_tuya_images()
    {
        var dump = SharedDumps.Load("Kanlux-33643-S-GU10-RGBCCT-Bulb.bin");
        if (dump is null) return;
        var v = FirmwareInspector.Inspect(dump, "readResult_BK7231N_QIO_Kanlux.bin");
        Assert.Equal(FirmwareKind.FullDump, v.Kind);
        Assert.Equal("tuya", v.Key);
        Assert.Empty(v.Warnings);
    }
}
