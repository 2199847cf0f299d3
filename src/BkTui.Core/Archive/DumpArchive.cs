using BkTui.Core.Archive.Schema;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

/// <summary>
/// The dump archive: <c>archive.db</c> (SQLite, WAL) plus the blob store under <c>blobs/</c>.
/// Thread-safe: every call takes its own pooled connection, so a TUI can read while jobs write,
/// in this process or another. Expected failures are <see cref="ArchiveException"/>.
/// </summary>
public sealed partial class DumpArchive : IDisposable
{
    public const string DatabaseFile = "archive.db";
    public const string LockFile = "archive.lock";
    public const string BlobFolder = "blobs";

    /// <summary>Largest dump accepted (BK72xx flash is at most a few MiB; this bounds memory on hostile input).</summary>
    public const long MaxDumpBytes = 64L * 1024 * 1024;

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(15);
    private readonly string _connectionString;
    private readonly BlobStore _blobs;

    public string Root { get; }
    public string DatabasePath => Path.Combine(Root, DatabaseFile);
    public JobStore Jobs { get; }

    private DumpArchive(string root)
    {
        Root = root;
        _blobs = new BlobStore(Path.Combine(root, BlobFolder));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private,
            Pooling = true, DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        Jobs = new JobStore(this);
    }

    /// <summary>Opens (creating and migrating when needed) the archive at <paramref name="root"/>.</summary>
    public static DumpArchive Open(string root)
    {
        SQLitePCL.Batteries_V2.Init();
        var full = Path.GetFullPath(root);
        // A file where the folder should be: say that, not the runtime's "already exists".
        if (File.Exists(full))
            throw new ArchiveException(ArchiveProblem.Unusable,
                $"{full} is a file, not an archive folder: name a folder with --archive (it is created when missing), or move that file away.");
        var archive = new DumpArchive(full);
        try
        {
            archive.Run("opening the archive", archive.CreateOrMigrate);
            return archive;
        }
        catch
        {
            archive.Dispose(); // a failed open must not leave pooled connections holding the files
            throw;
        }
    }

    private void CreateOrMigrate()
    {
        // Our own archive folder is kept 0700; a pre-existing folder without an archive is left as the user set it.
        DurableFile.EnsurePrivateDirectory(Root, tightenExisting: File.Exists(DatabasePath));
        DurableFile.EnsurePrivateDirectory(_blobs.Directory);
        // Create the database file ourselves so it (and the -wal/-shm SQLite derives from it) is 0600.
        if (!File.Exists(DatabasePath))
        {
            using (new FileStream(DatabasePath, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate, Access = FileAccess.Write,
                UnixCreateMode = OperatingSystem.IsWindows() ? null : DurableFile.PrivateFile,
            })) { }
            DurableFile.FsyncDirectory(Root);
        }
        using var c = Connect();
        Exec(c, "PRAGMA journal_mode=WAL;");
        Migrate(c);
    }

    /// <summary>The schema version stored in the database (PRAGMA user_version).</summary>
    public int SchemaVersion => Run("reading the schema version", () =>
    {
        using var c = Connect();
        return Convert.ToInt32(Scalar(c, "PRAGMA user_version;"));
    });

    private void Migrate(SqliteConnection c)
    {
        // Up to date (the usual case): no write lock needed, so opening never waits on a busy writer.
        if (Convert.ToInt32(Scalar(c, "PRAGMA user_version;")) == Migrations.Latest) return;
        using var tx = c.BeginTransaction(); // IMMEDIATE: two processes opening a new archive migrate one after the other
        int current = Convert.ToInt32(Scalar(c, "PRAGMA user_version;", tx));
        if (current > Migrations.Latest)
            throw new ArchiveException(ArchiveProblem.NewerSchema,
                $"The archive at {Root} has schema version {current}, newer than this bktui knows ({Migrations.Latest}). Update bktui; the archive was left untouched.");
        for (int i = 0; i < Migrations.All.Count; i++)
        {
            var m = Migrations.All[i];
            if (m.Version != i + 1) throw new InvalidOperationException($"Migration list out of order at {m.Name}: version {m.Version}, expected {i + 1}.");
            if (m.Version <= current) continue;
            Exec(c, m.Sql, tx);
            m.Code?.Invoke(this, c, tx);
            Exec(c, $"PRAGMA user_version = {m.Version};", tx);
        }
        tx.Commit();
    }

    /// <summary>
    /// A pooled connection with the per-connection settings applied. Writers that meet wait in SQLite's
    /// own busy handler for up to 15 s: the bundled e_sqlite3 (2.1.x) sleeps through nanosleep in steps
    /// of 1–100 ms, so a writer gets its turn within milliseconds of the lock coming free, in this
    /// process or another (docs/dependencies.md has the measurement).
    /// </summary>
    internal SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
        return c;
    }

    /// <summary>Runs an archive operation, turning disk/SQLite failures into ArchiveException with advice.</summary>
    internal T Run<T>(string action, Func<T> body)
    {
        try { return body(); }
        catch (Exception e) when (ArchiveException.From(e, Root, action) is { } clear && !ReferenceEquals(clear, e)) { throw clear; }
    }

    internal void Run(string action, Action body) => Run(action, () => { body(); return 0; });

    internal static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, tx, args);
        cmd.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection c, string sql, SqliteTransaction? tx = null, params (string, object?)[] args)
    {
        using var cmd = Command(c, sql, tx, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    internal static SqliteCommand Command(SqliteConnection c, string sql, SqliteTransaction? tx, params (string, object?)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    internal static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    internal static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>Releases pooled connections (so the folder can be moved or deleted).</summary>
    public void Dispose()
    {
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }
}
