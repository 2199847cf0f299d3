using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

/// <summary>What went wrong with the archive, so shells can pick an exit code or a hint.</summary>
public enum ArchiveProblem { Unusable, DiskFull, ReadOnly, Busy, Damaged, NotFound, BadInput, NewerSchema }

/// <summary>An expected archive failure. The message names the archive and says what to do next.</summary>
public sealed class ArchiveException(ArchiveProblem problem, string message, Exception? inner = null) : IOException(message, inner)
{
    public ArchiveProblem Problem { get; } = problem;

    // errno values from Linux asm-generic/errno-base.h; .NET puts the raw errno in IOException.HResult on Unix.
    private const int EACCES = 13, ENOSPC = 28, EROFS = 30, EDQUOT = 122, EPERM = 1;

    /// <summary>Turns a low-level failure during <paramref name="action"/> into a clear ArchiveException (or returns null for bugs).</summary>
    internal static ArchiveException? From(Exception e, string root, string action) => e switch
    {
        ArchiveException a => a,
        SqliteException s => FromSqlite(s, root, action),
        UnauthorizedAccessException u => ReadOnlyMedia(root, action, u),
        IOException io when io.HResult is ENOSPC or EDQUOT => DiskFull(root, action, io),
        IOException io when io.HResult is EROFS or EACCES or EPERM => ReadOnlyMedia(root, action, io),
        IOException io when io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => DiskFull(root, action, io),
        IOException io when io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => ReadOnlyMedia(root, action, io),
        IOException io => new ArchiveException(ArchiveProblem.Unusable,
            $"Archive at {root}: {action} failed: {io.Message}. Nothing partial was recorded; check the disk and retry.", io),
        _ => null,
    };

    private static ArchiveException FromSqlite(SqliteException s, string root, string action) => s.SqliteErrorCode switch
    {
        13 => DiskFull(root, action, s),                       // SQLITE_FULL
        8 or 14 => ReadOnlyMedia(root, action, s),             // SQLITE_READONLY, SQLITE_CANTOPEN
        5 or 6 => new ArchiveException(ArchiveProblem.Busy,    // SQLITE_BUSY, SQLITE_LOCKED
            $"Archive at {root} is busy: another bktui kept it locked during {action}. Wait for that job to finish and retry.", s),
        11 or 26 => new ArchiveException(ArchiveProblem.Damaged, // SQLITE_CORRUPT, SQLITE_NOTADB
            $"Archive database at {root} is damaged ({s.Message}) during {action}. Run `bktui dumps check --archive {root}` and keep a copy of the folder before anything else.", s),
        _ => new ArchiveException(ArchiveProblem.Unusable,
            $"Archive at {root}: {action} failed (SQLite error {s.SqliteErrorCode}: {s.Message}). Nothing partial was recorded; retry, or run `bktui dumps check`.", s),
    };

    internal static ArchiveException DiskFull(string root, string action, Exception? inner = null) => new(ArchiveProblem.DiskFull,
        $"The disk holding the archive at {root} is full ({action} stopped; nothing partial was recorded). Free some space or pass --archive DIR on another disk, then retry.", inner);

    internal static ArchiveException ReadOnlyMedia(string root, string action, Exception? inner = null) => new(ArchiveProblem.ReadOnly,
        $"The archive at {root} is not writable ({action} refused: read-only media or missing permission). Remount it read-write, fix its owner, or pass --archive DIR / set BKTUI_ARCHIVE to a writable folder.", inner);
}
