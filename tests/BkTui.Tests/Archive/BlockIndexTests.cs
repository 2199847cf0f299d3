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
        using var temp = new TempArchive();
        var (first, _) = Units();
        var id = temp.Archive.Import(first, DumpSource.FromFile("unit-1.bin")).DumpId;
        temp.Archive.Dispose();
        // What an archive written by the previous version looks like: schema 3, no index tables.
        using (var c = new SqliteConnection($"Data Source={Path.Combine(temp.Root, DumpArchive.DatabaseFile)};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE block_index; DROP TABLE block_index_dumps; PRAGMA user_version = 3;";
            cmd.ExecuteNonQuery();
        }

        using var reopened = DumpArchive.Open(temp.Root);
        Assert.Equal(4, reopened.SchemaVersion);
        Assert.Equal(first, reopened.ReadDumpBytes(id));
        var app = BekenCrc32.Chip(first.AsSpan(0x20000, Block));
        var holders = reopened.BlockHolders("BK7231N", DumpArchive.BootKey(first), 0x20000, app);
        Assert.Equal(new BlockHolder(app, id), holders[0]);
        Assert.Equal(0, reopened.IndexNewDumps()); // indexed once
        Assert.Empty(reopened.BlockHolders("BK7231T", DumpArchive.BootKey(first), 0x20000, app));
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
