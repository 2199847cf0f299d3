using BkTui.Core.Serial;
using BkTui.Core.Flashing;

namespace BkTui.Core.Jobs;

/// <summary>
/// Runs one job on its port's worker thread: links the chip, runs the recipe's steps in order with
/// bounded retries (reconnect + backoff) for transient link failures, honours stop requests at safe
/// points, and publishes every change through <see cref="JobQueue"/>.
/// </summary>
internal sealed class JobRunner : IFlashObserver
{
    private readonly JobQueue _queue;
    private readonly Job _job;
    private readonly IReadOnlyList<JobStep> _steps;
    private readonly CancellationTokenSource _stop = new();
    private DateTime _lastProgressEvent = DateTime.MinValue;
    /// <summary>Sector-level retries the current session reported so far (its counter restarts with each link).</summary>
    private int _sessionRetries;
    private string? _phase;
    private long _phaseLastDone;
    private readonly System.Diagnostics.Stopwatch _phaseClock = new();

    public JobRunner(JobQueue queue, Job job)
    {
        _queue = queue;
        _job = job;
        _steps = RecipeBook.Steps(job.Request);
    }

    public IJobDevice? Device { get; private set; }
    public CancellationToken StopToken => _stop.Token;
    public long? DumpId { get; set; }
    public string? Firmware { get; set; }
    public Monitor.BootProof? BootProof { get; set; }
    public BkTui.Core.Compatibility.CompatibilityVerdict? Compatibility { get; set; }
    public uint? LastGoodAddress { get; set; }
    private string? _stopReason;
    private bool _stopIsHangup;

