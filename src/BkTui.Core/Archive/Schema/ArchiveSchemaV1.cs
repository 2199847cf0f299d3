namespace BkTui.Core.Archive.Schema;

/// <summary>The archive part's own tables (migrations 1 and 2).</summary>
internal static class ArchiveSchemaV1
{
    /// <summary>Row id of the device that holds dumps without a readable MAC.</summary>
    public const long UnidentifiedDeviceId = 1;

    public const string Sql = """
        CREATE TABLE devices (
            id           INTEGER PRIMARY KEY,
            mac          TEXT UNIQUE,              -- AA:BB:CC:DD:EE:FF; NULL only for the unidentified device
            chip         TEXT,
            chip_id      TEXT,
            flash_id     TEXT,
            efuse_key    TEXT,
            key_verdict  TEXT,
            bootloader   TEXT,
            labels       TEXT NOT NULL DEFAULT '',  -- comma-separated
            notes        TEXT NOT NULL DEFAULT '',
            first_seen   INTEGER NOT NULL,
            last_seen    INTEGER NOT NULL
        );
        INSERT INTO devices (id, mac, labels, notes, first_seen, last_seen) VALUES (1, NULL, 'unidentified', '', 0, 0);

        CREATE TABLE device_bauds (
            device_id    INTEGER NOT NULL REFERENCES devices(id),
            adapter      TEXT NOT NULL,             -- port path or by-id name
            baud         INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL,
            PRIMARY KEY (device_id, adapter)
        );
        CREATE INDEX device_bauds_by_adapter ON device_bauds (adapter, updated_at);

        -- One pack file per import holds that import's new sectors (blobs/<hh>/<name>.pack).
        CREATE TABLE packs (
            id           INTEGER PRIMARY KEY,
            name         TEXT NOT NULL UNIQUE,      -- sha256 of the pack file
            size         INTEGER NOT NULL,
            created_at   INTEGER NOT NULL
        );

        -- Each distinct non-erased 4 KiB sector, stored once.
        CREATE TABLE sectors (
            id           INTEGER PRIMARY KEY,
            hash         BLOB NOT NULL UNIQUE,      -- sha256 of the raw sector bytes
            pack_id      INTEGER NOT NULL REFERENCES packs(id),
            offset       INTEGER NOT NULL,          -- of the payload inside the pack
            stored_len   INTEGER NOT NULL,
            raw_len      INTEGER NOT NULL,
            codec        INTEGER NOT NULL           -- 0 raw, 1 brotli
        );

        CREATE TABLE dumps (
            id           INTEGER PRIMARY KEY,
            sha256       TEXT NOT NULL UNIQUE,
            size         INTEGER NOT NULL,
            device_id    INTEGER NOT NULL REFERENCES devices(id),
            taken_at     INTEGER NOT NULL,
            imported_at  INTEGER NOT NULL,
            source_kind  TEXT NOT NULL CHECK (source_kind IN ('port', 'file')),
            source       TEXT NOT NULL,
            job_id       INTEGER,
            grade        TEXT,
            chip         TEXT,
            label        TEXT NOT NULL DEFAULT '',
            new_bytes    INTEGER NOT NULL DEFAULT 0, -- compressed bytes this import added to the store
            analysis     TEXT NOT NULL DEFAULT '{}'  -- DumpReport JSON, secrets masked
        );
        CREATE INDEX dumps_by_device ON dumps (device_id, taken_at DESC);
        CREATE INDEX dumps_by_time ON dumps (taken_at DESC);

        -- The dump as an ordered list of sector ids (little-endian int32 each; 0 = erased, all 0xFF).
        CREATE TABLE dump_sectors (
            dump_id      INTEGER PRIMARY KEY REFERENCES dumps(id),
            sector_size  INTEGER NOT NULL,
            ids          BLOB NOT NULL
        );
        """;

    public const string JobsSql = """
        CREATE TABLE jobs (
            id           INTEGER PRIMARY KEY,
            port         TEXT NOT NULL,
            recipe       TEXT NOT NULL,
            options      TEXT NOT NULL DEFAULT '{}',
            state        TEXT NOT NULL CHECK (state IN ('queued','running','needs-attention','done','failed','cancelled','interrupted')),
            step         TEXT NOT NULL DEFAULT '',
            progress     REAL NOT NULL DEFAULT 0,    -- 0..1 (done/total when those are set)
            done         INTEGER NOT NULL DEFAULT 0,  -- bytes (or units) of the current step done
            total        INTEGER NOT NULL DEFAULT 0,
            error        TEXT,
            mac          TEXT,
            dump_id      INTEGER REFERENCES dumps(id),
            firmware     TEXT,
            log_path     TEXT,
            created_at   INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL
        );
        CREATE INDEX jobs_by_time ON jobs (created_at DESC);
        CREATE INDEX jobs_by_port ON jobs (port, created_at DESC);
        CREATE INDEX jobs_by_state ON jobs (state);

        CREATE TABLE job_log (
            id           INTEGER PRIMARY KEY,
            job_id       INTEGER NOT NULL REFERENCES jobs(id),
            at           INTEGER NOT NULL,
            level        TEXT NOT NULL,
            line         TEXT NOT NULL
        );
        CREATE INDEX job_log_by_job ON job_log (job_id, id);
        """;
}
