using BkTui.Core.Archive.Schema;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

public sealed partial class DumpArchive
{
    /// <summary>Records what a session learned about a device (by MAC), including the working baud per adapter.</summary>
    public DeviceRecord RecordDevice(DeviceObservation facts)
    {
        var mac = MacText.Normalize(facts.Mac)
            ?? throw new ArchiveException(ArchiveProblem.BadInput, $"'{facts.Mac}' is not a MAC address (expected 12 hex digits, e.g. AA:BB:CC:DD:EE:FF).");
        return Run($"recording device {mac}", () =>
        {
            using var c = Connect();
            using var tx = c.BeginTransaction();
            UpsertDevice(c, tx, facts with { Mac = mac }, Now());
            tx.Commit();
            return GetDevice(mac)!;
        });
    }

    /// <summary>Remembers the baud that worked on an adapter (for the device when its MAC is known).</summary>
    public void RememberBaud(string adapter, int baud, string? mac = null) => Run($"remembering the baud of {adapter}", () =>
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        long device = MacText.Normalize(mac) is { } m ? UpsertDevice(c, tx, new DeviceObservation { Mac = m }, Now()) : ArchiveSchemaV1.UnidentifiedDeviceId;
        SaveBaud(c, tx, device, adapter, baud, Now());
        tx.Commit();
    });

    /// <summary>The last baud that worked on this adapter: for this device when given, else for whatever answered there last.</summary>
    public int? LastWorkingBaud(string adapter, string? mac = null) => Run($"reading the baud of {adapter}", () =>
    {
        using var c = Connect();
        var m = MacText.Normalize(mac);
        var v = m is null
            ? Scalar(c, "SELECT baud FROM device_bauds WHERE adapter = $a ORDER BY updated_at DESC LIMIT 1", null, ("$a", adapter))
            : Scalar(c, """
                SELECT b.baud FROM device_bauds b JOIN devices d ON d.id = b.device_id
                WHERE b.adapter = $a AND d.mac = $m
                """, null, ("$a", adapter), ("$m", m));
        return v is null ? (int?)null : Convert.ToInt32(v);
    });

    /// <summary>Moves a dump (typically from the unidentified device) to the device with this MAC.</summary>
    public void AttachDump(long dumpId, string mac)
    {
        var m = MacText.Normalize(mac) ?? throw new ArchiveException(ArchiveProblem.BadInput, $"'{mac}' is not a MAC address (expected e.g. AA:BB:CC:DD:EE:FF).");
        Run($"attaching dump {dumpId} to {m}", () =>
        {
            using var c = Connect();
            using var tx = c.BeginTransaction();
            long device = UpsertDevice(c, tx, new DeviceObservation { Mac = m }, Now());
            if (Command(c, "UPDATE dumps SET device_id = $d WHERE id = $id", tx, ("$d", device), ("$id", dumpId)).ExecuteNonQuery() == 0)
                throw NoSuchDump(dumpId);
            tx.Commit();
        });
    }

    /// <summary>Adds a label to a device (kept once) and optionally replaces its notes.</summary>
    public void LabelDevice(string mac, string? label, string? notes = null)
    {
        var dev = GetDevice(mac) ?? throw new ArchiveException(ArchiveProblem.NotFound, $"No device {mac} in the archive at {Root}. See `bktui dumps devices`.");
        var labels = dev.Labels.ToList();
        if (!string.IsNullOrWhiteSpace(label) && !labels.Contains(label.Trim())) labels.Add(label.Trim().Replace(",", " "));
        Run($"labelling device {dev.Mac}", () =>
        {
            using var c = Connect();
            Exec(c, "UPDATE devices SET labels = $l, notes = COALESCE($n, notes) WHERE id = $id", null,
                ("$l", string.Join(',', labels)), ("$n", notes), ("$id", dev.Id));
        });
    }

    /// <summary>One row per device with its dump count and latest dump (the unidentified device only when it holds dumps).</summary>
    public IReadOnlyList<DeviceRecord> ListDevices() => Run("listing devices", () => QueryDevices(null));

    public DeviceRecord? GetDevice(string mac)
    {
        var m = MacText.Normalize(mac);
        return m is null ? null : Run($"reading device {m}", () => QueryDevices(m).FirstOrDefault());
    }

    private List<DeviceRecord> QueryDevices(string? mac)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: true);
        var bauds = new Dictionary<long, Dictionary<string, int>>();
        using (var r = Command(c, "SELECT device_id, adapter, baud FROM device_bauds", tx).ExecuteReader())
            while (r.Read())
                (bauds.TryGetValue(r.GetInt64(0), out var d) ? d : bauds[r.GetInt64(0)] = [])[r.GetString(1)] = r.GetInt32(2);
        var list = new List<DeviceRecord>();
        using var cmd = Command(c, """
            SELECT v.id, v.mac, v.chip, v.chip_id, v.flash_id, v.efuse_key, v.key_verdict, v.bootloader, v.labels, v.notes,
                   v.first_seen, v.last_seen,
                   (SELECT COUNT(*) FROM dumps d WHERE d.device_id = v.id),
                   (SELECT d.id FROM dumps d WHERE d.device_id = v.id ORDER BY d.taken_at DESC, d.id DESC LIMIT 1)
            FROM devices v
            WHERE ($m IS NULL OR v.mac = $m)
            ORDER BY v.mac IS NULL, v.last_seen DESC
            """, tx, ("$m", mac));
        using var rd = cmd.ExecuteReader();
        while (rd.Read())
        {
            int count = rd.GetInt32(12);
            if (rd.IsDBNull(1) && count == 0) continue;
            list.Add(new DeviceRecord(rd.GetInt64(0), Str(rd, 1), Str(rd, 2), Str(rd, 3), Str(rd, 4), Str(rd, 5), Str(rd, 6), Str(rd, 7),
                rd.GetString(8).Split(',', StringSplitOptions.RemoveEmptyEntries), rd.GetString(9), Time(rd.GetInt64(10)), Time(rd.GetInt64(11)),
                count, rd.IsDBNull(13) ? null : rd.GetInt64(13),
                bauds.TryGetValue(rd.GetInt64(0), out var b) ? b : new Dictionary<string, int>()));
        }
        return list;
    }

    /// <summary>Inserts or updates the device row for facts.Mac (must be normalized); null facts keep what is stored.</summary>
    private static long UpsertDevice(SqliteConnection c, SqliteTransaction tx, DeviceObservation facts, long now)
    {
        var id = (long)Scalar(c, """
            INSERT INTO devices (mac, chip, chip_id, flash_id, efuse_key, key_verdict, bootloader, first_seen, last_seen)
            VALUES ($mac, $chip, $cid, $fid, $key, $verdict, $boot, $now, $now)
            ON CONFLICT (mac) DO UPDATE SET
                chip = COALESCE(excluded.chip, chip), chip_id = COALESCE(excluded.chip_id, chip_id),
                flash_id = COALESCE(excluded.flash_id, flash_id), efuse_key = COALESCE(excluded.efuse_key, efuse_key),
                key_verdict = COALESCE(excluded.key_verdict, key_verdict), bootloader = COALESCE(excluded.bootloader, bootloader),
                first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen)
            RETURNING id
            """, tx, ("$mac", facts.Mac), ("$chip", facts.Chip), ("$cid", facts.ChipId), ("$fid", facts.FlashId),
            ("$key", facts.EfuseKey), ("$verdict", facts.KeyVerdict), ("$boot", facts.Bootloader), ("$now", now))!;
        if (facts.Adapter is { Length: > 0 } adapter && facts.Baud is int baud) SaveBaud(c, tx, id, adapter, baud, now);
        return id;
    }

    private static void SaveBaud(SqliteConnection c, SqliteTransaction tx, long device, string adapter, int baud, long now) =>
        Exec(c, """
            INSERT INTO device_bauds (device_id, adapter, baud, updated_at) VALUES ($d, $a, $b, $t)
            ON CONFLICT (device_id, adapter) DO UPDATE SET baud = excluded.baud, updated_at = excluded.updated_at
            """, tx, ("$d", device), ("$a", adapter), ("$b", baud), ("$t", now));

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
