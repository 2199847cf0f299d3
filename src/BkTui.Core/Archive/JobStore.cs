using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

/// <summary>Stored as text (queued, running, needs-attention, …); same order as BkTui.Core.Jobs.JobState, which the queue casts to.</summary>
public enum ArchivedJobState { Queued, Running, NeedsAttention, Done, Failed, Cancelled, Interrupted }

public enum ArchivedJobLogLevel { Debug, Info, Warning, Error }

public sealed record ArchivedJob(long Id, string Port, string Recipe, string OptionsJson, ArchivedJobState State, string Step, double Progress,
    long Done, long Total, string? Error, string? Mac, long? DumpId, string? Firmware, string? LogPath, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public bool IsFinished => State is ArchivedJobState.Done or ArchivedJobState.Failed or ArchivedJobState.Cancelled or ArchivedJobState.Interrupted;
}

public sealed record ArchivedJobLogLine(long JobId, DateTimeOffset At, ArchivedJobLogLevel Level, string Line);

/// <summary>A partial change to a job; null fields are left as they are.</summary>
public sealed record ArchivedJobUpdate
{
    public ArchivedJobState? State { get; init; }
    public string? Step { get; init; }
    /// <summary>0..1.</summary>
    public double? Progress { get; init; }
    /// <summary>Units (bytes) done of <see cref="Total"/>; when both are set, Progress follows unless given.</summary>
    public long? Done { get; init; }
    public long? Total { get; init; }
    public string? Error { get; init; }
    public string? Mac { get; init; }
    public long? DumpId { get; init; }
    public string? Firmware { get; init; }
    public string? LogPath { get; init; }
}

/// <summary>
/// The queue's persistence (<see cref="DumpArchive.Jobs"/>): jobs survive restarts, and every log
/// line is kept. Callers mask secrets before logging.
/// </summary>
public sealed class JobStore
{
    private readonly DumpArchive _archive;

    internal JobStore(DumpArchive archive) => _archive = archive;

    public ArchivedJob Create(string port, string recipe, string? optionsJson = null, ArchivedJobState state = ArchivedJobState.Queued) =>
        _archive.Run($"creating a {recipe} job on {port}", () =>
        {
            using var c = _archive.Connect();
            var id = (long)DumpArchive.Scalar(c, """
                INSERT INTO jobs (port, recipe, options, state, created_at, updated_at) VALUES ($p, $r, $o, $s, $t, $t) RETURNING id
                """, null, ("$p", port), ("$r", recipe), ("$o", optionsJson ?? "{}"), ("$s", StateText(state)), ("$t", DumpArchive.Now()))!;
            return Get(id)!;
        });

    public void Update(long id, ArchivedJobUpdate change) => _archive.Run($"updating job {id}", () =>
    {
        using var c = _archive.Connect();
        int n = DumpArchive.Command(c, """
            UPDATE jobs SET state = COALESCE($state, state), step = COALESCE($step, step), progress = COALESCE($progress, progress),
                done = COALESCE($done, done), total = COALESCE($total, total),
                error = COALESCE($error, error), mac = COALESCE($mac, mac), dump_id = COALESCE($dump, dump_id),
                firmware = COALESCE($fw, firmware), log_path = COALESCE($log, log_path), updated_at = $t
            WHERE id = $id
            """, null, ("$state", change.State is { } s ? StateText(s) : null), ("$step", change.Step),
            ("$progress", Fraction(change)), ("$done", change.Done), ("$total", change.Total), ("$error", change.Error), ("$mac", MacText.Normalize(change.Mac) ?? change.Mac),
            ("$dump", change.DumpId), ("$fw", change.Firmware), ("$log", change.LogPath), ("$t", DumpArchive.Now()), ("$id", id)).ExecuteNonQuery();
        if (n == 0) throw new ArchiveException(ArchiveProblem.NotFound, $"No job {id} in the archive at {_archive.Root}.");
    });

    public void UpdateState(long id, ArchivedJobState state, string? error = null) => Update(id, new ArchivedJobUpdate { State = state, Error = error });

    public void UpdateStep(long id, string step, double? progress = null) => Update(id, new ArchivedJobUpdate { Step = step, Progress = progress });

    public void UpdateProgress(long id, double progress) => Update(id, new ArchivedJobUpdate { Progress = progress });

    public void AppendLog(long id, ArchivedJobLogLevel level, string line) => _archive.Run($"logging for job {id}", () =>
    {
        using var c = _archive.Connect();
        DumpArchive.Exec(c, "INSERT INTO job_log (job_id, at, level, line) VALUES ($j, $t, $l, $line)", null,
            ("$j", id), ("$t", DumpArchive.Now()), ("$l", level.ToString().ToLowerInvariant()), ("$line", line));
    });

    public ArchivedJob? Get(long id) => Query("WHERE id = $a", ("$a", id)).FirstOrDefault();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ArchivedJob> ListRecent(int limit = 50) => Query("ORDER BY created_at DESC, id DESC LIMIT $n", ("$n", limit));

