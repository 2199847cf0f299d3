using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;

namespace BkTui.Tui.Bench;

/// <summary>
/// The real bench: the archive, a JobQueue on real serial ports (or the demo's ptys), identify through
/// a ChipSession, and the boot-log monitor. Owns the queue (stopped at a safe point on dispose), not the archive.
/// </summary>
public sealed class EngineBench : IBench, IDisposable
{
    private readonly DumpArchive _archive;
    private readonly JobQueue _queue;
    private readonly Func<IReadOnlyList<PortInfo>> _ports;
    private readonly ConnectOptions _connect;

    public EngineBench(DumpArchive archive, Func<IReadOnlyList<PortInfo>> ports, ConnectOptions? connect = null, JobQueueOptions? queueOptions = null)
    {
        _archive = archive;
        _ports = ports;
        _connect = connect ?? new ConnectOptions();
        _queue = new JobQueue(new SerialJobConnector(_connect), archive, queueOptions ?? new JobQueueOptions { ResumeQueued = true });
        _queue.Changed += e => JobChanged?.Invoke(e);
    }

    public event Action<JobEvent>? JobChanged;

    public JobQueue Queue => _queue;

    public IReadOnlyList<PortInfo> Ports() => _ports();
    public IReadOnlyList<JobSnapshot> Jobs() => _queue.Jobs;
    public JobSnapshot Enqueue(JobRequest request) => _queue.Enqueue(request);
    public bool Cancel(long jobId) => _queue.Cancel(jobId);
    public JobSnapshot Retry(long jobId) => _queue.Retry(jobId);

    public IReadOnlyList<DeviceRecord> Devices() => _archive.ListDevices();
    public IReadOnlyList<DumpSummary> Dumps() => _archive.ListDumps(null, 500);
    public byte[] DumpBytes(long dumpId) => _archive.ReadDumpBytes(dumpId);
    public void LabelDump(long dumpId, string label) => _archive.LabelDump(dumpId, label);
    public void NameDevice(string device, string name) => _archive.NameDevice(device, name);

    public Core.Firmware.CachedFirmware? CachedBuild(Core.Chips.ChipFamily family, string version)
    {
        using var cache = Core.Firmware.FirmwareCache.Open(_archive);
        return cache.Find(family, version);
    }

    public ChipInfo Identify(string port, CancellationToken cancel)
    {
        using var link = SerialPort.Open(port);
        using var session = ChipSession.Connect(link, _connect, null, cancel);
        var info = session.Info;
        if (MacText.Normalize(info.Mac) is not null)
            _archive.RecordDevice(new DeviceObservation
            {
                Mac = info.Mac, Chip = info.Family.ToString(), ChipId = info.ChipId is { } id ? $"0x{id:X}" : null,
                FlashId = info.FlashId is { } f ? $"0x{f:X6}" : null, EfuseKey = info.EfuseKey?.Hex, KeyVerdict = info.KeyVerdict,
                Bootloader = info.Bootloader, Adapter = port, Baud = info.Baud,
            });
        return info;
    }

    public IDisposable Monitor(string port, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?> onStopped) =>
        SerialMonitor.Open(port, onLine, onStopped);

    /// <summary>Stops running jobs at their next safe point and waits (bounded) for the workers.</summary>
    public void Dispose()
    {
        _queue.StopAtSafePoint("the workstation was closed");
        _queue.WaitIdle(TimeSpan.FromSeconds(30));
        _queue.Dispose();
    }
}
