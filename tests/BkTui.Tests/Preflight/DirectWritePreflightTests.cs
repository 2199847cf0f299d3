using BkTui.Core.Chips;
using BkTui.Core.Identity;
using BkTui.Tests.Compatibility;
using BkTui.Tests.Jobs;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Preflight;

/// <summary>
/// <c>bktui write</c> and <c>bktui erase</c> (the real binary, over real ptys to virtual chips) pass the
/// recipes' pre-flight: a factory dump of this device first, never another device's RF calibration or a
/// change to this chip's own without a named consent (docs/flashing.md).
/// </summary>
public sealed class DirectWritePreflightTests : IDisposable
{
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    private string Archive => _bench.Store.Archive.Root;

    private byte[]? ArchivedWholeDump(byte n) =>
        _bench.Store.Archive.NewestChipReadDump(DeviceKey.FromMac(SimBench.MacFor(n).ToString(), IdentityEvidence.RfMac)!.Key, 0x200000)?.Bytes;

    [Fact]
    public void Write_takes_a_factory_dump_of_an_unarchived_chip_first()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 90);
        var before = sim.Chip.Flash.Snapshot();
        var build = _bench.File("OpenBK7231N_QIO_1.18.21.bin", GateImages.Build(ChipFamily.BK7231N));

        var r = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", build, "--archive", Archive);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("taking one before the write", r.Stderr);
        Assert.Equal(before, ArchivedWholeDump(90)); // the bytes from before the write, proven by the chip's CRCs
    }

    [Fact]
    public void Another_devices_whole_dump_is_refused_unless_the_consent_names_it()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 91);
        var before = sim.Chip.Flash.Snapshot();
        var other = _bench.File("other-device.bin", SimBench.Image(ChipFamily.BK7231N, 92));

        var refused = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", other, "--archive", Archive);

        Assert.True(refused.ExitCode == 5, refused.Stderr);
        Assert.Contains($"RF calibration of another device (MAC {SimBench.MacFor(92)})", refused.Stderr);
        Assert.Contains("--allow-other-device-rf", refused.Stderr);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);

        var consented = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", other, "--archive", Archive, "--allow-other-device-rf");

        Assert.True(consented.ExitCode == 0, consented.Stderr);
        Assert.Equal(before, ArchivedWholeDump(91)); // its own calibration is archived before it is replaced
    }

    [Fact]
    public void Erasing_the_rf_sector_needs_its_own_consent_and_a_factory_dump_first()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 93);
        var before = sim.Chip.Flash.Snapshot();
        var rf = $"0x{ChipProfiles.For(ChipFamily.BK7231N).RfOffset:X}";

        var refused = BktuiProcess.Run("erase", "--port", sim.PtyPath, "--start", rf, "--length", "0x1000", "--archive", Archive);

        Assert.True(refused.ExitCode == 5, refused.Stderr);
        Assert.Contains("--allow-rf-erase", refused.Stderr);
        Assert.Equal(0, sim.Chip.Flash.Erases);

        var consented = BktuiProcess.Run("erase", "--port", sim.PtyPath, "--start", rf, "--length", "0x1000", "--archive", Archive, "--allow-rf-erase");

        Assert.True(consented.ExitCode == 0, consented.Stderr);
        Assert.Equal(before, ArchivedWholeDump(93));
    }

    [Fact]
    public void No_backup_must_be_spelled_out_and_then_no_dump_is_taken()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 94);

        var r = BktuiProcess.Run("erase", "--port", sim.PtyPath, "--start", "0x100000", "--length", "0x1000", "--archive", Archive, "--no-backup");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("--no-backup", r.Stderr);
        Assert.Null(ArchivedWholeDump(94));
    }
}
