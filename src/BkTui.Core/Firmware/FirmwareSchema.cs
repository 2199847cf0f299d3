namespace BkTui.Core.Firmware;

/// <summary>The firmware cache's table in the archive database (appended to Archive/Schema/Migrations.cs).</summary>
internal static class FirmwareSchema
{
    public const string Sql = """
        CREATE TABLE firmware (
            id            INTEGER PRIMARY KEY,
            family        TEXT NOT NULL,             -- ChipFamily name, e.g. BK7231M
            tag           TEXT NOT NULL,             -- release tag
            asset_name    TEXT NOT NULL,             -- file name in the release
            source_url    TEXT NOT NULL,             -- exact URL downloaded
            feed_url      TEXT,                      -- releases feed it was listed in
            sha256        TEXT NOT NULL,             -- file firmware/<sha256>.bin
            size          INTEGER NOT NULL,
            downloaded_at INTEGER NOT NULL,          -- UTC unix ms
            published_at  INTEGER,                   -- UTC unix ms, from the feed
            key           TEXT NOT NULL,             -- tuya | zero: what the image was built for
            kind          TEXT NOT NULL,             -- qio (bootloader + app) | app (UA)
            UNIQUE (family, tag, asset_name)
        );
        CREATE INDEX firmware_by_family ON firmware (family, published_at);
        """;
}
