using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Tests.Jobs;

namespace BkTui.Tests.Preflight;

/// <summary>
/// The safety audit's s9 findings, over virtual chips on real ptys: a chip whose RF sector is blank
/// cannot be told from another board by its MAC, so restore-factory lets its own flash decide (or the
/// user confirm by typing the device); and `run custom --write` has the RF rules of `bktui write`.
/// </summary>
public sealed class UnconfirmedBoardTests : IDisposable
{
    private readonly SimBench _bench = new();
    private static readonly uint RfOffset = ChipProfiles.For(ChipFamily.BK7231N).RfOffset;

    public void Dispose() => _bench.Dispose();

    private static byte[] WithoutRf(byte[] image)
    {
        var copy = (byte[])image.Clone();
        copy.AsSpan((int)RfOffset, RfCalibration.SectorSize).Fill(0xFF);
        return copy;
    }

    [Fact]
    public void Another_boards_dump_is_not_written_to_a_chip_without_its_mac_until_the_user_names_that_board()
    {
        var a = SimBench.Image(ChipFamily.BK7231N, 1);
        var aDump = _bench.Store.Seed(a, SimBench.MacFor(1).ToString());
        var b = _bench.Add(ChipFamily.BK7231N, 2, WithoutRf(SimBench.Image(ChipFamily.BK7231N, 2)));
        var before = b.Chip.Flash.Snapshot();
        using var q = _bench.Queue();
        var request = new JobRequest { Port = b.PtyPath, Recipe = Recipe.RestoreFactory, DumpId = aDump, BootListenSeconds = 0 };

        var refused = SimBench.Run(q, request);

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Equal(JobErrorKind.Refused, refused.ErrorKind);
        Assert.Contains("Nothing was written", refused.Error);
        Assert.Contains($"--confirm-device {SimBench.MacFor(1)}", refused.Error);
        Assert.Equal(before, b.Chip.Flash.Snapshot());
        // Its flash as it was is archived before anything else happens.
        Assert.Contains(_bench.Store.Dumps, d => _bench.Store.Bytes(d.Id).AsSpan().SequenceEqual(before));

        var confirmed = SimBench.Run(q, request with { ConfirmedDevice = SimBench.MacFor(1).ToString() });

        Assert.True(confirmed.State == JobState.Done, confirmed.Error);
        Assert.Equal(a.AsSpan(0x11000).ToArray(), b.Chip.Flash.Snapshot().AsSpan(0x11000).ToArray());
    }

    [Fact]
    public void A_chip_without_its_mac_gets_its_own_dump_back_when_its_flash_names_it()
    {
        var own = SimBench.Image(ChipFamily.BK7231N, 3);
        var ownDump = _bench.Store.Seed(own, SimBench.MacFor(3).ToString());
        var chip = _bench.Add(ChipFamily.BK7231N, 3, WithoutRf(own));
        using var q = _bench.Queue();

        var job = SimBench.Run(q, new JobRequest { Port = chip.PtyPath, Recipe = Recipe.RestoreFactory, DumpId = ownDump, BootListenSeconds = 0 });

        Assert.True(job.State == JobState.Done, job.Error);
        Assert.Equal(own.AsSpan(0x11000).ToArray(), chip.Chip.Flash.Snapshot().AsSpan(0x11000).ToArray());
    }

    /// <summary>Review s9: a chip with its MAC took the dump of a device known only by its Tuya uuid without a question.</summary>
    [Fact]
    public void A_dump_of_a_device_without_a_mac_is_not_written_to_a_chip_with_another_identity()
    {
        var tuyaOnly = WithoutRf(SimBench.Image(ChipFamily.BK7231N, 6));
        var dump = _bench.Store.Archive.Import(tuyaOnly, BkTui.Core.Archive.DumpSource.FromPort("/dev/ttyUSB9")).DumpId;
        Assert.Null(_bench.Store.Archive.GetDump(dump)!.Dump.Mac); // filed by its Tuya uuid alone
        var chip = _bench.Add(ChipFamily.BK7231N, 7);
        var before = chip.Chip.Flash.Snapshot();
        using var q = _bench.Queue();

        var job = SimBench.Run(q, new JobRequest { Port = chip.PtyPath, Recipe = Recipe.RestoreFactory, DumpId = dump, BootListenSeconds = 0 });

        Assert.Equal(JobErrorKind.Refused, job.ErrorKind);
        Assert.Contains($"belongs to", job.Error);
        Assert.Contains($"this chip is {SimBench.MacFor(7)}", job.Error);
        Assert.Equal(StepState.Failed, job.Steps.Single(s => s.Name == "confirm board").State);
        Assert.Equal(StepState.Pending, job.Steps.Single(s => s.Name == "write").State); // no half-written chip to report
        Assert.Equal(before, chip.Chip.Flash.Snapshot());
    }

