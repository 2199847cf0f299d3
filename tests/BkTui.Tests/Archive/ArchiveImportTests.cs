using BkTui.Core.Archive;
using BkTui.Core.Archive.Schema;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Archive;

public class ArchiveImportTests
{
    [Fact]
    public void ImportThenExportGivesTheExactBytes()
    {
        using var t = new TempArchive();
        var dump = SyntheticDumps.Make(seed: 1);
        var r = t.Archive.Import(dump, DumpSource.FromPort("/dev/ttyUSB0"));
        Assert.True(r.IsNew);
        Assert.Equal(dump.Length, r.Size);

        var exported = Path.Combine(t.Scratch, "out.bin");
        t.Archive.Export(r.DumpId, exported);
        Assert.Equal(dump, File.ReadAllBytes(exported));
        Assert.Equal(dump, t.Archive.ReadDumpBytes(r.DumpId));
        Assert.Empty(Directory.GetFiles(t.Scratch, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void ImportIsIdempotentBySha256()
    {
        using var t = new TempArchive();
        var path = SyntheticDumps.Write(t.Scratch, "a.bin", SyntheticDumps.Make(seed: 2));
        var first = t.Archive.ImportFile(path);
        var second = t.Archive.ImportFile(path);
        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal(first.DumpId, second.DumpId);
        Assert.Equal(0, second.NewBytes);
        Assert.Single(t.Archive.ListDumps());
    }

    [Fact]
    public void SimilarDumpsCostLittleMoreThanOne()
    {
        using var t = new TempArchive();
        var baseDump = SyntheticDumps.Make(seed: 3, sectors: 128);
        var first = t.Archive.Import(baseDump, DumpSource.FromFile("base.bin"));
        long later = 0;
        for (int i = 1; i <= 9; i++)
            later += t.Archive.Import(SyntheticDumps.Vary(baseDump, i * 100, 70_000 + i), DumpSource.FromFile($"v{i}.bin")).NewBytes;
        // Nine variants of a 512 KiB dump, each changing two sectors: they add at most 2 sectors' worth each.
        Assert.True(first.NewBytes > 0);
        Assert.True(later <= 9 * 2 * (SyntheticDumps.Sector + 64), $"variants added {later} bytes");
        Assert.True(first.NewBytes + later < 10L * baseDump.Length / 8, "stored bytes should be far below the raw total");
        // Every variant still exports exactly.
        foreach (var d in t.Archive.ListDumps())
            Assert.Equal(d.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(t.Archive.ReadDumpBytes(d.Id))));
    }

    [Fact]
    public void ErasedSectorsAreNotStoredAndPartialSectorsRoundTrip()
    {
        using var t = new TempArchive();
        var erased = Enumerable.Repeat((byte)0xFF, 40 * SyntheticDumps.Sector).ToArray();
        var r = t.Archive.Import(erased, DumpSource.FromFile("blank.bin"));
        Assert.Equal(0, r.NewSectors);
        Assert.Equal(0, r.NewBytes);
        Assert.Equal(erased, t.Archive.ReadDumpBytes(r.DumpId));
        Assert.Equal(40, t.Archive.RequireDump(r.DumpId).ErasedSectors);

        var odd = new byte[3 * SyntheticDumps.Sector + 123];
        new Random(4).NextBytes(odd);
        var o = t.Archive.Import(odd, DumpSource.FromFile("odd.bin"));
        Assert.Equal(odd, t.Archive.ReadDumpBytes(o.DumpId));
    }

    [Fact]
    public void RealDumpsRoundTripWithTheirAnalysisMasked()
    {
        if (RepoPaths.SharedDumps is not { } folder) { Console.WriteLine("shared dumps absent: skipped"); return; }
        using var t = new TempArchive();
        string[] names = ["SmartLED-8044-1-Gange-Smart-Switch.bin", "SmartLED-8046-2-Gang-Smart-Switch.bin", "BK7231T_TuyaConfig_PC44HA.bin"];
        var revealedSomewhere = false;
        var ids = new List<long>();
        foreach (var name in names)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, name));
            var r = t.Archive.ImportFile(Path.Combine(folder, name));
            ids.Add(r.DumpId);
            Assert.Equal(bytes, t.Archive.ReadDumpBytes(r.DumpId));
            var report = BkTui.Core.Formats.DumpAnalyzer.Analyze(bytes);
            var stored = t.Archive.RequireDump(r.DumpId);
            Assert.Equal(report.ToJsonNode(revealSecrets: false).ToJsonString(), stored.AnalysisJson); // masked as the formats part masks
            revealedSomewhere |= report.ToJsonNode(revealSecrets: true).ToJsonString() != stored.AnalysisJson;
            Assert.Equal(report.Quality.Grade, stored.Dump.Grade);
            Assert.Equal(MacText.Normalize(report.Mac), r.Mac);
        }
        Assert.True(revealedSomewhere, "at least one of these dumps holds a secret that must not be stored in clear");
        // The two SmartLED switches share their firmware: the second costs a few KiB, not a megabyte.
        Assert.True(t.Archive.RequireDump(ids[1]).Dump.NewBytes < 64 * 1024);
        // The PC44HA dump has no RF sector: its Tuya uuid identifies it (docs/identity.md).
        Assert.Equal(3, t.Archive.ListDevices().Count(d => !d.IsUnidentified));

