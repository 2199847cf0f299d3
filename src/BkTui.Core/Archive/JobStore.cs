using Microsoft.Data.Sqlite;

namespace BkTui.Core.Archive;

public enum JobState { Queued, Running, NeedsAttention, Done, Failed, Cancelled, Interrupted }

public enum JobLogLevel { Debug, Info, Warning, Error }

public sealed record JobRecord(long Id, string Port, string Recipe, string OptionsJson, JobState State, string Step, double Progress,
    string? Error, string? Mac, long? DumpId, string? Firmware, string? LogPath, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled or JobState.Interrupted;
}

public sealed record JobLogLine(long JobId, DateTimeOffset At, JobLogLevel Level, string Line);

/// <summary>A partial change to a job; null fields are left as they are.</summary>
public sealed record JobUpdate
{
    public JobState? State { get; init; }
    public string? Step { get; init; }
    /// <summary>0..1.</summary>
    public double? Progress { get; init; }
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

    public JobRecord Create(string port, string recipe, string? optionsJson = null, JobState state = JobState.Queued) =>
        _archive.Run($"creating a {recipe} job on {port}", () =>
        {
            using var c = _archive.Connect();
            var id = (long)DumpArchive.Scalar(c, """
                INSERT INTO jobs (port, recipe, options, state, created_at, updated_at) VALUES ($p, $r, $o, $s, $t, $t) RETURNING id
                """, null, ("$p", port), ("$r", recipe), ("$o", optionsJson ?? "{}"), ("$s", StateText(state)), ("$t", DumpArchive.Now()))!;
            return Get(id)!;
        });

    public void Update(long id, JobUpdate change) => _archive.Run($"updating job {id}", () =>
    {
        using var c = _archive.Connect();
        int n = DumpArchive.Command(c, """
            UPDATE jobs SET state = COALESCE($state, state), step = COALESCE($step, step), progress = COALESCE($progress, progress),
                error = COALESCE($error, error), mac = COALESCE($mac, mac), dump_id = COALESCE($dump, dump_id),
                firmware = COALESCE($fw, firmware), log_path = COALESCE($log, log_path), updated_at = $t
            WHERE id = $id
            """, null, ("$state", change.State is { } s ? StateText(s) : null), ("$step", change.Step),
            ("$progress", change.Progress is { } p ? Math.Clamp(p, 0, 1) : null), ("$error", change.Error), ("$mac", MacText.Normalize(change.Mac) ?? change.Mac),
            ("$dump", change.DumpId), ("$fw", change.Firmware), ("$log", change.LogPath), ("$t", DumpArchive.Now()), ("$id", id)).ExecuteNonQuery();
        if (n == 0) throw new ArchiveException(ArchiveProblem.NotFound, $"No job {id} in the archive at {_archive.Root}.");
    });

    public void UpdateState(long id, JobState state, string? error = null) => Update(id, new JobUpdate { State = state, Error = error });

    public void UpdateStep(long id, string step, double? progress = null) => Update(id, new JobUpdate { Step = step, Progress = progress });

    public void UpdateProgress(long id, double progress) => Update(id, new JobUpdate { Progress = progress });

    public void AppendLog(long id, JobLogLevel level, string line) => _archive.Run($"logging for job {id}", () =>
    {
        using var c = _archive.Connect();
        DumpArchive.Exec(c, "INSERT INTO job_log (job_id, at, level, line) VALUES ($j, $t, $l, $line)", null,
            ("$j", id), ("$t", DumpArchive.Now()), ("$l", level.ToString().ToLowerInvariant()), ("$line", line));
    });

    public JobRecord? Get(long id) => Query("WHERE id = $a", ("$a", id)).FirstOrDefault();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<JobRecord> ListRecent(int limit = 50) => Query("ORDER BY created_at DESC, id DESC LIMIT $n", ("$n", limit));

