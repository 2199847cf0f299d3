using System.Buffers.Binary;
using System.Security.Cryptography;
using BkTui.Core.Identity;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

public sealed partial class DumpArchive
{
    private const string SummaryColumns = """
        d.id, d.sha256, d.size, v.mac, d.taken_at, d.imported_at, d.source_kind, d.source, d.job_id, d.grade, d.chip, d.label, d.new_bytes,
        (SELECT k.key FROM device_keys k WHERE k.device_id = v.id ORDER BY k.added_at, k.key LIMIT 1), v.placeholder_mac, v.id
        """;

    /// <summary>The archive's row for dumps that bring no evidence: a bucket of unrelated boards, never one device.</summary>
    public const long UnidentifiedBucket = Schema.ArchiveSchemaV1.UnidentifiedDeviceId;

    /// <summary>Dumps, newest first; only this device's when <paramref name="device"/> (a MAC or "tuya:…" key) is given.</summary>
    public IReadOnlyList<DumpSummary> ListDumps(string? device = null, int limit = 1000)
    {
        string? k = null;
        if (device is not null)
            k = DeviceKey.KeyText(device) ?? throw new ArchiveException(ArchiveProblem.BadInput, MacText.Normalize(device) is { } m
                ? $"{m} is a placeholder MAC that many boards report; it names no device. See `bktui dumps devices`."
                : $"'{device}' is not a MAC address or device key (expected e.g. AA:BB:CC:DD:EE:FF or tuya:…).");
        return Run("listing dumps", () =>
        {
            using var c = Connect();
            // Two shapes so each uses its index: (device_id, taken_at) for one device, (taken_at) for all.
            var sql = k is null
                ? $"SELECT {SummaryColumns} FROM dumps d JOIN devices v ON v.id = d.device_id ORDER BY d.taken_at DESC, d.id DESC LIMIT $lim"
                : $"SELECT {SummaryColumns} FROM device_keys dk JOIN devices v ON v.id = dk.device_id JOIN dumps d ON d.device_id = v.id WHERE dk.key = $k ORDER BY d.taken_at DESC, d.id DESC LIMIT $lim";
            using var cmd = Command(c, sql, null, ("$k", k), ("$lim", limit));
            using var r = cmd.ExecuteReader();
            var list = new List<DumpSummary>();
            while (r.Read()) list.Add(ReadSummary(r));
            return list;
        });
    }

    /// <summary>The device that holds a dump (null for a dump in the unidentified bucket).</summary>
    public DeviceRecord? DeviceOfDump(long dumpId) => Run($"reading the device of dump {dumpId}", () =>
    {
        using var c = Connect();
        var id = Scalar(c, "SELECT device_id FROM dumps WHERE id = $id", null, ("$id", dumpId)) ?? throw NoSuchDump(dumpId);
        return QueryDevices(null, Convert.ToInt64(id)).FirstOrDefault();
    });

    /// <summary>The newest dump of a device, or null (the queue's factory-dump-first guard).</summary>
    public DumpSummary? LatestDumpOf(string device) => ListDumps(device, 1).FirstOrDefault();

    /// <summary>
    /// The newest whole-flash dump (<paramref name="flashSize"/> bytes) of the device a key names that was
    /// read from a chip, with its bytes; null when there is none. Imported files are left out: nothing proves
    /// they are what the chip held (the factory-dump-first guard's backup).
    /// </summary>
    public (long Id, byte[] Bytes)? NewestChipReadDump(string deviceKey, uint flashSize) =>
        ListDumps(deviceKey, 50).FirstOrDefault(d => d.Size == flashSize && d.Source.Kind == DumpSourceKind.Port) is { } d ? (d.Id, ReadDumpBytes(d.Id)) : null;

    public DumpDetail? GetDump(long id) => Run($"reading dump {id}", () =>
    {
        using var c = Connect();
        using var cmd = Command(c, $"""
            SELECT {SummaryColumns}, d.analysis, s.ids FROM dumps d JOIN devices v ON v.id = d.device_id
            LEFT JOIN dump_sectors s ON s.dump_id = d.id WHERE d.id = $id
            """, null, ("$id", id));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        var ids = r.IsDBNull(17) ? [] : (byte[])r[17];
        int erased = 0;
        for (int i = 0; i + 4 <= ids.Length; i += 4) if (BinaryPrimitives.ReadInt32LittleEndian(ids.AsSpan(i)) == 0) erased++;
        return new DumpDetail(ReadSummary(r), r.GetString(16), ids.Length / 4, erased);
    });

    /// <summary>Like <see cref="GetDump"/>, but a missing dump is an ArchiveException (NotFound) naming the archive.</summary>
    public DumpDetail RequireDump(long id) => GetDump(id) ?? throw NoSuchDump(id);

    public DumpSummary? FindBySha(string sha256) => Run("looking up a dump", () =>
    {
        using var c = Connect();
        using var cmd = Command(c, $"SELECT {SummaryColumns} FROM dumps d JOIN devices v ON v.id = d.device_id WHERE d.sha256 = $s", null,
            ("$s", sha256.ToLowerInvariant()));
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadSummary(r) : null;
    });