        var diff = t.Archive.Diff(ids[0], ids[1]);
        Assert.Contains(diff.Ranges, r => r.Partitions.Count > 0);
        Assert.Contains(diff.ConfigChanges, c => c.Section == "tuya");
    }

    [Fact]
    public void ArchiveFilesArePrivate()
    {
        using var t = new TempArchive();
        t.Archive.Import(SyntheticDumps.Make(seed: 5), DumpSource.FromPort("/dev/ttyUSB1"));
        Assert.Equal(DurableFile.PrivateDirectory, File.GetUnixFileMode(t.Root));
        Assert.Equal(DurableFile.PrivateDirectory, File.GetUnixFileMode(Path.Combine(t.Root, DumpArchive.BlobFolder)));
        foreach (var f in Directory.GetFiles(t.Root, "*", SearchOption.AllDirectories))
            Assert.True((File.GetUnixFileMode(f) & ~DurableFile.PrivateFile) == 0, $"{f} is {File.GetUnixFileMode(f)}");
        Assert.True(File.Exists(t.Archive.DatabasePath + "-wal"), "WAL mode");
        Assert.Equal(Migrations.Latest, t.Archive.SchemaVersion);
    }

    /// <summary>The run logs and the firmware cache inside an archive are private too (safety audit s9: they were 0755/0644).</summary>
    [Fact]
    public void LogsAndTheFirmwareCacheArePrivate()
    {
        using var t = new TempArchive();
        t.Archive.Import(SyntheticDumps.Make(seed: 6), DumpSource.FromPort("/dev/ttyUSB1"));
        // As an older version left them: world-readable folders.
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(Path.Combine(t.Root, "logs"));
        File.SetUnixFileMode(Path.Combine(t.Root, "logs"), open);
        using (var log = BkTui.Core.Logging.RunLog.Start("read", t.Root)) log.Info("linked at 921600 baud");
        using (BkTui.Core.Firmware.FirmwareCache.Open(t.Archive)) { }
        Assert.Equal(DurableFile.PrivateDirectory, File.GetUnixFileMode(Path.Combine(t.Root, "logs")));
        Assert.Equal(DurableFile.PrivateDirectory, File.GetUnixFileMode(Path.Combine(t.Root, "firmware")));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(t.Root, "logs")));
        Assert.Equal(DurableFile.PrivateFile, File.GetUnixFileMode(file));
        Assert.Contains("linked at 921600 baud", File.ReadAllText(file));
    }

    [Fact]
    public void AnExistingUserFolderKeepsItsModeButTheArchiveInsideIsPrivate()
    {
        using var t = new TempArchive();
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        Directory.CreateDirectory(t.Root, mode);
        t.Archive.Import(SyntheticDumps.Make(16), DumpSource.FromFile("a.bin"));
        Assert.Equal(mode, File.GetUnixFileMode(t.Root));
        Assert.Equal(DurableFile.PrivateDirectory, File.GetUnixFileMode(Path.Combine(t.Root, DumpArchive.BlobFolder)));
        Assert.Equal(DurableFile.PrivateFile, File.GetUnixFileMode(t.Archive.DatabasePath));
    }

    [Fact]
    public void MigrationsAreOrderedAndANewerArchiveIsLeftUntouched()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
        using var t = new TempArchive();
        t.Archive.Import(SyntheticDumps.Make(17), DumpSource.FromFile("a.bin"));
        t.Archive.Dispose();
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(t.Root, DumpArchive.DatabaseFile)};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version = {Migrations.Latest + 1}";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<ArchiveException>(() => DumpArchive.Open(t.Root));
        Assert.Equal(ArchiveProblem.NewerSchema, e.Problem);
        Assert.Contains("Update bktui", e.Message);
    }

    [Fact]
    public void BadInputIsRefusedClearly()
    {
        using var t = new TempArchive();
        var empty = SyntheticDumps.Write(t.Scratch, "empty.bin", []);
        var e = Assert.Throws<ArchiveException>(() => t.Archive.ImportFile(empty));
        Assert.Equal(ArchiveProblem.BadInput, e.Problem);
        Assert.Contains("empty.bin", e.Message);
        var missing = Assert.Throws<ArchiveException>(() => t.Archive.ImportFile(Path.Combine(t.Scratch, "nope.bin")));
        Assert.Equal(ArchiveProblem.BadInput, missing.Problem);
        Assert.Equal(ArchiveProblem.NotFound, Assert.Throws<ArchiveException>(() => t.Archive.ReadDumpBytes(42)).Problem);
        Assert.Empty(t.Archive.ListDumps());
    }

    [Fact]
    public void LabelsAndListByMac()
    {
        using var t = new TempArchive();
        var mac = "c8:47:8c:01:02:03";
        var a = t.Archive.Import(SyntheticDumps.Make(6), DumpSource.FromPort("/dev/ttyUSB0"),
            new ImportOptions { Device = new DeviceObservation { Mac = mac, Chip = "BK7231N", Adapter = "/dev/ttyUSB0", Baud = 921600 }, TakenAt = DateTimeOffset.UtcNow.AddHours(-2) });
        var b = t.Archive.Import(SyntheticDumps.Make(7), DumpSource.FromPort("/dev/ttyUSB0"), new ImportOptions { Device = new DeviceObservation { Mac = "C8478C010203" } });
        var other = t.Archive.Import(SyntheticDumps.Make(8), DumpSource.FromFile("x.bin"));

        Assert.Equal("C8:47:8C:01:02:03", a.Mac);
        Assert.Null(other.Mac);
        var mine = t.Archive.ListDumps(mac);
        Assert.Equal([b.DumpId, a.DumpId], mine.Select(d => d.Id)); // newest first
        Assert.Equal(3, t.Archive.ListDumps().Count);

        t.Archive.LabelDump(a.DumpId, "  factory  ");
        Assert.Equal("factory", t.Archive.RequireDump(a.DumpId).Dump.Label);
        Assert.Equal(ArchiveProblem.NotFound, Assert.Throws<ArchiveException>(() => t.Archive.LabelDump(999, "x")).Problem);
        Assert.Equal(ArchiveProblem.BadInput, Assert.Throws<ArchiveException>(() => t.Archive.ListDumps("not-a-mac")).Problem);
    }

    [Fact]
    public void DevicesRememberFactsBaudAndUnidentifiedDumpsCanBeAttached()
    {
        using var t = new TempArchive();
        var loose = t.Archive.Import(SyntheticDumps.Make(9), DumpSource.FromFile("loose.bin"));
        var devices = t.Archive.ListDevices();
        Assert.True(Assert.Single(devices).IsUnidentified);

        t.Archive.RecordDevice(new DeviceObservation { Mac = "aa-bb-cc-00-11-22", Chip = "BK7231M", KeyVerdict = "zero-key", EfuseKey = "00000000", Adapter = "/dev/ttyUSB2", Baud = 1_500_000 });
        t.Archive.RecordDevice(new DeviceObservation { Mac = "AA:BB:CC:00:11:22", FlashId = "0x1440C8" }); // null facts keep what is stored
        t.Archive.RememberBaud("/dev/ttyUSB2", 921_600, "AA:BB:CC:00:11:22");
        t.Archive.AttachDump(loose.DumpId, "aabbcc001122");
        t.Archive.LabelDevice("AA:BB:CC:00:11:22", "kitchen plug", "BL2028N, zero key");

        var dev = t.Archive.GetDevice("AA:BB:CC:00:11:22")!;
        Assert.Equal(("BK7231M", "zero-key", "00000000", "0x1440C8"), (dev.Chip, dev.KeyVerdict, dev.EfuseKey, dev.FlashId));
        Assert.Equal(921_600, dev.BaudByAdapter["/dev/ttyUSB2"]);
        Assert.Equal(921_600, t.Archive.LastWorkingBaud("/dev/ttyUSB2"));
        Assert.Null(t.Archive.LastWorkingBaud("/dev/ttyUSB9"));
        Assert.Equal(1, dev.DumpCount);
        Assert.Equal(loose.DumpId, dev.LatestDumpId);
        Assert.Equal(["kitchen plug"], dev.Labels);
        Assert.Equal("BL2028N, zero key", dev.Notes);
        Assert.Equal(dev.Mac, t.Archive.LatestDumpOf("AA:BB:CC:00:11:22")!.Mac);
        // The unidentified device is gone from the list once it holds no dump.
        Assert.DoesNotContain(t.Archive.ListDevices(), d => d.IsUnidentified);
    }

    [Fact]
    public void ANameGoesFirstAndAnEarlierNameStaysAsALabel()
    {
        using var t = new TempArchive();
        t.Archive.RecordDevice(new DeviceObservation { Mac = "AA:BB:CC:00:11:22", Chip = "BK7231N" });
        t.Archive.LabelDevice("AA:BB:CC:00:11:22", "bench 2");
        t.Archive.NameDevice("aa:bb:cc:00:11:22", "kitchen plug");
        Assert.Equal(["kitchen plug", "bench 2"], t.Archive.GetDevice("AA:BB:CC:00:11:22")!.Labels);
        t.Archive.NameDevice("AA:BB:CC:00:11:22", " hall, plug ");
        Assert.Equal(["hall  plug", "kitchen plug", "bench 2"], t.Archive.GetDevice("AA:BB:CC:00:11:22")!.Labels);
        Assert.Equal(ArchiveProblem.BadInput, Assert.Throws<ArchiveException>(() => t.Archive.NameDevice("AA:BB:CC:00:11:22", "  ")).Problem);
        Assert.Equal(ArchiveProblem.NotFound, Assert.Throws<ArchiveException>(() => t.Archive.NameDevice("AA:BB:CC:99:99:99", "x")).Problem);
    }
}
