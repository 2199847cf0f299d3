using BkTui.Core.Chips;
using BkTui.Core.Protocol;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

/// <summary>An archived dump that holds a 64 KiB block (its chip-form CRC-32) at the asked offset.</summary>
public sealed record BlockHolder(uint BlockCrc, long DumpId);

public sealed partial class DumpArchive
{
    private const int IndexBlock = FlashGeometry.BlockSize;
    private static readonly uint ErasedBlockCrc = BekenCrc32.Chip(Enumerable.Repeat((byte)0xFF, IndexBlock).ToArray());

    /// <summary>The bootloader key of an image: the chip-form CRC-32 of its first 64 KiB.</summary>
    public static uint BootKey(ReadOnlySpan<byte> image) => BekenCrc32.Chip(image[..IndexBlock]);

    /// <summary>
    /// Dumps of <paramref name="family"/> with the same bootloader that hold a non-erased block at
    /// <paramref name="offset"/>: the one whose CRC is <paramref name="preferCrc"/> first, then the
    /// newest, at most <paramref name="limit"/>. Dumps archived since the last call are indexed first.
    /// </summary>
    public IReadOnlyList<BlockHolder> BlockHolders(string family, uint bootKey, uint offset, uint preferCrc, int limit = 4)
    {
        IndexNewDumps();
        return Run("looking up archived blocks", () =>
        {
            using var c = Connect();
            using var cmd = Command(c, """
                SELECT block_crc, dump_id FROM block_index
                WHERE family = $f AND boot_key = $b AND offset = $o
                ORDER BY block_crc = $p DESC, dump_id DESC LIMIT $n
                """, null, ("$f", family), ("$b", (long)bootKey), ("$o", (long)offset), ("$p", (long)preferCrc), ("$n", limit));
            using var r = cmd.ExecuteReader();
            var holders = new List<BlockHolder>();
            while (r.Read()) holders.Add(new BlockHolder((uint)r.GetInt64(0), r.GetInt64(1)));
            return holders;
        });
    }

    /// <summary>Adds every dump the index has not looked at yet (new imports, and all dumps of an archive made before migration 4).</summary>
    public int IndexNewDumps() => Run("indexing archived blocks", () =>
    {
        var pending = new List<(long Id, string? Family, long Size)>();
        using (var c = Connect())
        using (var cmd = Command(c, "SELECT id, chip, size FROM dumps WHERE id NOT IN (SELECT dump_id FROM block_index_dumps) ORDER BY id", null))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) pending.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2)));
        foreach (var (id, family, size) in pending)
        {
            var image = family is not null && size >= IndexBlock && size % IndexBlock == 0 ? TryReadDumpBytes(id) : null;
            using var w = Connect();
            using var tx = w.BeginTransaction();
            if (Scalar(w, "SELECT 1 FROM block_index_dumps WHERE dump_id = $d", tx, ("$d", id)) is not null) continue; // another process did it
            Exec(w, "INSERT INTO block_index_dumps (dump_id, family, boot_key) VALUES ($d, $f, $b)", tx,
                ("$d", id), ("$f", image is null ? null : family), ("$b", image is null ? null : (long)BootKey(image)));
            if (image is not null) InsertBlocks(w, tx, id, family!, image);
            tx.Commit();
        }
        return pending.Count;
    });

    /// <summary>A damaged dump is left out of the index (and reported by `bktui dumps check`), not a reason to fail a backup.</summary>
    private byte[]? TryReadDumpBytes(long id)
    {
        try { return ReadDumpBytes(id); }
        catch (ArchiveException e) when (e.Problem == ArchiveProblem.Damaged) { return null; }
    }

    private static void InsertBlocks(SqliteConnection c, SqliteTransaction tx, long dumpId, string family, byte[] image)
    {
        using var cmd = Command(c, "INSERT OR IGNORE INTO block_index (family, boot_key, offset, block_crc, dump_id) VALUES ($f, $b, $o, $c, $d)", tx,
            ("$f", family), ("$b", (long)BootKey(image)), ("$d", dumpId));
        var offset = cmd.Parameters.Add("$o", SqliteType.Integer);
        var crc = cmd.Parameters.Add("$c", SqliteType.Integer);
        for (var at = 0; at < image.Length; at += IndexBlock)
        {
            var blockCrc = BekenCrc32.Chip(image.AsSpan(at, IndexBlock));
            if (blockCrc == ErasedBlockCrc) continue;
            (offset.Value, crc.Value) = ((long)at, (long)blockCrc);
            cmd.ExecuteNonQuery();
        }
    }
}