    /// <summary>The exact bytes of a dump, reassembled from its sectors and checked against its sha256.</summary>
    public byte[] ReadDumpBytes(long id) => Run($"reading dump {id}", () =>
    {
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: true);
        var bytes = Reassemble(c, tx, id, out var problem);
        return bytes ?? throw new ArchiveException(ArchiveProblem.Damaged,
            $"Dump {id} cannot be rebuilt from the archive at {Root}: {problem}. Run `bktui dumps check`; re-import the original file if you still have it.");
    });

    /// <summary>Writes the dump's exact bytes to <paramref name="path"/> atomically (verified before writing).</summary>
    public void Export(long id, string path)
    {
        var bytes = ReadDumpBytes(id);
        try { DurableFile.WriteAtomic(path, bytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ArchiveException.From(e, Path.GetDirectoryName(Path.GetFullPath(path))!, $"exporting dump {id} to {path}")!;
        }
    }

    /// <summary>Sets (replaces) a dump's label.</summary>
    public void LabelDump(long id, string label) => Run($"labelling dump {id}", () =>
    {
        using var c = Connect();
        if (Command(c, "UPDATE dumps SET label = $l WHERE id = $id", null, ("$l", label.Trim()), ("$id", id)).ExecuteNonQuery() == 0)
            throw NoSuchDump(id);
    });

    internal ArchiveException NoSuchDump(long id) =>
        new(ArchiveProblem.NotFound, $"No dump {id} in the archive at {Root}. See `bktui dumps list`.");

    /// <summary>Rebuilds a dump; null with <paramref name="problem"/> set when a sector is missing or damaged.</summary>
    private byte[]? Reassemble(SqliteConnection c, SqliteTransaction tx, long id, out string? problem)
    {
        using var head = Command(c, "SELECT d.size, d.sha256, s.ids, s.sector_size FROM dumps d LEFT JOIN dump_sectors s ON s.dump_id = d.id WHERE d.id = $id",
            tx, ("$id", id));
        using var r = head.ExecuteReader();
        if (!r.Read()) throw NoSuchDump(id);
        long size = r.GetInt64(0);
        var sha = r.GetString(1);
        if (r.IsDBNull(2)) { problem = "its sector list is missing"; return null; }
        var ids = (byte[])r[2];
        if (r.GetInt32(3) != SectorCodec.SectorSize || ids.Length != SectorCodec.SectorCount(size) * 4)
        {
            problem = "its sector list does not match its size";
            return null;
        }
        var dump = new byte[size];
        var rows = SectorRows(c, tx, ids);
        using var reader = _blobs.OpenReader();
        for (int i = 0; i < ids.Length / 4; i++)
        {
            var dest = dump.AsSpan(i * SectorCodec.SectorSize, (int)Math.Min(SectorCodec.SectorSize, size - (long)i * SectorCodec.SectorSize));
            int id32 = BinaryPrimitives.ReadInt32LittleEndian(ids.AsSpan(i * 4));
            if (id32 == 0) { dest.Fill(0xFF); continue; }
            if (!rows.TryGetValue(id32, out var s)) { problem = $"sector {i} (id {id32}) is not in the index"; return null; }
            if (s.RawLength != dest.Length) { problem = $"sector {i} has the wrong length"; return null; }
            problem = reader.TryRead(s.Pack, s.Offset, s.StoredLength, s.Codec, s.Hash, dest);
            if (problem is not null) return null;
        }
        if (Convert.ToHexStringLower(SHA256.HashData(dump)) != sha) { problem = "the rebuilt bytes do not match its sha256"; return null; }
        problem = null;
        return dump;
    }

    private sealed record SectorRow(byte[] Hash, string Pack, long Offset, int StoredLength, int RawLength, byte Codec);

    /// <summary>The index rows of every sector a manifest uses, in a few queries rather than one per sector.</summary>
    private static Dictionary<int, SectorRow> SectorRows(SqliteConnection c, SqliteTransaction tx, byte[] manifest)
    {
        var wanted = new HashSet<int>();
        for (int i = 0; i + 4 <= manifest.Length; i += 4)
            if (BinaryPrimitives.ReadInt32LittleEndian(manifest.AsSpan(i)) is var id and not 0) wanted.Add(id);
        var rows = new Dictionary<int, SectorRow>(wanted.Count);
        foreach (var chunk in wanted.Chunk(500))
        {
            // Integers only, so inlining them is safe; it avoids 500 parameters per query.
            using var cmd = Command(c, $"""
                SELECT s.id, s.hash, p.name, s.offset, s.stored_len, s.raw_len, s.codec FROM sectors s JOIN packs p ON p.id = s.pack_id
                WHERE s.id IN ({string.Join(',', chunk)})
                """, tx);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                rows[r.GetInt32(0)] = new SectorRow((byte[])r[1], r.GetString(2), r.GetInt64(3), r.GetInt32(4), r.GetInt32(5), (byte)r.GetInt32(6));
        }
        return rows;
    }

    private static DumpSummary ReadSummary(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), Time(r.GetInt64(4)), Time(r.GetInt64(5)),
        new DumpSource(r.GetString(6) == "port" ? DumpSourceKind.Port : DumpSourceKind.File, r.GetString(7)),
        r.IsDBNull(8) ? null : r.GetInt64(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
        r.GetString(11), r.GetInt64(12))
    {
        DeviceId = r.GetInt64(15),
        Device = r.IsDBNull(3) ? r.IsDBNull(13) ? DeviceNames.Unidentified(r.IsDBNull(14) ? null : r.GetString(14)) : r.GetString(13) : r.GetString(3),
    };
}
