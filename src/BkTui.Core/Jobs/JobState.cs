namespace BkTui.Core.Jobs;

/// <summary>Where a job is in its life. Terminal states: Done, Failed, Cancelled, Interrupted.</summary>
public enum JobState
{
    Queued,
    Running,
    /// <summary>Running, but waiting for the user (e.g. "reset the device now"); the TUI rings the bell.</summary>
    NeedsAttention,
    Done,
    Failed,
    Cancelled,
    /// <summary>Was running when the process died, or stopped at a safe point on SIGHUP; its log says how far it got.</summary>
    Interrupted,
}

public enum StepState { Pending, Running, Done, Skipped, Failed, Cancelled }

public static class JobStates
{
    public static bool IsFinished(this JobState s) => s is JobState.Done or JobState.Failed or JobState.Cancelled or JobState.Interrupted;
    public static bool IsActive(this JobState s) => s is JobState.Running or JobState.NeedsAttention;

    /// <summary>The lower-case word shown in JSON and the UI ("needs-attention").</summary>
    public static string Word(this JobState s) => s switch
    {
        JobState.NeedsAttention => "needs-attention",
        _ => s.ToString().ToLowerInvariant(),
    };
}
