using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive.Schema;

/// <summary>One schema step. <see cref="Version"/> is written to PRAGMA user_version once applied.</summary>
/// <param name="Code">Runs after <paramref name="Sql"/> in the same transaction (data that SQL alone cannot judge).</param>
public sealed record Migration(int Version, string Name, string Sql, Action<DumpArchive, SqliteConnection, SqliteTransaction>? Code = null);

/// <summary>
/// The archive schema as an ordered, append-only list: never edit a step that was merged, add a new
/// one at the end (other parts do: e.g. the firmware cache). Each step runs in the same transaction
/// as its user_version bump, so a kill mid-migration leaves the previous version intact.
/// Times are UTC unix milliseconds; hashes are lowercase hex. SQLite 3.35.5: no STRICT, no ->>.
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "devices, dumps, sector store", ArchiveSchemaV1.Sql),
        new(2, "jobs and job logs", ArchiveSchemaV1.JobsSql),
        new(3, "firmware cache index", BkTui.Core.Firmware.FirmwareSchema.Sql),
        new(4, "block index for dedup on the wire", BlockIndexSchema.Sql),
        new(5, "device identity keys; placeholder MACs are no identity", ArchiveSchemaV5.Sql, (a, c, tx) => a.ReidentifyPlaceholderDevices(c, tx)),
    ];

    /// <summary>The version this build writes; an archive with a higher user_version came from a newer bktui.</summary>
    public static int Latest => All[^1].Version;
}
