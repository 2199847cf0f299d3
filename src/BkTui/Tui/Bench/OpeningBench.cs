using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;

namespace BkTui.Tui.Bench;

/// <summary>
/// The bench while its engine opens on another thread (the archive's SQLite file, the job queue
/// resuming queued jobs): `bktui tui` draws its first frame without waiting for that (docs/performance.md,
/// "First frame"). Ports are listed at once (they need no archive); every other call waits for the
/// opening — bench calls block anyway, and effects make them off the UI thread — and rethrows its
/// error when it failed, which the effect shows. Job events are forwarded once the engine is open.
/// </summary>
public sealed class OpeningBench : IBench, IDisposable
{
    private readonly Task<IBench> _opening;
    private readonly Func<IReadOnlyList<PortInfo>> _ports;

    /// <param name="open">Opens the engine (run on the thread pool).</param>
    /// <param name="ports">Lists the adapters; called directly, as it needs nothing opened.</param>
    public OpeningBench(Func<IBench> open, Func<IReadOnlyList<PortInfo>> ports)
    {
        _ports = ports;
        _opening = Task.Run(() =>
        {
            var bench = open();
            bench.JobChanged += e => JobChanged?.Invoke(e);
            return bench;
        });
    }

    /// <summary>Completes when the engine is open (faulted with the opening's error when it failed).</summary>
    public Task Opened => _opening;

    public event Action<JobEvent>? JobChanged;

    private IBench Engine => _opening.GetAwaiter().GetResult();

    public IReadOnlyList<PortInfo> Ports() => _ports();
    public IReadOnlyList<JobSnapshot> Jobs() => Engine.Jobs();
    public JobSnapshot Enqueue(JobRequest request) => Engine.Enqueue(request);
    public bool Cancel(long jobId) => Engine.Cancel(jobId);
    public JobSnapshot Retry(long jobId) => Engine.Retry(jobId);
    public IReadOnlyList<DeviceRecord> Devices() => Engine.Devices();
    public IReadOnlyList<DumpSummary> Dumps() => Engine.Dumps();
    public byte[] DumpBytes(long dumpId) => Engine.DumpBytes(dumpId);
    public void LabelDump(long dumpId, string label) => Engine.LabelDump(dumpId, label);
    public void NameDevice(string device, string name) => Engine.NameDevice(device, name);
    public ChipInfo Identify(string port, CancellationToken cancel) => Engine.Identify(port, cancel);

    public IDisposable Monitor(string port, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?> onStopped) =>
        Engine.Monitor(port, onLine, onStopped);

    /// <summary>Waits for the opening to end, then disposes the engine it opened (if any).</summary>
    public void Dispose()
    {
        try { _opening.Wait(); }
        catch (AggregateException) { return; } // nothing was opened
        if (_opening.Result is IDisposable engine) engine.Dispose();
    }
}
