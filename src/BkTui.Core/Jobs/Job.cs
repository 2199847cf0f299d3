namespace BkTui.Core.Jobs;

/// <summary>The mutable holder of one job's snapshot; every change replaces the snapshot under a lock.</summary>
internal sealed class Job(JobSnapshot initial)
{
    private readonly object _gate = new();
    private JobSnapshot _snapshot = initial;
    private readonly long _id = initial.Id;
    private readonly JobRequest _request = initial.Request;
    private readonly TaskCompletionSource<JobSnapshot> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Id => _id;
    public JobRequest Request => _request;
    public JobRunner? Runner { get; set; }
    public Task<JobSnapshot> Finished => _finished.Task;

    public JobSnapshot Snapshot { get { lock (_gate) return _snapshot; } }

    /// <summary>Completes <see cref="Finished"/>; called after the final state was persisted and published.</summary>
    public void Complete(JobSnapshot final) => _finished.TrySetResult(final);

    public JobSnapshot Update(Func<JobSnapshot, JobSnapshot> change)
    {
        JobSnapshot now;
        lock (_gate)
        {
            _snapshot = change(_snapshot) with { Updated = DateTimeOffset.UtcNow };
            now = _snapshot;
        }
        return now;
    }

    /// <summary>Atomically moves Queued → Running; false when the job was cancelled meanwhile.</summary>
    public bool TryClaim()
    {
        lock (_gate)
        {
            if (_snapshot.State != JobState.Queued) return false;
            _snapshot = _snapshot with { State = JobState.Running, Updated = DateTimeOffset.UtcNow };
            return true;
        }
    }

    /// <summary>Atomically moves Queued → Cancelled; false when it already started or finished.</summary>
    public bool TryCancelQueued(string reason)
    {
        lock (_gate)
        {
            if (_snapshot.State != JobState.Queued) return false;
            _snapshot = _snapshot with { State = JobState.Cancelled, Error = reason, Updated = DateTimeOffset.UtcNow };
        }
        return true;
    }
}
