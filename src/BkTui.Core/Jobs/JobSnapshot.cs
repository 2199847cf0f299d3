namespace BkTui.Core.Jobs;

/// <summary>One step of a recipe as the user sees it.</summary>
public sealed record StepReport(string Name, StepState State, string? Detail = null);

/// <summary>
/// Progress of the current phase: <see cref="BytesPerSecond"/> is what crossed the wire; <see cref="Eta"/>
/// and <see cref="Rate"/> come from how fast <see cref="Done"/> advances (skipped sectors count as done,
/// erases as time), so the speed a user reads agrees with the bar and the ETA.
/// </summary>
public sealed record JobProgress(string Phase, long Done, long Total, double BytesPerSecond, TimeSpan? Eta = null, double Rate = 0)
{
    /// <summary>The speed to show: how fast the phase advances, once it has run long enough to say; else the wire's.</summary>
    public double ShownSpeed => Rate > 0 ? Rate : BytesPerSecond;

    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}

/// <summary>
/// An immutable picture of a job, carried by every event. The UI keeps the latest per <see cref="Id"/>.
/// </summary>
public sealed record JobSnapshot
{
    public required long Id { get; init; }
    public required JobRequest Request { get; init; }
    public JobState State { get; init; } = JobState.Queued;
    public IReadOnlyList<StepReport> Steps { get; init; } = [];
    public JobProgress? Progress { get; init; }
    /// <summary>Link/step retries so far (bounded).</summary>
    public int Retries { get; init; }
    /// <summary>The MAC the chip reports now (after Restore RF: the one written).</summary>
    public string? Mac { get; init; }
    /// <summary>The MAC it reported when the job began, when a step changed it (Restore RF); else null.</summary>
    public string? MacBefore { get; init; }
    public string? Chip { get; init; }
    /// <summary>Dump archived (backup) or written back (restore-factory).</summary>
    public long? DumpId { get; init; }
    /// <summary>The firmware build written by a flash job (file name and hash).</summary>
    public string? Firmware { get; init; }
    /// <summary>What the chip said after the reboot step (flash, restore-factory, restore-rf).</summary>
    public Monitor.BootProof? Boot { get; init; }
    /// <summary>The pre-flight compatibility gate's verdict on the image to write (flash, restore-factory).</summary>
    public BkTui.Core.Compatibility.CompatibilityVerdict? Compatibility { get; init; }
    public string? Error { get; init; }
    /// <summary>Coarse failure class (see <see cref="JobErrorKind"/>), for exit codes and colours.</summary>
    public JobErrorKind? ErrorKind { get; init; }
    /// <summary>What the user must do now, while <see cref="State"/> is NeedsAttention.</summary>
    public string? Attention { get; init; }
    public string? LogPath { get; init; }
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset Updated { get; init; } = DateTimeOffset.UtcNow;

    public string Port => Request.Port;
    public Recipe Recipe => Request.Recipe;

    /// <summary>
    /// Done, but the reboot step did not hear the firmware start: the bytes are proven, the boot is
    /// not (docs/boot-proof.md). Shown apart from a plain done so nobody walks away from a silent device.
    /// </summary>
    public bool BootUnproven => State == JobState.Done && Boot is { Booted: false };

    /// <summary>
    /// Why the job failed, without the port the error starts with (a row or a line that already names
    /// the port reads the reason first): "PORT: reason" gives "reason", "PORT is busy: …" gives "busy: …".
    /// </summary>
    public string? Reason => Error is not { } e ? null
        : e.StartsWith(Port + ": ", StringComparison.Ordinal) ? e[(Port.Length + 2)..]
        : e.StartsWith(Port + " is ", StringComparison.Ordinal) ? e[(Port.Length + 4)..]
        : e;
    /// <summary>The step running now (or the last one reached).</summary>
    public string? Step => Steps.LastOrDefault(s => s.State != StepState.Pending)?.Name;
}

/// <summary>Why a job failed, coarsely; the CLI maps it to an exit code.</summary>
public enum JobErrorKind { Failed, Refused, NoLink, VerifyFailed, DeviceGone, PortUnavailable, BadInput, Archive }

public enum JobEventKind
{
    /// <summary>A job was queued (new, retried, or reloaded from the archive).</summary>
    Added,
    /// <summary>State changed (queued → running → done, …).</summary>
    State,
    /// <summary>A step started or finished.</summary>
    Step,
    /// <summary>Bytes moved (throttled to a few per second per job).</summary>
    Progress,
    /// <summary>The user must act ("reset the device now"): ring the bell.</summary>
    Attention,
    /// <summary>A log line (also in the job's log file and the archive).</summary>
    Log,
}

/// <summary>What <see cref="JobQueue.Changed"/> delivers; raised on the port's worker thread.</summary>
public sealed record JobEvent(JobEventKind Kind, JobSnapshot Job, string? Message = null);
