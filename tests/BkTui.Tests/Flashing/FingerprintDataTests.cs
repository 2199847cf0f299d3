using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;

namespace BkTui.Tests.Flashing;

/// <summary>
/// Two uncalibrated units (no RF sector: the placeholder MAC) running the same firmware differ only in
/// their Tuya key-value storage (device id, keys). The fingerprint's Tuya storage CRC tells them apart
/// over real ptys; the same unit linked twice shows no difference.
/// </summary>
public class FingerprintDataTests
{
    private const int KvStart = 0x1EE000;

    [Fact]
    public void Same_firmware_without_calibration_is_told_apart_by_the_tuya_storage()
    {
        var spec = new Core.Formats.Synthesis.FlashImageSpec { Family = ChipFamily.BK7231N, IncludeRf = false, Seed = 41 };
        var first = Core.Formats.Synthesis.FlashImageBuilder.Build(spec);
        var second = (byte[])first.Clone();
        Core.Formats.Synthesis.FlashImageBuilder.Build(spec with { Seed = 42 }).AsSpan(KvStart).CopyTo(second.AsSpan(KvStart));
        Assert.Equal(first.AsSpan(0, KvStart).ToArray(), second.AsSpan(0, KvStart).ToArray()); // bootloader, app, (no) RF, config: identical

        var a = FingerprintOf(first);
        var b = FingerprintOf(second);
        Assert.NotNull(a.DataCrc);
        Assert.Equal((a.BootloaderCrc, a.RfCrc, a.AppCrc, a.ChipId, a.FlashId), (b.BootloaderCrc, b.RfCrc, b.AppCrc, b.ChipId, b.FlashId));
        var d = Assert.Single(a.Differences(b));
        Assert.Contains("Tuya storage CRC", d);
        Assert.Empty(a.Differences(FingerprintOf(first)));

        // A job that wrote into the storage (restore-factory) may change it: not compared then.
        var written = new WrittenRanges();
        written.Add(KvStart, 0x1000);
        Assert.Empty(a.Differences(b, written));
    }

    private static ChipFingerprint FingerprintOf(byte[] image)
    {
        using var sim = global::BkTui.Simulator.SimHost.Start(new global::BkTui.Simulator.SimOptions { Family = ChipFamily.BK7231N, WireModel = false, Image = image });
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, SimEndToEndTests.Options);
        return s.Fingerprint!;
    }
}