    /// <summary>Review s9: a placeholder MAC names no device, so it is not compared with the dump's (it was, and refused the board's own dump).</summary>
    [Fact]
    public void A_chip_with_a_placeholder_mac_gets_its_own_dump_back_when_its_flash_names_it()
    {
        var own = SimBench.Image(ChipFamily.BK7231N, 8);
        var ownDump = _bench.Store.Seed(own, SimBench.MacFor(8).ToString());
        var placeholder = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Mac = new MacAddress(0xC8, 0x47, 0x8C, 0x00, 0x00, 0x01), Seed = 8 });
        var chip = _bench.Add(ChipFamily.BK7231N, 8, placeholder);
        using var q = _bench.Queue();

        var job = SimBench.Run(q, new JobRequest { Port = chip.PtyPath, Recipe = Recipe.RestoreFactory, DumpId = ownDump, BootListenSeconds = 0 });

        Assert.True(job.State == JobState.Done, job.Error);
        Assert.Contains("names", job.Steps.Single(s => s.Name == "confirm board").Detail);
        Assert.Equal(own.AsSpan(0x11000).ToArray(), chip.Chip.Flash.Snapshot().AsSpan(0x11000).ToArray());
    }

    /// <summary>Re-check s9 N1: a dump taken while the board's RF was wiped must not erase the calibration the chip has again.</summary>
    [Fact]
    public void Restoring_a_dump_without_calibration_keeps_the_chips_own()
    {
        var image = SimBench.Image(ChipFamily.BK7231N, 9);
        var wiped = WithoutRf(image);
        wiped[0x100000] ^= 0xFF; // something to restore
        var dump = _bench.Store.Seed(wiped, SimBench.MacFor(9).ToString());
        var chip = _bench.Add(ChipFamily.BK7231N, 9, image);
        using var q = _bench.Queue();

        var job = SimBench.Run(q, new JobRequest { Port = chip.PtyPath, Recipe = Recipe.RestoreFactory, DumpId = dump, BootListenSeconds = 0 });

        Assert.True(job.State == JobState.Done, job.Error);
        Assert.Contains("RF calibration at 0x1D0000 kept", job.Steps.Single(s => s.Name == "pre-flight").Detail);
        var now = chip.Chip.Flash.Snapshot();
        Assert.Equal(image.AsSpan((int)RfOffset, RfCalibration.SectorSize).ToArray(), now.AsSpan((int)RfOffset, RfCalibration.SectorSize).ToArray());
        Assert.Equal(wiped[0x100000], now[0x100000]);
    }

    [Fact]
    public void A_custom_write_needs_the_same_rf_consents_as_bktui_write()
    {
        var chip = _bench.Add(ChipFamily.BK7231N, 4);
        var before = chip.Chip.Flash.Snapshot();
        var other = _bench.File("other-device.bin", SimBench.Image(ChipFamily.BK7231N, 5));
        var noise = new byte[RfCalibration.SectorSize];
        new Random(4).NextBytes(noise);
        var noiseFile = _bench.File("noise.bin", noise);
        using var q = _bench.Queue();
        var whole = new JobRequest { Port = chip.PtyPath, Recipe = Recipe.Custom, WritePath = other, Start = 0, AllowBootloader = true };
        var overRf = new JobRequest { Port = chip.PtyPath, Recipe = Recipe.Custom, WritePath = noiseFile, Start = RfOffset };

        var otherRf = SimBench.Run(q, whole);
        var ownRf = SimBench.Run(q, overRf);

        Assert.Equal(JobErrorKind.Refused, otherRf.ErrorKind);
        Assert.Contains($"RF calibration of another device (MAC {SimBench.MacFor(5)})", otherRf.Error);
        Assert.Contains("--allow-other-device-rf", otherRf.Error);
        Assert.Equal(JobErrorKind.Refused, ownRf.ErrorKind);
        Assert.Contains("--allow-rf-overwrite", ownRf.Error);
        Assert.Equal(before, chip.Chip.Flash.Snapshot());

        var consented = SimBench.Run(q, overRf with { AllowRfOverwrite = true });

        Assert.True(consented.State == JobState.Done, consented.Error);
        Assert.Equal(noise, chip.Chip.Flash.Snapshot().AsSpan((int)RfOffset, noise.Length).ToArray());
    }
}
