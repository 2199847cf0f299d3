namespace BkTui.Core.Archive.Schema;

/// <summary>
/// Migration 5: devices are identified by evidence keys, never by a placeholder MAC
/// (docs/identity.md). The SQL adds the tables; <see cref="DumpArchive"/> then re-identifies the
/// devices an older bktui keyed by a placeholder, in the same transaction.
/// </summary>
internal static class ArchiveSchemaV5
{
    public const string Sql = """
        -- Each key names one device: 'mac:AA:BB:CC:DD:EE:FF' or 'tuya:<16 hex of sha256(uuid)>'.
        CREATE TABLE device_keys (
            key          TEXT PRIMARY KEY,
            device_id    INTEGER NOT NULL REFERENCES devices(id),
            evidence     TEXT NOT NULL,             -- rf-mac, user-mac, tuya-uuid, boot-log-mac
            added_at     INTEGER NOT NULL
        );
        CREATE INDEX device_keys_by_device ON device_keys (device_id);
        -- The placeholder MAC a device reported (kept for the record; never an identity).
        ALTER TABLE devices ADD COLUMN placeholder_mac TEXT;
        """;
}
