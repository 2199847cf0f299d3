using BkTui.Core.Archive.Schema;
using BkTui.Core.Identity;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

public sealed partial class DumpArchive
{
    /// <summary>
    /// Records what a session learned about a device, including the working baud per adapter. Only a
    /// real MAC identifies it: for a placeholder or missing MAC nothing is recorded and null is returned.
    /// </summary>
    public DeviceRecord? RecordDevice(DeviceObservation facts)
    {
        if (DeviceKey.FromMac(facts.Mac, IdentityEvidence.RfMac) is not { } key)
        {
            if (MacText.Normalize(facts.Mac) is null)
                throw new ArchiveException(ArchiveProblem.BadInput, $"'{facts.Mac}' is not a MAC address (expected 12 hex digits, e.g. AA:BB:CC:DD:EE:FF).");
            return null;
        }
        return Run($"recording device {key.Mac}", () =>
        {
            using var c = Connect();
            using var tx = c.BeginTransaction();
            long id = ResolveDevice(c, tx, [key], facts, Now());
            tx.Commit();
            return QueryDevices(null, id).Single();
        });
    }

    /// <summary>Remembers the baud that worked on an adapter (for the device when its MAC is real).</summary>
    public void RememberBaud(string adapter, int baud, string? mac = null) => Run($"remembering the baud of {adapter}", () =>
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        long device = DeviceKey.FromMac(mac, IdentityEvidence.RfMac) is { } key
            ? ResolveDevice(c, tx, [key], new DeviceObservation(), Now()) : ArchiveSchemaV1.UnidentifiedDeviceId;
        SaveBaud(c, tx, device, adapter, baud, Now());
        tx.Commit();
    });

    /// <summary>The last baud that worked on this adapter: for this device when given, else for whatever answered there last.</summary>
    public int? LastWorkingBaud(string adapter, string? device = null) => Run($"reading the baud of {adapter}", () =>
    {
        using var c = Connect();
        var k = DeviceKey.KeyText(device);
        var v = k is null
            ? Scalar(c, "SELECT baud FROM device_bauds WHERE adapter = $a ORDER BY updated_at DESC LIMIT 1", null, ("$a", adapter))
            : Scalar(c, """
                SELECT b.baud FROM device_bauds b JOIN device_keys k ON k.device_id = b.device_id
                WHERE b.adapter = $a AND k.key = $k
                """, null, ("$a", adapter), ("$k", k));
        return v is null ? (int?)null : Convert.ToInt32(v);
    });

    /// <summary>
    /// Moves a dump (typically an unidentified one) to the device with this MAC: the user's word is
    /// evidence (user-mac). A placeholder MAC is refused: it would merge every board that reports it.
    /// </summary>
    public DeviceRecord AttachDump(long dumpId, string mac)
    {
        if (MacText.Normalize(mac) is null)
            throw new ArchiveException(ArchiveProblem.BadInput, $"'{mac}' is not a MAC address (expected e.g. AA:BB:CC:DD:EE:FF).");
        var key = DeviceKey.FromMac(mac, IdentityEvidence.UserMac)
            ?? throw new ArchiveException(ArchiveProblem.BadInput,
                $"{MacText.Normalize(mac)} is a placeholder MAC that many boards report; it identifies no device. Attach the dump to the device's real MAC.");
        return IdentifyDump(dumpId, key, move: true);
    }

    /// <summary>Adds a label to a device (kept once) and optionally replaces its notes.</summary>
    public void LabelDevice(string device, string? label, string? notes = null)
    {
        var dev = GetDevice(device) ?? throw new ArchiveException(ArchiveProblem.NotFound, $"No device {device} in the archive at {Root}. See `bktui dumps devices`.");
        var labels = dev.Labels.ToList();
        if (!string.IsNullOrWhiteSpace(label) && !labels.Contains(label.Trim())) labels.Add(label.Trim().Replace(",", " "));
        Run($"labelling device {dev.Name}", () =>
        {
            using var c = Connect();
            Exec(c, "UPDATE devices SET labels = $l, notes = COALESCE($n, notes) WHERE id = $id", null,
                ("$l", string.Join(',', labels)), ("$n", notes), ("$id", dev.Id));
        });
    }

    /// <summary>
    /// Names a device ("kitchen plug"): the name becomes its first label, which lists show before
    /// the MAC; an earlier name stays as a later label (an empty name only moves nothing).
    /// </summary>
    /// <summary>Puts the name first among the device's labels; returns the device as it was found.</summary>
    public DeviceRecord NameDevice(string device, string name)
    {
        var dev = GetDevice(device) ?? throw new ArchiveException(ArchiveProblem.NotFound, $"No device {device} in the archive at {Root}. See `bktui dumps devices`.");
        var clean = name.Trim().Replace(",", " ");
        if (clean.Length == 0) throw new ArchiveException(ArchiveProblem.BadInput, "A device's name cannot be empty.");
        var labels = new List<string> { clean };
        labels.AddRange(dev.Labels.Where(l => l != clean));
        Run($"naming device {dev.Name}", () =>
        {
            using var c = Connect();
            Exec(c, "UPDATE devices SET labels = $l WHERE id = $id", null, ("$l", string.Join(',', labels)), ("$id", dev.Id));
        });
        return dev;
    }

    /// <summary>One row per device with its dump count and latest dump (unidentified rows only when they hold dumps).</summary>
    public IReadOnlyList<DeviceRecord> ListDevices() => Run("listing devices", () => QueryDevices(null, null));

    /// <summary>The device a MAC or key ("tuya:…") names; null for a placeholder MAC, which names none.</summary>
    public DeviceRecord? GetDevice(string device)
    {
        var k = DeviceKey.KeyText(device);
        return k is null ? null : Run($"reading device {k}", () => QueryDevices(k, null).FirstOrDefault());
    }

    private List<DeviceRecord> QueryDevices(string? key, long? id)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: true);
        var bauds = new Dictionary<long, Dictionary<string, int>>();
        using (var r = Command(c, "SELECT device_id, adapter, baud FROM device_bauds", tx).ExecuteReader())
            while (r.Read())
                (bauds.TryGetValue(r.GetInt64(0), out var d) ? d : bauds[r.GetInt64(0)] = [])[r.GetString(1)] = r.GetInt32(2);
        var keys = new Dictionary<long, List<DeviceKey>>();
        using (var r = Command(c, "SELECT device_id, key, evidence FROM device_keys ORDER BY added_at, key", tx).ExecuteReader())
            while (r.Read())
                (keys.TryGetValue(r.GetInt64(0), out var l) ? l : keys[r.GetInt64(0)] = []).Add(new DeviceKey(r.GetString(1), DeviceKey.ParseEvidence(r.GetString(2))));
        var list = new List<DeviceRecord>();
        using var cmd = Command(c, """
            SELECT v.id, v.mac,
                   -- The unidentified bucket records no facts (it is no one device): its chips and times are its dumps'.
                   COALESCE(v.chip, (SELECT group_concat(c, ', ') FROM (SELECT DISTINCT d.chip AS c FROM dumps d WHERE d.device_id = v.id AND d.chip IS NOT NULL ORDER BY d.chip))),
                   v.chip_id, v.flash_id, v.efuse_key, v.key_verdict, v.bootloader, v.labels, v.notes,
                   CASE WHEN v.first_seen > 0 THEN v.first_seen ELSE COALESCE((SELECT MIN(d.taken_at) FROM dumps d WHERE d.device_id = v.id), 0) END,
                   MAX(v.last_seen, COALESCE((SELECT MAX(d.taken_at) FROM dumps d WHERE d.device_id = v.id), 0)) AS seen,
                   (SELECT COUNT(*) FROM dumps d WHERE d.device_id = v.id),
                   (SELECT d.id FROM dumps d WHERE d.device_id = v.id ORDER BY d.taken_at DESC, d.id DESC LIMIT 1),
                   v.placeholder_mac, EXISTS (SELECT 1 FROM device_keys k WHERE k.device_id = v.id)
            FROM devices v
            WHERE ($k IS NULL OR v.id = (SELECT device_id FROM device_keys WHERE key = $k)) AND ($id IS NULL OR v.id = $id)
            ORDER BY NOT EXISTS (SELECT 1 FROM device_keys k WHERE k.device_id = v.id), seen DESC
            """, tx, ("$k", key), ("$id", id));
        using var rd = cmd.ExecuteReader();
        while (rd.Read())
        {
            int count = rd.GetInt32(12);
            long rowId = rd.GetInt64(0);
            if (rd.GetInt64(15) == 0 && count == 0 && id is null) continue;
            list.Add(new DeviceRecord(rowId, Str(rd, 1), Str(rd, 2), Str(rd, 3), Str(rd, 4), Str(rd, 5), Str(rd, 6), Str(rd, 7),
                rd.GetString(8).Split(',', StringSplitOptions.RemoveEmptyEntries), rd.GetString(9), Time(rd.GetInt64(10)), Time(rd.GetInt64(11)),
                count, rd.IsDBNull(13) ? null : rd.GetInt64(13),
                bauds.TryGetValue(rowId, out var b) ? b : new Dictionary<string, int>())
            {
                Keys = keys.TryGetValue(rowId, out var k) ? k : [], PlaceholderMac = Str(rd, 14),
            });
        }
        return list;
    }

    /// <summary>Updates the device row's facts; null facts keep what is stored.</summary>
    private static void UpdateFacts(SqliteConnection c, SqliteTransaction tx, long id, DeviceObservation facts, long now)
    {
        Exec(c, """
            UPDATE devices SET
                chip = COALESCE($chip, chip), chip_id = COALESCE($cid, chip_id), flash_id = COALESCE($fid, flash_id),
                efuse_key = COALESCE($key, efuse_key), key_verdict = COALESCE($verdict, key_verdict),
                bootloader = COALESCE($boot, bootloader), first_seen = MIN(first_seen, $now), last_seen = MAX(last_seen, $now)
            WHERE id = $id
            """, tx, ("$chip", facts.Chip), ("$cid", facts.ChipId), ("$fid", facts.FlashId), ("$key", facts.EfuseKey),
            ("$verdict", facts.KeyVerdict), ("$boot", facts.Bootloader), ("$now", now), ("$id", id));
        if (facts.Adapter is { Length: > 0 } adapter && facts.Baud is int baud) SaveBaud(c, tx, id, adapter, baud, now);
    }

    private static void SaveBaud(SqliteConnection c, SqliteTransaction tx, long device, string adapter, int baud, long now) =>
        Exec(c, """
            INSERT INTO device_bauds (device_id, adapter, baud, updated_at) VALUES ($d, $a, $b, $t)
            ON CONFLICT (device_id, adapter) DO UPDATE SET baud = excluded.baud, updated_at = excluded.updated_at
            """, tx, ("$d", device), ("$a", adapter), ("$b", baud), ("$t", now));

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
