using BkTui.Core.Archive.Schema;
using BkTui.Core.Identity;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

/// <summary>Devices by evidence keys (docs/identity.md): resolve, add evidence, re-identify old archives.</summary>
public sealed partial class DumpArchive
{
    /// <summary>
    /// Records that the device holding dump <paramref name="dumpId"/> also has <paramref name="key"/>
    /// (e.g. the MAC Restore RF just wrote). An unidentified dump moves to the key's device; a dump of
    /// another identified device moves only when <paramref name="move"/> (the user said so), else the
    /// two stay apart. Returns the device that now holds the dump.
    /// </summary>
    public DeviceRecord IdentifyDump(long dumpId, DeviceKey key, bool move = false) => Run($"identifying dump {dumpId} as {key.Key}", () =>
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        var current = Scalar(c, "SELECT device_id FROM dumps WHERE id = $id", tx, ("$id", dumpId)) ?? throw NoSuchDump(dumpId);
        long dumpDevice = Convert.ToInt64(current);
        long now = Now();
        long? owner = KeyOwner(c, tx, key.Key);
        bool identified = dumpDevice != ArchiveSchemaV1.UnidentifiedDeviceId && HasKeys(c, tx, dumpDevice);
        long target = owner switch
        {
            null when identified => dumpDevice,
            null => NewDevice(c, tx, now),
            { } o when identified && !move => dumpDevice, // two identified devices never merge on one claim
            { } o => o,
        };
        if (owner is null) AddKeys(c, tx, target, [key], now);
        if (target != dumpDevice)
        {
            Exec(c, "UPDATE dumps SET device_id = $d WHERE id = $id", tx, ("$d", target), ("$id", dumpId));
            CopyFacts(c, tx, dumpDevice, target);
        }
        UpdateMac(c, tx, target);
        tx.Commit();
        return QueryDevices(null, target).Single();
    });

    /// <summary>
    /// The device these keys (strongest first) name, creating it when none does; keys no other device
    /// owns are added to it. No keys: the unidentified bucket (facts are then not recorded).
    /// </summary>
    private static long ResolveDevice(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<DeviceKey> keys, DeviceObservation facts, long now)
    {
        if (keys.Count == 0) return ArchiveSchemaV1.UnidentifiedDeviceId;
        var owners = keys.Select(k => (Key: k, Owner: KeyOwner(c, tx, k.Key))).ToList();
        long target = owners.FirstOrDefault(o => o.Owner is not null).Owner ?? NewDevice(c, tx, now);
        AddKeys(c, tx, target, owners.Where(o => o.Owner is null).Select(o => o.Key), now);
        UpdateFacts(c, tx, target, facts, now);
        UpdateMac(c, tx, target);
        return target;
    }

    private static long? KeyOwner(SqliteConnection c, SqliteTransaction tx, string key) =>
        Scalar(c, "SELECT device_id FROM device_keys WHERE key = $k", tx, ("$k", key)) is { } v ? Convert.ToInt64(v) : null;

    private static bool HasKeys(SqliteConnection c, SqliteTransaction tx, long device) =>
        Scalar(c, "SELECT 1 FROM device_keys WHERE device_id = $d LIMIT 1", tx, ("$d", device)) is not null;

    private static long NewDevice(SqliteConnection c, SqliteTransaction tx, long now) =>
        (long)Scalar(c, "INSERT INTO devices (mac, first_seen, last_seen) VALUES (NULL, $t, $t) RETURNING id", tx, ("$t", now))!;

    private static void AddKeys(SqliteConnection c, SqliteTransaction tx, long device, IEnumerable<DeviceKey> keys, long now)
    {
        foreach (var k in keys.DistinctBy(k => k.Key))
            Exec(c, "INSERT OR IGNORE INTO device_keys (key, device_id, evidence, added_at) VALUES ($k, $d, $e, $t)", tx,
                ("$k", k.Key), ("$d", device), ("$e", DeviceKey.EvidenceName(k.Evidence)), ("$t", now));
    }

    /// <summary>The device's MAC is its newest MAC key (Restore RF may have given it a new one).</summary>
    private static void UpdateMac(SqliteConnection c, SqliteTransaction tx, long device) =>
        Exec(c, """
            UPDATE devices SET mac = (SELECT substr(key, 5) FROM device_keys WHERE device_id = $d AND key LIKE 'mac:%'
                                      ORDER BY added_at DESC, evidence = 'rf-mac' DESC LIMIT 1)
            WHERE id = $d
            """, tx, ("$d", device));

    /// <summary>Chip facts of the row a dump left, for the row it joined (without overwriting what it knows).</summary>
    private static void CopyFacts(SqliteConnection c, SqliteTransaction tx, long from, long to) =>
        Exec(c, """
            UPDATE devices SET (chip, chip_id, flash_id, efuse_key, key_verdict, bootloader) =
                (SELECT COALESCE(devices.chip, f.chip), COALESCE(devices.chip_id, f.chip_id), COALESCE(devices.flash_id, f.flash_id),
                        COALESCE(devices.efuse_key, f.efuse_key), COALESCE(devices.key_verdict, f.key_verdict), COALESCE(devices.bootloader, f.bootloader)
                 FROM devices f WHERE f.id = $from)
            WHERE id = $to
            """, tx, ("$from", from), ("$to", to));

    /// <summary>
    /// Migration 5: every real MAC becomes a key of its device; a device an older bktui keyed by a
    /// placeholder MAC becomes unidentified (its MAC kept as placeholder_mac) and each of its dumps
    /// moves to the device its own bytes identify (Tuya uuid, a real RF MAC), if any. No dump is lost.
    /// </summary>
    internal void ReidentifyPlaceholderDevices(SqliteConnection c, SqliteTransaction tx)
    {
        var rows = new List<(long Id, string Mac, long Seen)>();
        using (var r = Command(c, "SELECT id, mac, last_seen FROM devices WHERE mac IS NOT NULL", tx).ExecuteReader())
            while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1), r.GetInt64(2)));
        foreach (var row in rows)
            if (DeviceKey.FromMac(row.Mac, IdentityEvidence.RfMac) is { } key) AddKeys(c, tx, row.Id, [key], row.Seen);
        foreach (var row in rows.Where(r => DeviceKey.FromMac(r.Mac, IdentityEvidence.RfMac) is null))
        {
            Exec(c, "UPDATE devices SET mac = NULL, placeholder_mac = $m WHERE id = $id", tx, ("$m", row.Mac), ("$id", row.Id));
            var dumps = new List<(long Id, long TakenAt)>();
            using (var r = Command(c, "SELECT id, taken_at FROM dumps WHERE device_id = $d", tx, ("$d", row.Id)).ExecuteReader())
                while (r.Read()) dumps.Add((r.GetInt64(0), r.GetInt64(1)));
            foreach (var d in dumps)
            {
                // A dump that cannot be rebuilt stays where it is (dumps check reports it); its row is never dropped.
                if (Reassemble(c, tx, d.Id, out _) is not { } bytes) continue;
                var keys = DumpIdentity.Of(bytes);
                if (keys.Count == 0) continue;
                long target = ResolveDevice(c, tx, keys, new DeviceObservation(), d.TakenAt);
                Exec(c, "UPDATE dumps SET device_id = $t WHERE id = $id", tx, ("$t", target), ("$id", d.Id));
                CopyFacts(c, tx, row.Id, target);
            }
        }
    }
}
