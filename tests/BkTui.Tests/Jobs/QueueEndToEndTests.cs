using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Obk;
using BkTui.Core.Formats.Rbl;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;

namespace BkTui.Tests.Jobs;

/// <summary>Every recipe over real ptys against several virtual chips at once, with the real archive.</summary>
public sealed class QueueEndToEndTests : IDisposable
{
    private readonly SimBench _bench = new();
    private DumpArchive Archive => _bench.Store.Archive;

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void Backups_on_three_chips_at_once_archive_exact_images_under_their_macs()
    {
        var sims = new[] { (ChipFamily.BK7231N, (byte)1), (ChipFamily.BK7231M, (byte)2), (ChipFamily.BK7231T, (byte)3) }
            .Select(x => _bench.Add(x.Item1, x.Item2)).ToList();
        using var q = _bench.Queue();
        var jobs = sims.Select(s => q.Enqueue(new JobRequest { Port = s.PtyPath, Recipe = Recipe.Backup })).ToList();
        var done = jobs.Select(j => SimBench.Finish(q, j)).ToList();

        for (var i = 0; i < sims.Count; i++)
        {
            Assert.True(done[i].State == JobState.Done, done[i].Error);
            Assert.Equal(sims[i].Chip.Flash.Snapshot(), Archive.ReadDumpBytes(done[i].DumpId!.Value));
            Assert.Equal(MacText.Normalize(SimBench.MacFor((byte)(i + 1)).ToString()), Archive.GetDump(done[i].DumpId!.Value)!.Dump.Mac);
            Assert.NotNull(Archive.LastWorkingBaud(sims[i].PtyPath));
        }
        Assert.Equal(3, Archive.ListDevices().Count(d => d.Mac is not null));
        Assert.True(Archive.Check().Ok);
    }

