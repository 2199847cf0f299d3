using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Simulator;
using BkTui.Tests.Flashing;
using Microsoft.Data.Sqlite;

namespace BkTui.Tests.Archive;

/// <summary>The archive's block index (migration 4) and dedup on the wire against it, over a real pty.</summary>
public class BlockIndexTests
{
    private const int Block = 0x10000;

    /// <summary>Two units of one product: same bootloader and app, their own MAC, and one config sector each.</summary>
    private static (byte[] First, byte[] Second) Units()
    {
        var first = ImageSynthesizer.Create(ChipFamily.BK7231N, mac: [0xC8, 0x47, 0x8C, 0x01, 0x02, 0x03]);
        var second = ImageSynthesizer.Create(ChipFamily.BK7231N, mac: [0xC8, 0x47, 0x8C, 0x0A, 0x0B, 0x0C]);
        new Random(7).NextBytes(second.AsSpan(0x1E0000, 4096)); // a config sector only this unit has
        return (first, second);
    }

    [Fact]
    public void AnArchiveFromBeforeTheIndexOpensAndIsIndexedWhenFirstAsked()
    {
        // Written by the previous bktui (schema 3, no block index): the SmartLED 8044 dump, imported and labelled.
        using var temp = new TempArchive();
        OldArchiveTests.CopyFolder(Path.Combine(OldArchiveTests.RepoPathsFixtures, "archive-sqlite-3.35.5"), temp.Root);
        using (var c = new SqliteConnection($"Data Source={Path.Combine(temp.Root, DumpArchive.DatabaseFile)};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version;";
            Assert.Equal(3L, cmd.ExecuteScalar());
        }

        var dump = Assert.Single(temp.Archive.ListDumps());
        Assert.Equal(BkTui.Core.Archive.Schema.Migrations.Latest, temp.Archive.SchemaVersion); // 4 (block index) and 5 (identity) ran
        Assert.Equal("made by SQLite 3.35.5", dump.Label);
        var image = temp.Archive.ReadDumpBytes(dump.Id);
        var app = BekenCrc32.Chip(image.AsSpan(0x20000, Block));
        var holders = temp.Archive.BlockHolders(dump.Chip!, DumpArchive.BootKey(image), 0x20000, app);
        Assert.Equal(new BlockHolder(app, dump.Id), holders[0]);
        Assert.Equal(0, temp.Archive.IndexNewDumps()); // indexed once
        Assert.Empty(temp.Archive.BlockHolders(dump.Chip!, DumpArchive.BootKey(image) ^ 1, 0x20000, app));
        Assert.True(temp.Archive.Check().Ok);
    }

    [Fact]
    public void ASecondUnitIsAssembledFromTheArchiveAndOnlyItsOwnSectorsAreRead()
    {
        using var temp = new TempArchive();
        var (first, second) = Units();
        temp.Archive.Import(first, DumpSource.FromFile("unit-1.bin"));
        var own = Enumerable.Range(0, second.Length / 4096)
            .Count(i => !second.AsSpan(i * 4096, 4096).SequenceEqual(first.AsSpan(i * 4096, 4096)) && second.AsSpan(i * 4096, 4096).ContainsAnyExcept((byte)0xFF));
        Assert.InRange(own, 2, 4); // the RF/MAC sector, the config sector (and whatever the synthesizer ties to the MAC)

        using var sim = SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, Image = second, WireModel = false });
        using var link = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(link, SimEndToEndTests.Options);
        var reads = s.Client.Reads4K;

        var data = s.Read(0, s.Info.FlashSize, new ReadOptions { Known = new ArchivedBlocks(temp.Archive, "BK7231N", previous: null) });

        Assert.Equal(second, data);
        Assert.Equal(own, s.Client.Reads4K - reads);
    }
}
