namespace BkTui.Core.Jobs;

public sealed record JobQueueOptions
{
    /// <summary>Relink-and-retry attempts per step after a transient link failure (bounded).</summary>
    public int MaxRetries { get; init; } = 2;
    /// <summary>After the adapter went away mid-job, how long a relink waits for its port to come back (a USB replug takes ~1 s).</summary>
    public TimeSpan ReplugWait { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>First backoff; doubles per attempt.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Minimum time between progress events of one job.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(200);
    /// <summary>Job log files go to <c>&lt;LogRoot&gt;/logs/</c> (RunLog); null: the archive root, else the per-user state dir.</summary>
    public string? LogRoot { get; init; }
    /// <summary>
    /// Start jobs found queued in the archive (the TUI: true). The CLI leaves other sessions' queued
    /// jobs alone (false): they stay queued.
    /// </summary>
    public bool ResumeQueued { get; init; }
    /// <summary>How many finished jobs from earlier sessions to load as history.</summary>
    public int HistoryLimit { get; init; } = 200;
}