    public IReadOnlyList<ArchivedJob> ListByPort(string port, int limit = 50) =>
        Query("WHERE port = $a ORDER BY created_at DESC, id DESC LIMIT $n", ("$a", port), ("$n", limit));

    /// <summary>Oldest first (the order a queue picks them up).</summary>
    public IReadOnlyList<ArchivedJob> ListByState(ArchivedJobState state) => Query("WHERE state = $a ORDER BY created_at, id", ("$a", StateText(state)));

    /// <summary>The job's log, oldest first (the last <paramref name="limit"/> lines when given).</summary>
    public IReadOnlyList<ArchivedJobLogLine> ReadLog(long id, int? limit = null) => _archive.Run($"reading the log of job {id}", () =>
    {
        using var c = _archive.Connect();
        using var cmd = DumpArchive.Command(c, """
            SELECT at, level, line FROM (SELECT id, at, level, line FROM job_log WHERE job_id = $j ORDER BY id DESC LIMIT $n) ORDER BY id
            """, null, ("$j", id), ("$n", limit ?? -1));
        using var r = cmd.ExecuteReader();
        var lines = new List<ArchivedJobLogLine>();
        while (r.Read())
            lines.Add(new ArchivedJobLogLine(id, DumpArchive.Time(r.GetInt64(0)), Enum.TryParse<ArchivedJobLogLevel>(r.GetString(1), true, out var l) ? l : ArchivedJobLogLevel.Info, r.GetString(2)));
        return lines;
    });

    /// <summary>
    /// At start-up: jobs left running (or waiting for the user) by a process that died become
    /// interrupted, keeping their step, progress, MAC and dump; a log line says so. Queued jobs stay queued.
    /// </summary>
    public IReadOnlyList<ArchivedJob> MarkRunningAsInterrupted() => _archive.Run("marking interrupted jobs", () =>
    {
        using var c = _archive.Connect();
        using var tx = c.BeginTransaction();
        long now = DumpArchive.Now();
        var ids = new List<long>();
        var stopped = new List<(long Id, string Why)>();
        using (var r = DumpArchive.Command(c, "SELECT id, step, progress, done, total FROM jobs WHERE state IN ('running', 'needs-attention')", tx).ExecuteReader())
            while (r.Read())
            {
                var at = r.GetInt64(4) > 0 ? $"{r.GetInt64(3)}/{r.GetInt64(4)} bytes" : $"{r.GetDouble(2):P0}";
                stopped.Add((r.GetInt64(0), $"interrupted: bktui stopped while this job was at step '{r.GetString(1)}' ({at}); re-run it to finish"));
            }
        foreach (var (id, why) in stopped)
        {
            ids.Add(id);
            DumpArchive.Exec(c, "INSERT INTO job_log (job_id, at, level, line) VALUES ($j, $t, 'warning', $line)", tx, ("$j", id), ("$t", now), ("$line", why));
            DumpArchive.Exec(c, "UPDATE jobs SET state = 'interrupted', error = COALESCE(error, $why), updated_at = $t WHERE id = $j", tx,
                ("$j", id), ("$t", now), ("$why", why));
        }
        tx.Commit();
        return ids.Select(id => Get(id)!).ToList();
    });

    private List<ArchivedJob> Query(string tail, params (string, object?)[] args) => _archive.Run("reading jobs", () =>
    {
        using var c = _archive.Connect();
        using var cmd = DumpArchive.Command(c, $"""
            SELECT id, port, recipe, options, state, step, progress, done, total, error, mac, dump_id, firmware, log_path, created_at, updated_at FROM jobs {tail}
            """, null, args);
        using var r = cmd.ExecuteReader();
        var list = new List<ArchivedJob>();
        while (r.Read())
            list.Add(new ArchivedJob(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), ParseState(r.GetString(4)), r.GetString(5), r.GetDouble(6),
                r.GetInt64(7), r.GetInt64(8), N(r, 9), N(r, 10), r.IsDBNull(11) ? null : r.GetInt64(11), N(r, 12), N(r, 13),
                DumpArchive.Time(r.GetInt64(14)), DumpArchive.Time(r.GetInt64(15))));
        return list;
    });

    private static double? Fraction(ArchivedJobUpdate u) =>
        u.Progress is { } p ? Math.Clamp(p, 0, 1) : u is { Done: { } d, Total: > 0 } ? Math.Clamp((double)d / u.Total!.Value, 0, 1) : null;

    private static string? N(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static string StateText(ArchivedJobState s) => s switch
    {
        ArchivedJobState.NeedsAttention => "needs-attention",
        _ => s.ToString().ToLowerInvariant(),
    };

    internal static ArchivedJobState ParseState(string s) => s == "needs-attention" ? ArchivedJobState.NeedsAttention : Enum.Parse<ArchivedJobState>(s, ignoreCase: true);
}
