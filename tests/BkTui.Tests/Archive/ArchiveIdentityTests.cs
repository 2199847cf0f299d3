using System.Formats.Tar;
using System.IO.Compression;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Identity;

namespace BkTui.Tests.Archive;

/// <summary>Devices by evidence, never by a placeholder MAC (real SQLite files).</summary>
public class ArchiveIdentityTests
{
    private static readonly MacAddress Placeholder = new(0xC8, 0x47, 0x8C, 0, 0, 0);

    private static byte[] Board(ChipFamily family, int seed, MacAddress? mac = null) =>
        FlashImageBuilder.Build(new FlashImageSpec { Family = family, Mac = mac ?? Placeholder, Seed = seed, AppPayloadSize = 0x1000 });

    [Fact]
    public void Two_placeholder_boards_never_merge()
    {
        using var t = new TempArchive();
        var a = t.Archive.Import(Board(ChipFamily.BK7231N, 1), DumpSource.FromPort("/dev/ttyUSB0"),
            new ImportOptions { Device = new DeviceObservation { Mac = Placeholder.ToString(), Chip = "BK7231N" } });
        var b = t.Archive.Import(Board(ChipFamily.BK7231N, 2), DumpSource.FromPort("/dev/ttyUSB1"),
            new ImportOptions { Device = new DeviceObservation { Mac = Placeholder.ToString(), Chip = "BK7231N" } });
        var m1 = t.Archive.Import(Board(ChipFamily.BK7231M, 3), DumpSource.FromPort("/dev/ttyUSB2"));
        var m2 = t.Archive.Import(Board(ChipFamily.BK7231M, 4), DumpSource.FromPort("/dev/ttyUSB3"));

        var devices = t.Archive.ListDevices();
        var da = t.Archive.DeviceOfDump(a.DumpId)!;
        var db = t.Archive.DeviceOfDump(b.DumpId)!;
        Assert.NotEqual(da.Id, db.Id);
        Assert.Equal(IdentityEvidence.TuyaUuid, Assert.Single(da.Keys).Evidence);
        Assert.Null(da.Mac);
        Assert.All(new[] { m1, m2 }, m => Assert.True(t.Archive.DeviceOfDump(m.DumpId)!.IsUnidentified));
        Assert.Null(t.Archive.GetDevice(Placeholder.ToString()));
        Assert.DoesNotContain(devices, d => d.Mac == Placeholder.ToString().ToUpperInvariant());
        Assert.Equal(2, devices.Count(d => !d.IsUnidentified));
        Assert.Single(t.Archive.ListDumps(da.Keys[0].Key));
    }

    [Fact]
    public void A_placeholder_mac_cannot_be_attached_or_listed_and_a_real_one_identifies_the_dump()
    {
        using var t = new TempArchive();
        var m = t.Archive.Import(Board(ChipFamily.BK7231M, 3), DumpSource.FromPort("/dev/ttyUSB2"));
        Assert.Equal(ArchiveProblem.BadInput, Assert.Throws<ArchiveException>(() => t.Archive.AttachDump(m.DumpId, "c8:47:8c:00:00:01")).Problem);
        Assert.Equal(ArchiveProblem.BadInput, Assert.Throws<ArchiveException>(() => t.Archive.ListDumps("C8:47:8C:00:00:00")).Problem);
        Assert.Null(t.Archive.RecordDevice(new DeviceObservation { Mac = "c8:47:8c:00:00:01", Chip = "BK7231M" }));

        var dev = t.Archive.AttachDump(m.DumpId, "fc:58:4a:b8:cf:d2");
        Assert.Equal("FC:58:4A:B8:CF:D2", dev.Mac);
        Assert.Equal(IdentityEvidence.UserMac, Assert.Single(dev.Keys).Evidence);
        Assert.Equal(m.DumpId, t.Archive.LatestDumpOf("fc584ab8cfd2")!.Id);
    }

