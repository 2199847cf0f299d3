using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;

namespace BkTui.Tui.Bench;

/// <summary>
/// The bench while its engine opens on another thread (the archive's SQLite file, the job queue
/// resuming queued jobs): `bktui tui` draws its first frame without waiting for that (docs/performance.md,
/// "First frame"). Every call but the port scan waits for the opening — bench calls block anyway,
/// and effects make them off the UI thread. When the opening failed, the lists are empty (nothing
/// is known without an archive) and every action rethrows its error, which the effect shows: no
/// job can start. Job events are forwarded once the engine is open.
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

    /// <summary>The engine once open; the opening's error when it failed.</summary>
    private IBench Engine => _opening.GetAwaiter().GetResult();

    /// <summary>The engine once open, or null when the opening failed.</summary>
    private IBench? OpenEngine
    {
        get
        {
            try { _opening.Wait(); }
            catch (AggregateException) { return null; }
            return _opening.Result;
        }
    }

    public IReadOnlyList<PortInfo> Ports() => _ports();
    public IReadOnlyList<JobSnapshot> Jobs() => OpenEngine?.Jobs() ?? [];
    public JobSnapshot Enqueue(JobRequest request) => Engine.Enqueue(request);
    public bool Cancel(long jobId) => Engine.Cancel(jobId);
    public JobSnapshot Retry(long jobId) => Engine.Retry(jobId);
    public IReadOnlyList<DeviceRecord> Devices() => OpenEngine?.Devices() ?? [];
    public IReadOnlyList<DumpSummary> Dumps() => OpenEngine?.Dumps() ?? [];
    public byte[] DumpBytes(long dumpId) => Engine.DumpBytes(dumpId);
    public void LabelDump(long dumpId, string label) => Engine.LabelDump(dumpId, label);
    public void NameDevice(string device, string name) => Engine.NameDevice(device, name);
    public ChipInfo Identify(string port, CancellationToken cancel) => Engine.Identify(port, cancel);
    public Core.Firmware.CachedFirmware? CachedBuild(Core.Chips.ChipFamily family, string version) => OpenEngine?.CachedBuild(family, version);

    public IDisposable Monitor(string port, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?> onStopped) =>
        Engine.Monitor(port, onLine, onStopped);

    /// <summary>Waits for the opening to end, then disposes the engine it opened (if any).</summary>
    public void Dispose()
    {
        if (OpenEngine is IDisposable engine) engine.Dispose();
    }
}
