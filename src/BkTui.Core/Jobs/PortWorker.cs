namespace BkTui.Core.Jobs;

/// <summary>
/// The single thread that owns one port: runs that port's jobs one after another. Started when a
/// job arrives, ends when the port's queue is empty (so idle ports hold no thread).
/// </summary>
internal sealed class PortWorker(JobQueue queue, string port)
{
    private readonly object _gate = new();
    private readonly Queue<Job> _pending = new();
    private Thread? _thread;
    private bool _closing;
    private string _closeReason = "";

    public string Port { get; } = port;
    public Job? Current { get; private set; }

    public bool IsBusy { get { lock (_gate) return _thread is not null; } }

    public void Add(Job job)
    {
        lock (_gate)
        {
            _pending.Enqueue(job);
            if (_thread is not null || _closing) return;
            _thread = new Thread(Loop) { IsBackground = false, Name = $"bktui-job {Port}" };
            _thread.Start();
        }
    }

    /// <summary>Starts no further jobs (they stay queued, persisted) and asks the running one to stop at a safe point.</summary>
    public void Close(string reason, bool hangup)
    {
        lock (_gate)
        {
            _closing = true;
            _closeReason = reason;
        }
        Current?.Runner?.RequestStop(reason, hangup);
    }

    public void Join(TimeSpan timeout)
    {
        Thread? t;
        lock (_gate) t = _thread;
        t?.Join(timeout);
    }

    private void Loop()
    {
        while (true)
        {
            Job? job;
            lock (_gate)
            {
                if (_closing || !_pending.TryDequeue(out job)) { _thread = null; return; }
            }
            if (!job.TryClaim()) continue; // cancelled while queued
            var runner = new JobRunner(queue, job);
            job.Runner = runner;
            Current = job;
            // A close that raced the claim above still reaches this job before its first step.
            lock (_gate) if (_closing) runner.RequestStop(_closeReason, hangup: true);
            try { runner.Run(); }
            catch (Exception ex) { queue.Crashed(job, ex); }
            finally { Current = null; job.Runner = null; }
        }
    }
}
