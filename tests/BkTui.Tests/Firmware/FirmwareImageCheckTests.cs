using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rbl;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Firmware;

/// <summary>The image/key gate on real flash contents: a QIO-length cut of real dumps.</summary>
public class FirmwareImageCheckTests
{
    [Fact]
    public void RealNDumpIsATuyaFullImageAndRefusedForBK7231M()
    {
        var dump = SharedDumps.Load("Allegro-Berge-MI0014-30-x-5-cm-Milio.bin");
        if (dump is null) { Console.WriteLine("shared dumps absent: skipped"); return; }
        var qio = dump.AsSpan(0, 0x129F70).ToArray(); // the length of an N QIO release file (flash-formats §10.1)

        var n = FirmwareImageCheck.Check(ChipFamily.BK7231N, qio, "n.bin");
        Assert.Equal((FirmwareKind.Qio, "tuya", 0x11000u), (n.Kind, n.Key, n.TargetOffset));
        var e = Assert.Throws<FirmwareException>(() => FirmwareImageCheck.Check(ChipFamily.BK7231M, qio, "n.bin"));
        Assert.Equal(FirmwareError.WrongKey, e.Error);

        // Re-keyed to zero (what `bktui image convert` produces) it suits the M and no longer the N.
        var zero = CodeImage.ConvertKey(qio, 0, EfuseKey.Tuya, EfuseKey.Zero);
        Assert.Equal("zero", FirmwareImageCheck.Check(ChipFamily.BK7231M, zero, "m.bin").Key);
        Assert.Equal(FirmwareError.WrongKey, Assert.Throws<FirmwareException>(() => FirmwareImageCheck.Check(ChipFamily.BK7231N, zero, "m.bin")).Error);
    }

    [Fact]
    public void RealTAppPartitionIsATuyaAppImage()
    {
        var dump = SharedDumps.Load("Brilo-8464455-Ceiling-Light.bin");
        if (dump is null) { Console.WriteLine("shared dumps absent: skipped"); return; }
        var ua = dump.AsSpan(0x11000, 0x129F70 - 0x11000).ToArray(); // the app partition = what a UA file holds
        var t = FirmwareImageCheck.Check(ChipFamily.BK7231T, ua, "t.bin");
        Assert.Equal((FirmwareKind.App, "tuya", "app"), (t.Kind, t.Key, FirmwareImageCheck.KindName(t)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(0x20000)]
    public void RandomOrTinyFilesAreNotFirmware(int length)
    {
        var junk = new byte[length];
        new Random(length).NextBytes(junk);
        Assert.Equal(FirmwareError.NotFirmware, Assert.Throws<FirmwareException>(() => FirmwareImageCheck.Check(ChipFamily.BK7231N, junk, "x.bin")).Error);
    }

    [Fact]
    public void AWholeDumpIsNotAReleaseBuild()
    {
        var dump = SharedDumps.Load("Allegro-Berge-MI0014-30-x-5-cm-Milio.bin");
        if (dump is null) { Console.WriteLine("shared dumps absent: skipped"); return; }
        var e = Assert.Throws<FirmwareException>(() => FirmwareImageCheck.Check(ChipFamily.BK7231N, dump, "n.bin"));
        Assert.Contains("whole flash dump", e.Message);
    }

    [Fact]
    public void OtaPackageIsRefused()
    {
        var payload = new byte[4096];
        new Random(3).NextBytes(payload);
        byte[] rbl = [.. (RblHeader.ForPayload("app", "1.18.5", payload, (uint)payload.Length) with { Compression = 1 }).ToBytes(), .. payload];
        var e = Assert.Throws<FirmwareException>(() => FirmwareImageCheck.Check(ChipFamily.BK7231N, rbl, "x.rbl"));
        Assert.Contains("OTA package", e.Message);
    }
}
