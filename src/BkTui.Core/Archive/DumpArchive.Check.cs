namespace BkTui.Core.Archive;

public sealed partial class DumpArchive
{
    /// <summary>
    /// Verifies the archive: SQLite integrity and foreign keys, every stored sector present and matching
    /// its hash, every dump rebuildable to its sha256. Orphan pack/temp files (left by a killed import)
    /// are listed, and removed when <paramref name="cleanOrphans"/> is set and no import is running.
    /// </summary>
    public CheckReport Check(bool cleanOrphans = false) => Run("checking the archive", () =>
    {
        var problems = new List<string>();
        string integrity;
        int dumps = 0, sectors = 0, packs;
        HashSet<string> packNames;
        using (var c = Connect())
        using (var tx = c.BeginTransaction(deferred: true))
        {
            var lines = new List<string>();
            using (var r = Command(c, "PRAGMA integrity_check", tx).ExecuteReader())
                while (r.Read()) lines.Add(r.GetString(0));
            integrity = string.Join("; ", lines);
            if (integrity != "ok") problems.Add($"database integrity_check: {integrity}");
            using (var r = Command(c, "PRAGMA foreign_key_check", tx).ExecuteReader())
                while (r.Read()) problems.Add($"table {r.GetString(0)} row {r.GetValue(1)} points to a missing {r.GetString(2)} row");

            packNames = [];
            using (var r = Command(c, "SELECT name FROM packs", tx).ExecuteReader())
                while (r.Read()) packNames.Add(r.GetString(0));
            packs = packNames.Count;

            using (var reader = _blobs.OpenReader())
            using (var r = Command(c, "SELECT s.id, s.hash, p.name, s.offset, s.stored_len, s.raw_len, s.codec FROM sectors s JOIN packs p ON p.id = s.pack_id ORDER BY p.id, s.offset", tx).ExecuteReader())
            {
                var buffer = new byte[SectorCodec.SectorSize];
                while (r.Read())
                {
                    sectors++;
                    int raw = r.GetInt32(5);
                    if (raw is <= 0 or > SectorCodec.SectorSize) { problems.Add($"sector {r.GetInt64(0)}: impossible length {raw}"); continue; }
                    var why = reader.TryRead(r.GetString(2), r.GetInt64(3), r.GetInt32(4), (byte)r.GetInt32(6), (byte[])r[1], buffer.AsSpan(0, raw));
                    if (why is not null) problems.Add($"sector {r.GetInt64(0)}: {why}");
                }
            }

            var ids = new List<long>();
            using (var r = Command(c, "SELECT id FROM dumps ORDER BY id", tx).ExecuteReader())
                while (r.Read()) ids.Add(r.GetInt64(0));
            foreach (var id in ids)
            {
                dumps++;
                if (Reassemble(c, tx, id, out var why) is null) problems.Add($"dump {id}: {why}");
            }
        }

        var orphans = Orphans(packNames);
        var notes = new List<string>();
        int removed = 0;
        if (cleanOrphans && orphans.Count > 0)
        {
            using var exclusive = ArchiveLock.TryExclusive(Path.Combine(Root, LockFile));
            if (exclusive is null)
                notes.Add("orphans were not removed: an import is running right now; run `dumps check --clean` again when it is done");
            else
            {
                // Re-read under the lock: a pack committed since the snapshot above is no orphan.
                using var c = Connect();
                var current = new HashSet<string>();
                using (var r = Command(c, "SELECT name FROM packs", null).ExecuteReader())
                    while (r.Read()) current.Add(r.GetString(0));
                foreach (var file in Orphans(current)) { File.Delete(file); removed++; }
            }
        }
        return new CheckReport(problems.Count == 0, integrity, dumps, sectors, packs, problems, orphans, removed, notes);
    });

    /// <summary>Files in the blob store no pack row names: temp files and packs whose import never committed.</summary>
    private List<string> Orphans(HashSet<string> packNames) =>
        _blobs.ListFiles().Where(f => BlobStore.NameOf(f) is not { } name || !packNames.Contains(name)).Order().ToList();
}