    /// <summary>
    /// The unidentified bucket records no facts of its own (it is no one board), so `dumps devices` said
    /// "LAST SEEN never" and no chip right after a backup of the zero-key demo board: both come from its dumps.
    /// </summary>
    [Fact]
    public void The_unidentified_device_is_listed_with_the_chip_and_time_of_its_dumps()
    {
        using var t = new TempArchive();
        var taken = new DateTimeOffset(2026, 12, 3, 19, 37, 0, TimeSpan.Zero);
        t.Archive.Import(Board(ChipFamily.BK7231M, 3), DumpSource.FromPort("/dev/ttyUSB2"), new ImportOptions
        {
            TakenAt = taken, Device = new DeviceObservation { Mac = "c8:47:8c:00:00:00", Chip = "BK7231M", Adapter = "/dev/ttyUSB2", Baud = 2000000 },
        });

        var bucket = Assert.Single(t.Archive.ListDevices(), d => d.IsUnidentified);
        Assert.Equal((taken, taken, "BK7231M", "unidentified"), (bucket.LastSeen, bucket.FirstSeen, bucket.Chip, bucket.Name));
        Assert.Equal("unidentified (reported C8:47:8C:00:00:00)", DeviceNames.Unidentified("c8:47:8c:00:00:00"));
    }

    /// <summary>
    /// Fixtures/archive-v3-a05c5d9.tar.gz was made by the release at a05c5d9 (`bktui dumps import`, then
    /// `dumps label 2 "second plug"`) from four 64 KiB synthetic dumps (RF sector at 0, Tuya KV at 0x2000):
    /// plug-a and plug-b (placeholder C8:47:8C:00:00:00, Tuya uuids …0001 and …0002; that release merged
    /// them into one device), fountain (placeholder C8:47:8C:00:00:01, no Tuya storage) and bulb
    /// (real MAC C8:47:8C:42:10:21).
    /// </summary>
    [Fact]
    public void An_archive_of_the_previous_release_migrates_without_losing_a_dump()
    {
        using var t = new TempArchive();
        Directory.CreateDirectory(t.Root);
        using (var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Archive", "Fixtures", "archive-v3-a05c5d9.tar.gz")), CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gz, t.Root, overwriteFiles: false);

        var a = t.Archive;
        Assert.Equal(5, a.SchemaVersion);
        var dumps = a.ListDumps();
        Assert.Equal(4, dumps.Count);
        foreach (var d in dumps) Assert.Equal(d.Size, a.ReadDumpBytes(d.Id).Length); // rebuilt and checked against its sha256
        Assert.True(a.Check().Ok);

        var plugA = a.DeviceOfDump(1)!;
        var plugB = a.DeviceOfDump(2)!;
        Assert.NotEqual(plugA.Id, plugB.Id);
        Assert.Equal(DeviceKey.FromTuyaUuid("tuyaplugaaaa0001").Key, Assert.Single(plugA.Keys).Key);
        Assert.Equal(DeviceKey.FromTuyaUuid("tuyaplugbbbb0002").Key, Assert.Single(plugB.Keys).Key);
        Assert.Equal("second plug", a.GetDump(2)!.Dump.Label);

        var fountain = a.DeviceOfDump(3)!;
        Assert.True(fountain.IsUnidentified);
        Assert.Equal("C8:47:8C:00:00:01", fountain.PlaceholderMac);
        Assert.Contains("unidentified", a.GetDump(3)!.Dump.Device);

        var bulb = a.GetDevice("C8:47:8C:42:10:21")!;
        Assert.Equal([4L], a.ListDumps(bulb.Mac).Select(d => d.Id));
        Assert.Equal(IdentityEvidence.RfMac, Assert.Single(bulb.Keys).Evidence);

        Assert.Null(a.GetDevice("C8:47:8C:00:00:00"));
        Assert.Equal(4, a.ListDevices().Count); // two plugs, the bulb, the unidentified fountain
    }
}
