using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using BkTui.Core.Formats.Crypto;
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

        Assert.Equal(new FirmwareImageVerdict("full", "tuya"), FirmwareImageCheck.Check(ChipFamily.BK7231N, qio, "n.bin"));
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
        Assert.Equal(new FirmwareImageVerdict("app", "tuya"), FirmwareImageCheck.Check(ChipFamily.BK7231T, ua, "t.bin"));
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
    public void OtaPackageIsRefused()
    {
        var rbl = new byte[4096];
        "RBL\0"u8.CopyTo(rbl);
        var e = Assert.Throws<FirmwareException>(() => FirmwareImageCheck.Check(ChipFamily.BK7231N, rbl, "x.rbl"));
        Assert.Contains("OTA package", e.Message);
    }
}