    [Fact]
    public void Rebackup_after_a_change_equals_the_chip_and_custom_read_returns_the_range()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 4);
        using var q = _bench.Queue();
        var first = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup });
        var patch = _bench.File("patch.bin", Enumerable.Range(0, 0x3000).Select(i => (byte)(i * 7)).ToArray());
        var custom = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Custom, WritePath = patch, Start = 0x150800 });
        Assert.True(custom.State == JobState.Done, custom.Error);
        Assert.Equal(StepState.Skipped, custom.Steps.Single(s => s.Name == "factory dump").State);

        var second = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup });
        Assert.True(second.State == JobState.Done, second.Error);
        Assert.Contains("differential", second.Steps.Single(s => s.Name == "read").Detail);
        Assert.NotEqual(first.DumpId, second.DumpId);
        Assert.Equal(sim.Chip.Flash.Snapshot(), Archive.ReadDumpBytes(second.DumpId!.Value));

        var outFile = Path.Combine(_bench.Dir, "range.bin");
        var read = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Custom, ReadPath = outFile, Start = 0x150000, Length = 0x4000 });
        Assert.True(read.State == JobState.Done, read.Error);
        Assert.Equal(sim.Chip.Flash.Read(0x150000, 0x4000), File.ReadAllBytes(outFile));
    }

    [Fact]
    public void Flash_writes_a_tuya_build_to_N_after_a_factory_dump_and_refuses_it_on_a_zero_key_M()
    {
        var n = _bench.Add(ChipFamily.BK7231N, 5);
        var m = _bench.Add(ChipFamily.BK7231M, 6);
        var nBefore = n.Chip.Flash.Snapshot();
        var mBefore = m.Chip.Flash.Snapshot();
        var qio = FlashImageBuilder.Qio(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 77, AppBanner = "OpenBK7231N 1.17" }, EfuseKey.Tuya);
        var firmware = _bench.File("OpenBK7231N_QIO_1.17.bin", qio);
        using var q = _bench.Queue();
        var jobs = new[] { n, m }.Select(s => q.Enqueue(new JobRequest { Port = s.PtyPath, Recipe = Recipe.Flash, FirmwarePath = firmware })).ToList();
        var nJob = SimBench.Finish(q, jobs[0]);
        var mJob = SimBench.Finish(q, jobs[1]);

        Assert.True(nJob.State == JobState.Done, nJob.Error);
        Assert.Equal(StepState.Done, nJob.Steps.Single(s => s.Name == "factory dump").State);
        Assert.Equal(nBefore, Archive.ReadDumpBytes(nJob.DumpId!.Value)); // the dump taken before writing
        var nNow = n.Chip.Flash.Snapshot();
        Assert.Equal(nBefore.AsSpan(0, 0x11000).ToArray(), nNow.AsSpan(0, 0x11000).ToArray()); // bootloader kept
        Assert.Equal(qio.AsSpan(0x11000).ToArray(), nNow.AsSpan(0x11000, qio.Length - 0x11000).ToArray());
        Assert.Equal(nBefore.AsSpan(qio.Length).ToArray(), nNow.AsSpan(qio.Length).ToArray()); // RF, config, KV untouched
        Assert.StartsWith("OpenBK7231N_QIO_1.17.bin", Archive.Jobs.Get(nJob.Id)!.Firmware);

        Assert.Equal(JobState.Failed, mJob.State);
        Assert.Equal(JobErrorKind.Refused, mJob.ErrorKind);
        Assert.Contains("zero", mJob.Error);
        Assert.Contains("image convert", mJob.Error);
        Assert.Equal(mBefore, m.Chip.Flash.Snapshot());
        Assert.Empty(Archive.ListDumps(SimBench.MacFor(6).ToString())); // refused before the factory dump
    }

    [Fact]
    public void Flash_refuses_another_devices_full_dump_and_an_ota_package()
    {
        var n = _bench.Add(ChipFamily.BK7231N, 7);
        var before = n.Chip.Flash.Snapshot();
        var otherDump = _bench.File("other.bin", SimBench.Image(ChipFamily.BK7231N, 8));
        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Flash, FirmwarePath = otherDump });
        Assert.Equal(JobErrorKind.Refused, job.ErrorKind);
        Assert.Contains("another device", job.Error);

        var ota = new byte[0x2000];
        FlashImageBuilderOta(ota);
        var otaJob = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Flash, FirmwarePath = _bench.File("x.rbl", ota) });
        Assert.Equal(JobErrorKind.Refused, otaJob.ErrorKind);
        Assert.Contains("OTA", otaJob.Error);
        Assert.Equal(before, n.Chip.Flash.Snapshot());
    }

    // What an OTA package starts with: an RBL header (here with gzip compression set), then its payload.
    private static void FlashImageBuilderOta(byte[] target)
    {
        new RblHeader { Compression = 1, Name = "app", Version = "1.17", RawSize = 0x1000, PackageSize = 0x1000 }.ToBytes().CopyTo(target, 0);
        new Random(3).NextBytes(target.AsSpan(RblHeader.Size));
    }

    [Fact]
    public void Wifi_restore_rf_and_restore_factory_put_the_right_bytes_in_flash()
    {
        var n = _bench.Add(ChipFamily.BK7231N, 9);
        var original = n.Chip.Flash.Snapshot();
        var pw = _bench.File("pw.txt", "hunter2-wifi\n"u8.ToArray());
        using var q = _bench.Queue();

        var wifi = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Wifi, Ssid = "bench", PasswordFile = pw, MqttHost = "192.168.1.5" });
        Assert.True(wifi.State == JobState.Done, wifi.Error);
        var cfg = ObkConfig.TryParse(n.Chip.Flash.Read(0x1D1000, 0x1000));
        Assert.True(cfg is { CrcOk: true, WifiSsid: "bench", WifiPassword: "hunter2-wifi", MqttHost: "192.168.1.5" });
        Assert.DoesNotContain(Archive.Jobs.ReadLog(wifi.Id), l => l.Line.Contains("hunter2"));
        var factoryId = wifi.DumpId!.Value;
        Assert.Equal(original, Archive.ReadDumpBytes(factoryId));

        // A full erase lost the RF calibration: the chip has no MAC now; its own dump is named explicitly.
        var wipe = _bench.File("ff.bin", Enumerable.Repeat((byte)0xFF, 0x1000).ToArray());
        Assert.Equal(JobState.Done, SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Custom, WritePath = wipe, Start = 0x1D0000, AllowRfOverwrite = true }).State);
        var rf = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.RestoreRf, DumpId = factoryId });
        Assert.True(rf.State == JobState.Done, rf.Error);
        Assert.Contains($"dump {factoryId}", rf.Steps.Single(s => s.Name == "pre-flight").Detail);
        Assert.Equal(original.AsSpan(0x1D0000, 0x1000).ToArray(), n.Chip.Flash.Read(0x1D0000, 0x1000));

        var back = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.RestoreFactory, DumpId = factoryId });
        Assert.True(back.State == JobState.Done, back.Error);
        Assert.Equal(original, n.Chip.Flash.Snapshot());
    }

    [Fact]
    public void Restore_rf_without_any_calibration_writes_the_template_with_a_made_up_mac_only_when_asked()
    {
        var t = _bench.Add(ChipFamily.BK7231T, 10);
        using var q = _bench.Queue();
        var wipe = _bench.File("ff.bin", Enumerable.Repeat((byte)0xFF, 0x1000).ToArray());
        var rfOffset = ChipProfiles.For(ChipFamily.BK7231T).RfOffset;
        Assert.Equal(JobState.Done, SimBench.Run(q, new JobRequest { Port = t.PtyPath, Recipe = Recipe.Custom, WritePath = wipe, Start = rfOffset, AllowRfOverwrite = true }).State);
        var dumpsBefore = Archive.ListDumps().Count;

        var refused = SimBench.Run(q, new JobRequest { Port = t.PtyPath, Recipe = Recipe.RestoreRf });
        Assert.Equal(JobState.Failed, refused.State);
        Assert.Contains("no true MAC", refused.Error);
        Assert.Equal(Enumerable.Repeat((byte)0xFF, 0x1000), t.Chip.Flash.Read(rfOffset, 0x1000));

        var rf = SimBench.Run(q, new JobRequest { Port = t.PtyPath, Recipe = Recipe.RestoreRf, Mac = "random" });
        Assert.True(rf.State == JobState.Done, rf.Error);
        Assert.Contains("template", rf.Steps.Single(s => s.Name == "pre-flight").Detail);
        Assert.Contains("generic calibration", rf.Steps.Single(s => s.Name == "pre-flight").Detail);
        var sector = t.Chip.Flash.Read(rfOffset, 0x1000);
        Assert.True(RfCalibration.HasMagic(sector));
        Assert.True(RfTemplate.HasTemplateOui(MacAddress.FromBytes(sector.AsSpan(0x24, 6))));
        Assert.Equal(dumpsBefore + 1, Archive.ListDumps().Count); // the chip had no MAC: dumped before writing (identified by its Tuya uuid)
    }

    [Fact]
    public void Restore_rf_prefers_the_devices_own_calibration_found_through_its_tuya_identity()
    {
        // A Tuya N board is backed up with its real calibration; later its RF sector is lost.
        var n = _bench.Add(ChipFamily.BK7231N, 11);
        using var q = _bench.Queue();
        var rfOffset = ChipProfiles.For(ChipFamily.BK7231N).RfOffset;
        var own = n.Chip.Flash.Read(rfOffset, 0x1000);
        own[0x32] ^= 0x01; // measured on this board: not the template
        var ownFile = _bench.File("own-rf.bin", own);
        Assert.Equal(JobState.Done, SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Custom, WritePath = ownFile, Start = rfOffset, AllowRfOverwrite = true }).State);
        var backup = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Backup });
        Assert.True(backup.State == JobState.Done, backup.Error);
        var wipe = _bench.File("ff.bin", Enumerable.Repeat((byte)0xFF, 0x1000).ToArray());
        Assert.Equal(JobState.Done, SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Custom, WritePath = wipe, Start = rfOffset, AllowRfOverwrite = true }).State);

        // The chip now reports no MAC: its fresh factory dump's Tuya uuid leads to the backup's calibration.
        var rf = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.RestoreRf });

        Assert.True(rf.State == JobState.Done, rf.Error);
        Assert.Contains($"own calibration from dump {backup.DumpId}", rf.Steps.Single(s => s.Name == "pre-flight").Detail);
        Assert.DoesNotContain("generic", rf.Steps.Single(s => s.Name == "pre-flight").Detail);
        Assert.Equal(own, n.Chip.Flash.Read(rfOffset, 0x1000));
    }
}