    /// <summary>Asks the job to stop at its next safe point (any thread).</summary>
    public void RequestStop(string reason, bool hangup)
    {
        _stopReason ??= reason;
        _stopIsHangup |= hangup;
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void SafePoint()
    {
        if (_stop.IsCancellationRequested)
            throw new JobStoppedException(_stopReason ?? "stopped");
    }

    public void Run()
    {
        var ctx = new JobContext(this, _job.Id, _job.Request, _queue.Archive);
        _job.Update(s => s with
        {
            State = JobState.Running,
            Steps = _steps.Select(st => new StepReport(st.Name, StepState.Pending)).ToList(),
            Error = null, ErrorKind = null,
        });
        _queue.Publish(JobEventKind.State, _job);
        Log($"job {_job.Id}: {_job.Request.Recipe.Name()} on {_job.Request.Port} started");
        var index = 0;
        try
        {
            for (; index < _steps.Count; index++)
            {
                SafePoint();
                RunStep(ctx, index);
            }
            Finish(JobState.Done, null, null);
        }
        catch (Exception ex) when (ex is JobStoppedException || (ex is OperationCanceledException && _stop.IsCancellationRequested))
        {
            MarkStep(index, StepState.Cancelled, null);
            var where = LastGoodAddress is { } a ? $" (last good address 0x{a:X6})" : "";
            var state = _stopIsHangup ? JobState.Interrupted : JobState.Cancelled;
            var when = index == _startedStep ? "during" : "before";
            var message = $"stopped at a safe point {when} step '{StepName(index)}'{where}: {_stopReason}";
            Finish(state, message, null);
        }
        catch (Exception ex)
        {
            MarkStep(index, StepState.Failed, null);
            Finish(JobState.Failed, JobErrors.Message(_job.Request.Port, ex) + HalfWrittenNote(index), JobErrors.Kind(ex));
        }
        finally
        {
            Disconnect();
            _stop.Dispose();
        }
    }

    /// <summary>
    /// A failure inside the write step after bytes went out leaves the chip half-written: the message says
    /// where and what puts it right, also where no workstation view adds it (the CLI, the job log).
    /// </summary>
    private string HalfWrittenNote(int index)
    {
        if (StepName(index) != "write" || !Written.Any) return "";
        var where = LastGoodAddress is { } a ? $"last good address 0x{a:X6}" : "before the first chunk was written whole";
        // A restore's own dump is the way back; for the other recipes, the factory dump the job relied on.
        var way = _job.Request.Recipe == Recipe.RestoreFactory ? _job.Request.DumpId : DumpId;
        var restore = way is { } d ? $", or restore dump {d}" : "";
        return $" The write stopped part-way ({where}): the chip holds part of the new bytes and part of the old and may not boot; " +
               $"run the same job again once the port answers{restore}.";
    }

    /// <summary>The step whose work began last: a stop inside it is "during", not "before" it (Ctrl-C mid-write said "before step 'write'").</summary>
    private int _startedStep = -1;

    private string StepName(int index) => index < _steps.Count ? _steps[index].Name : "end";

    private void RunStep(JobContext ctx, int index)
    {
        var step = _steps[index];
        MarkStep(index, StepState.Running, null);
        var options = _queue.Options;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                SafePoint();
                if (step.NeedsChip) EnsureConnected();
                ctx.StepSkipped = false;
                _startedStep = index;
                var detail = step.Run(ctx);
                MarkStep(index, ctx.StepSkipped ? StepState.Skipped : StepState.Done, detail);
                return;
            }
            catch (Exception ex) when (step.Retryable && attempt < options.MaxRetries
                                        && JobErrors.IsTransient(ex) && !_stop.IsCancellationRequested)
            {
                var delay = TimeSpan.FromMilliseconds(options.RetryBackoff.TotalMilliseconds * (1 << attempt));
                _job.Update(s => s with { Retries = s.Retries + 1 });
                Log($"step '{step.Name}' failed ({ex.Message}); retry {attempt + 1}/{options.MaxRetries} in {delay.TotalSeconds:0.##} s after relinking");
                Disconnect();
                // A stop during the backoff ends the wait; the loop's SafePoint reports it.
                _stop.Token.WaitHandle.WaitOne(delay);
                SafePoint();
            }
        }
    }

    /// <summary>What the first link saw; every relink must find the same chip.</summary>
    private string? _identity;
    private ChipInfo? _firstLink;
    /// <summary>The MAC a step is giving the chip (Restore RF): a relink may find the chip with it.</summary>
    private string? _newMac;

    /// <summary>What this job wrote (or began to write): a relink may find those regions' content CRCs changed.</summary>
    internal WrittenRanges Written { get; } = new();

    /// <summary>
    /// Set while a write goes in 64 KiB chunks (<see cref="JobContext.WriteWithSafePoints"/>): where the
    /// chunk starts in the whole write, its length, and the whole length. The session reports each chunk
    /// as 0–100 %, which showed the bar full a second into a write with most of the app still to go.
    /// </summary>
    internal (long Base, long Length, long Whole)? WriteWindow
    {
        get => _writeWindow;
        set { _writeWindow = value; if (value is null) (_windowDone, _windowSpeed) = (0, 0); }
    }

    private (long Base, long Length, long Whole)? _writeWindow;
    private long _windowDone;
    private double _windowSpeed;

    /// <summary>Restore RF is about to give the chip <paramref name="mac"/>: a relink may then see either MAC.</summary>
    internal void ExpectMac(string mac) => _newMac = mac;

    /// <summary>A step proved the chip now holds <paramref name="after"/>: the job reports it, with the MAC from before.</summary>
    internal void MacChanged(string? before, string after) => _job.Update(s => s with { Mac = after, MacBefore = s.MacBefore ?? before });

    private static string Identity(ChipInfo f, string? mac) =>
        $"{f.Family}, MAC {mac ?? "unknown"}, flash id 0x{f.FlashId:x6}, key {f.EfuseKey?.Verdict ?? "unread"}";

    private void EnsureConnected()
    {
        if (Device is not null) return;
        var req = _job.Request;
        var baud = new BaudChoice(req.Baud, req.Baud is null ? _queue.Archive?.RememberedBaud(req.Port) : null);
        _sessionRetries = 0;
        Device = _identity is null ? _queue.Connector.Connect(req.Port, baud, this, _stop.Token) : Reconnect(req.Port, baud);
        var facts = Device.Info;
        // After an unplug or reset the same path may now lead to another device (a different adapter
        // enumerated as ttyUSBn, a swapped board): never carry a job over to a chip it did not start on.
        if (_firstLink?.Fingerprint is { } before && facts.Fingerprint is { } now && before.Differences(now, Written) is { Count: > 0 } diff)
        {
            Disconnect();
            throw new DeviceChangedException(req.Port, before, now, diff);
        }
        var identity = Identity(facts, facts.Mac);
        if (_identity is not null && identity != _identity && !(_newMac is not null && _firstLink is not null && identity == Identity(_firstLink, _newMac)))
        {
            Disconnect();
            throw new JobRefusedException($"{req.Port}: after relinking a different chip answered ({identity}; the job started on {_identity}). " +
                                          "Nothing more was written to it. Check which device is on this adapter, then rerun the job.");
        }
        if (_identity is null) (_identity, _firstLink) = (identity, facts);
        _job.Update(s => s with { Mac = facts.Mac, Chip = facts.Family.ToString() });
        Log($"linked {facts.Family} at {facts.Baud} baud, flash {facts.FlashSize / 1024} KiB, MAC {facts.Mac ?? "unknown"}, key {facts.EfuseKey?.Verdict ?? "unread"}");
        _queue.Archive?.RecordLink(facts, req.Port, req.Baud);
        _linkedBaud = facts.Baud;
    }

    /// <summary>
    /// A relink after the job had a chip: a port that vanished (unplugged adapter) gets
    /// <see cref="JobQueueOptions.ReplugWait"/> to come back; if it does not, the adapter went away
    /// (exit 8), not "no such port".
    /// </summary>
    private IJobDevice Reconnect(string port, BaudChoice baud)
    {
        var until = DateTime.UtcNow + _queue.Options.ReplugWait;
        while (true)
        {
            try { return _queue.Connector.Connect(port, baud, this, _stop.Token); }
            catch (PortUnavailableException) when (Native.ResolvePath(port) is null) // the path (or its link target) is gone
            {
                if (DateTime.UtcNow >= until)
                    throw new DeviceGoneException(port, $"the port did not come back within {_queue.Options.ReplugWait.TotalSeconds:0.#} s");
                _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
                SafePoint();
            }
        }
    }

    /// <summary>The rate recorded when the device linked (0: none yet).</summary>
    private int _linkedBaud;

    public void Disconnect()
    {
        // The rate may have stepped down during the job: what is remembered for the adapter follows
        // (not for a rate the user asked for: a job given --baud changes the memory only to raise it).
        if (Device?.Info is { } last && last.Baud != _linkedBaud && _job.Request.Baud is null)
            try { _queue.Archive?.RememberBaud(last, _job.Request.Port); }
            catch (Exception ex) when (ex is BkTui.Core.Archive.ArchiveException or IOException) { Log($"remembering the baud: {ex.Message}"); }
        try { Device?.Dispose(); } catch (Exception ex) { Log($"closing the port: {ex.Message}"); }
        Device = null;
    }

    private void MarkStep(int index, StepState state, string? detail)
    {
        if (index >= _steps.Count) return;
        _job.Update(s =>
        {
            var steps = s.Steps.ToList();
            steps[index] = steps[index] with { State = state, Detail = detail ?? steps[index].Detail };
            return s with { Steps = steps, Progress = state == StepState.Running ? null : s.Progress };
        });
        if (state != StepState.Running)
            Log($"step '{_steps[index].Name}': {state.ToString().ToLowerInvariant()}{(detail is null ? "" : $" — {detail}")}");
        _queue.Publish(JobEventKind.Step, _job);
    }

    private void Finish(JobState state, string? error, JobErrorKind? kind)
    {
        _job.Update(s => s with { State = state, Error = error, ErrorKind = kind, Attention = null, DumpId = DumpId ?? s.DumpId, Firmware = Firmware ?? s.Firmware, Boot = BootProof, Compatibility = Compatibility ?? s.Compatibility });
        Log($"job {_job.Id}: {state.Word()}{(error is null ? "" : $" — {error}")}");
        _queue.Publish(JobEventKind.State, _job);
    }

    public void Log(string line) => _queue.Log(_job, line);

    public void ReportProgress(string phase, long done, long total, double bytesPerSecond, int retries)
    {
        var wasAttention = _job.Snapshot.State == JobState.NeedsAttention;
        if (phase != _phase || done < _phaseLastDone) { _phase = phase; _phaseClock.Restart(); }
        _phaseLastDone = done;
        var secs = _phaseClock.Elapsed.TotalSeconds;
        TimeSpan? eta = done > 0 && total > done && secs > 0.2 ? TimeSpan.FromSeconds((total - done) * secs / done) : null;
        var rate = done > 0 && secs > 0.2 ? done / secs : 0;
        _job.Update(s => s with
        {
            Progress = new JobProgress(phase, done, total, bytesPerSecond, eta, rate),
            State = wasAttention ? JobState.Running : s.State,
            Attention = wasAttention ? null : s.Attention,
        });
        if (wasAttention) _queue.Publish(JobEventKind.State, _job);
        // Throttle: the UI redraws a few times per second; the last update of a phase always goes out.
        var now = DateTime.UtcNow;
        if (done >= total || now - _lastProgressEvent >= _queue.Options.ProgressInterval)
        {
            _lastProgressEvent = now;
            _queue.Publish(JobEventKind.Progress, _job);
        }
    }

    void IFlashObserver.Progress(FlashProgress p)
    {
        if (p.Retries > _sessionRetries)
        {
            var more = p.Retries - _sessionRetries;
            _sessionRetries = p.Retries;
            _job.Update(s => s with { Retries = s.Retries + more });
        }
        if (WriteWindow is var (at, length, whole))
        {
            // The chunk's own compare and erase passes count as its start; its programming moves the bar.
            long inChunk = p.Phase == FlashPhase.Write && p.Total > 0 ? Math.Min(length, p.Done * length / p.Total) : 0;
            if (p.Phase == FlashPhase.Write && p.BytesPerSecond > 0) _windowSpeed = p.BytesPerSecond;
            // Never backwards: a check after a chunk's programming reports from the chunk's start again.
            _windowDone = Math.Max(_windowDone, at + inChunk);
            ReportProgress("write", _windowDone, whole, _windowSpeed, p.Retries);
            return;
        }
        ReportProgress(p.Phase.ToString().ToLowerInvariant(), p.Done, p.Total, p.BytesPerSecond, p.Retries);
    }

    void IFlashObserver.NeedsAttention(string message)
    {
        _job.Update(s => s with { State = JobState.NeedsAttention, Attention = message });
        Log($"needs attention: {message}");
        _queue.Publish(JobEventKind.Attention, _job, message);
    }

    void IFlashObserver.Log(string line) => Log(line);
}