    public IReadOnlyList<JobRecord> ListByPort(string port, int limit = 50) =>
        Query("WHERE port = $a ORDER BY created_at DESC, id DESC LIMIT $n", ("$a", port), ("$n", limit));

    /// <summary>Oldest first (the order a queue picks them up).</summary>
    public IReadOnlyList<JobRecord> ListByState(JobState state) => Query("WHERE state = $a ORDER BY created_at, id", ("$a", StateText(state)));

    /// <summary>The job's log, oldest first (the last <paramref name="limit"/> lines when given).</summary>
    public IReadOnlyList<JobLogLine> ReadLog(long id, int? limit = null) => _archive.Run($"reading the log of job {id}", () =>
    {
        using var c = _archive.Connect();
        using var cmd = DumpArchive.Command(c, """
            SELECT at, level, line FROM (SELECT id, at, level, line FROM job_log WHERE job_id = $j ORDER BY id DESC LIMIT $n) ORDER BY id
            """, null, ("$j", id), ("$n", limit ?? -1));
        using var r = cmd.ExecuteReader();
        var lines = new List<JobLogLine>();
        while (r.Read())
            lines.Add(new JobLogLine(id, DumpArchive.Time(r.GetInt64(0)), Enum.TryParse<JobLogLevel>(r.GetString(1), true, out var l) ? l : JobLogLevel.Info, r.GetString(2)));
        return lines;
    });

    /// <summary>
    /// At start-up: jobs left running (or waiting for the user) by a process that died become
    /// interrupted, keeping their step, progress, MAC and dump; a log line says so. Queued jobs stay queued.
    /// </summary>
    public IReadOnlyList<JobRecord> MarkRunningAsInterrupted() => _archive.Run("marking interrupted jobs", () =>
    {
        using var c = _archive.Connect();
        using var tx = c.BeginTransaction();
        long now = DumpArchive.Now();
        var ids = new List<long>();
        using (var r = DumpArchive.Command(c, "SELECT id, step, progress FROM jobs WHERE state IN ('running', 'needs-attention')", tx).ExecuteReader())
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
                DumpArchive.Exec(c, "INSERT INTO job_log (job_id, at, level, line) VALUES ($j, $t, 'warning', $line)", tx, ("$j", r.GetInt64(0)), ("$t", now),
                    ("$line", $"interrupted: bktui stopped while this job was at step '{r.GetString(1)}' ({r.GetDouble(2):P0}); re-run it to finish"));
            }
        DumpArchive.Exec(c, "UPDATE jobs SET state = 'interrupted', updated_at = $t WHERE state IN ('running', 'needs-attention')", tx, ("$t", now));
        tx.Commit();
        return ids.Select(id => Get(id)!).ToList();
    });

    private List<JobRecord> Query(string tail, params (string, object?)[] args) => _archive.Run("reading jobs", () =>
    {
        using var c = _archive.Connect();
        using var cmd = DumpArchive.Command(c, $"""
            SELECT id, port, recipe, options, state, step, progress, error, mac, dump_id, firmware, log_path, created_at, updated_at FROM jobs {tail}
            """, null, args);
        using var r = cmd.ExecuteReader();
        var list = new List<JobRecord>();
        while (r.Read())
            list.Add(new JobRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), ParseState(r.GetString(4)), r.GetString(5), r.GetDouble(6),
                N(r, 7), N(r, 8), r.IsDBNull(9) ? null : r.GetInt64(9), N(r, 10), N(r, 11), DumpArchive.Time(r.GetInt64(12)), DumpArchive.Time(r.GetInt64(13))));
        return list;
    });

    private static string? N(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static string StateText(JobState s) => s switch
    {
        JobState.NeedsAttention => "needs-attention",
        _ => s.ToString().ToLowerInvariant(),
    };

    internal static JobState ParseState(string s) => s == "needs-attention" ? JobState.NeedsAttention : Enum.Parse<JobState>(s, ignoreCase: true);
}
