using System.Buffers.Binary;
using System.Security.Cryptography;
using BkTui.Core.Identity;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

public sealed partial class DumpArchive
{
    /// <summary>
    /// Imports a dump file (idempotent by sha256). Taken-at defaults to the file's modification time,
    /// which a copy made without keeping dates has moved: the result says which one it is.
    /// </summary>
    public ImportResult ImportFile(string path, ImportOptions? options = null)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists)
            throw new ArchiveException(ArchiveProblem.BadInput, $"{full}: no such file. Check the path and retry.");
        if (info.Length == 0 || info.Length > MaxDumpBytes)
            throw new ArchiveException(ArchiveProblem.BadInput,
                $"{full}: {info.Length} bytes is not a flash dump (expected 1 byte to {MaxDumpBytes / (1024 * 1024)} MiB). Nothing was imported.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(ArchiveProblem.BadInput, $"{full}: cannot read it ({e.Message}). Nothing was imported.", e);
        }
        options ??= new ImportOptions();
        if (options.TakenAt is null)
            options = options with { TakenAt = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), TakenFromFile = true };
        return Import(bytes, DumpSource.FromFile(full), options);
    }

    /// <summary>
    /// Archives a dump: analysis (secrets masked), device by MAC (or the unidentified device), new
    /// sectors into one durable pack, then one transaction for every row. Same bytes twice: the
    /// existing dump is returned and nothing is added.
    /// </summary>
    public ImportResult Import(ReadOnlySpan<byte> dump, DumpSource source, ImportOptions? options = null)
    {
        if (dump.Length == 0 || dump.Length > MaxDumpBytes)
            throw new ArchiveException(ArchiveProblem.BadInput, $"A dump of {dump.Length} bytes ({source}) cannot be archived (1 byte to {MaxDumpBytes / (1024 * 1024)} MiB).");
        options ??= new ImportOptions();
        var sha = Convert.ToHexStringLower(SHA256.HashData(dump));
        var existing = Run("looking up the dump", () => FindBySha(sha));
        if (existing is not null) return Existing(existing, source);

        var analysis = AnalysisSeam.Analyze(dump);
        if (options.RefuseUnrecognised && analysis.Fatal is { } why)
            throw new ArchiveException(ArchiveProblem.BadInput,
                $"Not a BK72xx dump ({source}): {why} Nothing was imported (keep it anyway as an unknown file with --keep-unknown).");
        var plan = SectorPlan.Of(dump);
        var copy = dump.ToArray();
        return Run($"importing {source}", () => Store(copy, sha, plan, analysis, source, options));
    }

    private ImportResult Existing(DumpSummary d, DumpSource source) =>
        new(d.Id, d.Sha256, d.Size, false, d.Mac, d.Grade, 0, 0, source)
        {
            Keys = DeviceOfDump(d.Id)?.Keys ?? [], TakenAt = d.TakenAt, TakenFrom = TakenAtSource.Archived,
        };

    private ImportResult Store(byte[] dump, string sha, SectorPlan plan, StoredAnalysis analysis, DumpSource source, ImportOptions options)
    {
        var missing = MissingSectors(plan);
        // Shared lock from the first blob write until commit: `check --clean` cannot take the pack away meanwhile.
        using var hold = ArchiveLock.Shared(Path.Combine(Root, LockFile), BusyTimeout);
        WrittenPack? pack = missing.Count == 0 ? null : _blobs.WritePack(missing.Select(i => (plan.Hashes[i]!, SectorCodec.Slice(dump, i).ToArray())).ToList());

        using var c = Connect();
        using var tx = c.BeginTransaction();
        var raced = Scalar(c, "SELECT id FROM dumps WHERE sha256 = $s", tx, ("$s", sha));
        if (raced is not null) // another process archived the same bytes meanwhile; our pack stays an orphan
        {
            tx.Rollback();
            return Existing(FindBySha(sha)!, source);
        }
        long now = Now();
        if (pack is not null) InsertPack(c, tx, pack, now);
        var ids = SectorIds(c, tx, plan);

        var facts = options.Device ?? new DeviceObservation();
        // Evidence, strongest first: the chip's own RF MAC, then what the bytes carry, then what the caller adds.
        var keys = new[] { DeviceKey.FromMac(facts.Mac, IdentityEvidence.RfMac) }.OfType<DeviceKey>()
            .Concat(DumpIdentity.Of(dump)).Concat(facts.Keys).DistinctBy(k => k.Key).ToList();
        facts = facts with
        {
            Chip = facts.Chip ?? analysis.Chip, KeyVerdict = facts.KeyVerdict ?? analysis.KeyVerdict,
            Bootloader = facts.Bootloader ?? analysis.Bootloader,
        };
        long takenAt = (options.TakenAt ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds();
        // Seen when the bytes were taken (a file's date), not when an old file happened to be imported.
        long deviceId = ResolveDevice(c, tx, keys, facts, Math.Min(now, takenAt));
        var mac = Scalar(c, "SELECT mac FROM devices WHERE id = $d", tx, ("$d", deviceId)) as string;
        var dumpId = (long)Scalar(c, """
            INSERT INTO dumps (sha256, size, device_id, taken_at, imported_at, source_kind, source, job_id, grade, chip, label, new_bytes, analysis)
            VALUES ($sha, $size, $dev, $taken, $now, $kind, $src, $job, $grade, $chip, $label, $new, $analysis) RETURNING id
            """, tx, ("$sha", sha), ("$size", dump.Length), ("$dev", deviceId), ("$taken", takenAt), ("$now", now),
            ("$kind", source.Kind == DumpSourceKind.Port ? "port" : "file"), ("$src", source.Location), ("$job", options.JobId),
            ("$grade", analysis.Grade), ("$chip", facts.Chip), ("$label", options.Label ?? ""), ("$new", pack?.Size ?? 0),
            ("$analysis", analysis.Json))!;
        Exec(c, "INSERT INTO dump_sectors (dump_id, sector_size, ids) VALUES ($d, $ss, $ids)", tx,
            ("$d", dumpId), ("$ss", SectorCodec.SectorSize), ("$ids", ids));
        tx.Commit();
        return new ImportResult(dumpId, sha, dump.Length, true, mac, analysis.Grade, missing.Count, pack?.Size ?? 0, source)
        {
            Keys = keys, TakenAt = DateTimeOffset.FromUnixTimeMilliseconds(takenAt),
            TakenFrom = options.TakenFromFile ? TakenAtSource.FileModified : options.TakenAt is null ? TakenAtSource.ImportTime : TakenAtSource.Given,
        };
    }

    /// <summary>Indexes (into the plan) of the distinct sectors the store does not hold yet.</summary>
    private List<int> MissingSectors(SectorPlan plan)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: true);
        using var cmd = Command(c, "SELECT 1 FROM sectors WHERE hash = $h", tx);
        var p = cmd.Parameters.Add("$h", SqliteType.Blob);
        var missing = new List<int>();
        foreach (var i in plan.FirstOfEach)
        {
            p.Value = plan.Hashes[i];
            if (cmd.ExecuteScalar() is null) missing.Add(i);
        }
        return missing;
    }

    private static void InsertPack(SqliteConnection c, SqliteTransaction tx, WrittenPack pack, long now)
    {
        Exec(c, "INSERT OR IGNORE INTO packs (name, size, created_at) VALUES ($n, $s, $t)", tx, ("$n", pack.Name), ("$s", pack.Size), ("$t", now));
        var packId = (long)Scalar(c, "SELECT id FROM packs WHERE name = $n", tx, ("$n", pack.Name))!;
        using var cmd = Command(c, """
            INSERT OR IGNORE INTO sectors (hash, pack_id, offset, stored_len, raw_len, codec) VALUES ($h, $p, $o, $sl, $rl, $c)
            """, tx);
        var h = cmd.Parameters.Add("$h", SqliteType.Blob);
        cmd.Parameters.AddWithValue("$p", packId);
        var o = cmd.Parameters.Add("$o", SqliteType.Integer);
        var sl = cmd.Parameters.Add("$sl", SqliteType.Integer);
        var rl = cmd.Parameters.Add("$rl", SqliteType.Integer);
        var codec = cmd.Parameters.Add("$c", SqliteType.Integer);
        foreach (var s in pack.Sectors)
        {
            (h.Value, o.Value, sl.Value, rl.Value, codec.Value) = (s.Hash, s.Offset, s.StoredLength, s.RawLength, (int)s.Codec);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The manifest: one little-endian int32 sector id per sector, 0 for erased.</summary>
    private static byte[] SectorIds(SqliteConnection c, SqliteTransaction tx, SectorPlan plan)
    {
        using var cmd = Command(c, "SELECT id FROM sectors WHERE hash = $h", tx);
        var p = cmd.Parameters.Add("$h", SqliteType.Blob);
        var byHash = new Dictionary<string, int>();
        var ids = new byte[plan.Hashes.Length * 4];
        for (int i = 0; i < plan.Hashes.Length; i++)
        {
            var hash = plan.Hashes[i];
            if (hash is null) continue;
            var key = Convert.ToHexString(hash);
            if (!byHash.TryGetValue(key, out int id))
            {
                p.Value = hash;
                id = Convert.ToInt32(cmd.ExecuteScalar()
                    ?? throw new ArchiveException(ArchiveProblem.Damaged, $"Sector {key} vanished from the index during the import. Run `bktui dumps check`."));
                byHash[key] = id;
            }
            BinaryPrimitives.WriteInt32LittleEndian(ids.AsSpan(i * 4), id);
        }
        return ids;
    }

    /// <summary>A dump cut into sectors: hash per sector (null when erased), first index of each distinct hash.</summary>
    private sealed record SectorPlan(byte[]?[] Hashes, IReadOnlyList<int> FirstOfEach)
    {
        public static SectorPlan Of(ReadOnlySpan<byte> dump)
        {
            var hashes = new byte[]?[SectorCodec.SectorCount(dump.Length)];
            var seen = new HashSet<string>();
            var first = new List<int>();
            for (int i = 0; i < hashes.Length; i++)
            {
                var sector = SectorCodec.Slice(dump, i);
                if (SectorCodec.IsErased(sector)) continue;
                hashes[i] = SectorCodec.Hash(sector);
                if (seen.Add(Convert.ToHexString(hashes[i]!))) first.Add(i);
            }
            return new SectorPlan(hashes, first);
        }
    }
}
