using System.Collections.Concurrent;
using BkTui.Core.Archive;

namespace BkTui.Core.Jobs;

/// <summary>
/// The flash queue: one worker thread per port, any number of ports in parallel, one job per
/// device at a time. Jobs and their logs persist in the archive; events tell the UI everything.
/// </summary>
public sealed class JobQueue : IDisposable
{
    private readonly ConcurrentDictionary<long, Job> _jobs = new();
    private readonly ConcurrentDictionary<string, PortWorker> _workers = new(StringComparer.Ordinal);
    private readonly JobLogFiles _logFiles;
    private long _nextLocalId;
    private bool _closed;

    /// <param name="connector">Links a chip on a port (the flashing layer, or a fake in unit tests).</param>
    /// <param name="archive">Dumps, device facts and the persistent job list; null runs without persistence (recipes that need it fail clearly).</param>
    public JobQueue(IJobDeviceConnector connector, DumpArchive? archive, JobQueueOptions? options = null)
    {
        Connector = connector;
        Archive = archive is null ? null : new JobArchive(archive);
        Options = options ?? new JobQueueOptions();
        _logFiles = new JobLogFiles(Options.LogRoot ?? archive?.Root);
        if (Archive is not null) Reload(Archive);
    }

    /// <summary>Every change of every job, raised on the port's worker thread: keep handlers quick (post to your loop).</summary>
    public event Action<JobEvent>? Changed;

    internal IJobDeviceConnector Connector { get; }
    internal JobArchive? Archive { get; }
    internal JobQueueOptions Options { get; }

    /// <summary>All known jobs (this session's and the archive's history), oldest first.</summary>
    public IReadOnlyList<JobSnapshot> Jobs => _jobs.Values.Select(j => j.Snapshot).OrderBy(s => s.Id).ToList();

    public JobSnapshot? Get(long id) => _jobs.TryGetValue(id, out var j) ? j.Snapshot : null;

    /// <summary>True while any port has a job running or waiting.</summary>
    public bool IsBusy => _workers.Values.Any(w => w.IsBusy);

