using System.Collections.Concurrent;

namespace BkTui.Core.Archive;

/// <summary>
/// This process's turn to write one archive. SQLite allows one writer at a time and makes the others
/// wait in its busy handler, which in the bundled e_sqlite3 (built without usleep) sleeps whole
/// seconds: eight queue workers logging at once stalled each other by a second per collision.
/// Writers in one process therefore queue here (a reentrant monitor per database file) and reach
/// SQLite one after another; other processes still meet SQLite's own locking.
/// </summary>
internal sealed class WriterTurn : IDisposable
{
    private static readonly ConcurrentDictionary<string, object> Gates = new(StringComparer.Ordinal);
    private readonly object _gate;
    private bool _held;

    private WriterTurn(object gate) => _gate = gate;

    /// <summary>Waits (bounded) for the turn to write the database at <paramref name="databasePath"/>.</summary>
    public static WriterTurn Take(string databasePath, TimeSpan timeout, string root)
    {
        var turn = new WriterTurn(Gates.GetOrAdd(databasePath, _ => new object()));
        if (!System.Threading.Monitor.TryEnter(turn._gate, timeout))
            throw new ArchiveException(ArchiveProblem.Busy,
                $"The archive at {root} stayed busy for {timeout.TotalSeconds:0} s with other writes from this bktui. Nothing was written; retry in a moment.");
        turn._held = true;
        return turn;
    }

    public void Dispose()
    {
        if (!_held) return;
        _held = false;
        System.Threading.Monitor.Exit(_gate);
    }
}