    /// <summary>Queues a job on its port; it starts as soon as the port's worker is free.</summary>
    public JobSnapshot Enqueue(JobRequest request)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (request.Problem() is { } problem) throw new ArgumentException(problem, nameof(request));
        var id = Archive is null ? Interlocked.Increment(ref _nextLocalId) : Archive.Create(request);
        var job = new Job(new JobSnapshot { Id = id, Request = request });
        _jobs[id] = job;
        Publish(JobEventKind.Added, job);
        Dispatch(job);
        return job.Snapshot;
    }

    /// <summary>Cancels a queued job at once, or asks a running one to stop at its next safe point. False when already finished.</summary>
    public bool Cancel(long id)
    {
        if (!_jobs.TryGetValue(id, out var job)) return false;
        if (job.TryCancelQueued("cancelled before it started"))
        {
            Log(job, "cancelled before it started");
            Publish(JobEventKind.State, job);
            return true;
        }
        if (job.Snapshot.State.IsFinished()) return false;
        job.Runner?.RequestStop("cancelled by the user", hangup: false);
        return true;
    }

    /// <summary>Queues a new job with the same request as a finished one (failed, cancelled, interrupted).</summary>
    public JobSnapshot Retry(long id)
    {
        if (!_jobs.TryGetValue(id, out var job)) throw new ArgumentException($"No job {id}.", nameof(id));
        if (!job.Snapshot.State.IsFinished()) throw new InvalidOperationException($"Job {id} is {job.Snapshot.State.Word()}; only a finished job can be retried.");
        return Enqueue(job.Request);
    }

    /// <summary>Starts a job left queued by an earlier session (when <see cref="JobQueueOptions.ResumeQueued"/> was off).</summary>
    public bool Resume(long id)
    {
        if (!_jobs.TryGetValue(id, out var job) || job.Snapshot.State != JobState.Queued) return false;
        Dispatch(job);
        return true;
    }

    /// <summary>Completes when the job reaches done, failed, cancelled or interrupted.</summary>
    public Task<JobSnapshot> WhenFinished(long id) =>
        _jobs.TryGetValue(id, out var job) ? job.Finished : Task.FromException<JobSnapshot>(new ArgumentException($"No job {id}."));

    /// <summary>
    /// The session is going away (SIGHUP, shutdown): start nothing new (queued jobs stay queued in
    /// the archive) and ask running jobs to stop at their next safe point, marked interrupted with
    /// how far they got. Returns at once; <see cref="WaitIdle"/> waits for the workers.
    /// </summary>
    public void StopAtSafePoint(string reason)
    {
        _closed = true;
        foreach (var w in _workers.Values) w.Close(reason, hangup: true);
    }

    /// <summary>Waits until no worker runs; false when <paramref name="timeout"/> passed first.</summary>
    public bool WaitIdle(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var w in _workers.Values) w.Join(Max(deadline - DateTime.UtcNow, TimeSpan.Zero));
        return !IsBusy;
    }

    /// <summary>Stops running jobs at a safe point (as on SIGHUP) and waits for them, bounded.</summary>
    public void Dispose()
    {
        StopAtSafePoint("bktui is closing the queue");
        WaitIdle(TimeSpan.FromMinutes(2));
        _logFiles.Dispose();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Dispatch(Job job) =>
        _workers.GetOrAdd(job.Request.Port, p => new PortWorker(this, p)).Add(job);

    private void Reload(JobArchive archive)
    {
        foreach (var snapshot in archive.Reload(Options.HistoryLimit))
        {
            var job = new Job(snapshot);
            _jobs[snapshot.Id] = job;
            if (snapshot.State.IsFinished()) job.Complete(snapshot);
            else if (Options.ResumeQueued) Dispatch(job);
        }
    }

    internal void Publish(JobEventKind kind, Job job, string? message = null)
    {
        var snapshot = job.Snapshot;
        if (Archive is not null && kind != JobEventKind.Log && (kind != JobEventKind.Progress || ShouldPersistProgress(job)))
        {
            try { Archive.Save(snapshot); }
            catch (Exception ex) { _logFiles.Write(snapshot, $"archive: could not record the job state ({ex.Message})"); }
        }
        try { Changed?.Invoke(new JobEvent(kind, snapshot, message)); }
        catch (Exception ex) { _logFiles.Write(snapshot, $"an event handler failed: {ex.Message}"); }
        if (kind == JobEventKind.State && snapshot.State.IsFinished())
        {
            _logFiles.Close(job.Id);
            job.Complete(snapshot);
        }
    }

    private readonly ConcurrentDictionary<long, DateTime> _progressPersisted = new();

    private bool ShouldPersistProgress(Job job)
    {
        var now = DateTime.UtcNow;
        var last = _progressPersisted.GetValueOrDefault(job.Id);
        if (now - last < TimeSpan.FromSeconds(2)) return false;
        _progressPersisted[job.Id] = now;
        return true;
    }

    internal void Log(Job job, string line)
    {
        var snapshot = job.Snapshot;
        var path = _logFiles.Write(snapshot, line);
        if (path != snapshot.LogPath) snapshot = job.Update(s => s with { LogPath = path });
        try { Archive?.AppendLog(job.Id, line, warning: false); }
        catch (Exception ex) { _logFiles.Write(snapshot, $"archive: could not append the log line ({ex.Message})"); }
        try { Changed?.Invoke(new JobEvent(JobEventKind.Log, snapshot, line)); } catch (Exception) { }
    }

    /// <summary>A bug escaped the runner: the job fails loudly rather than hanging the port.</summary>
    internal void Crashed(Job job, Exception ex)
    {
        job.Update(s => s with { State = JobState.Failed, Error = $"{job.Request.Port}: internal error: {ex}", ErrorKind = JobErrorKind.Failed });
        Log(job, $"internal error: {ex}");
        Publish(JobEventKind.State, job);
    }
}
