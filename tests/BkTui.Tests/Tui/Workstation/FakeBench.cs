using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;
using BkTui.Tui.Bench;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>A bench in memory: records what the panes ask and answers from its lists.</summary>
public sealed class FakeBench : IBench
{
    public event Action<JobEvent>? JobChanged;

    public List<PortInfo> PortList { get; } = [];
    public List<DeviceRecord> DeviceList { get; } = [];
    public List<DumpSummary> DumpList { get; } = [];
    public Dictionary<long, byte[]> Bytes { get; } = [];
    public List<JobSnapshot> JobList { get; } = [];
    public List<JobRequest> Enqueued { get; } = [];
    public List<long> Cancelled { get; } = [];
    public Dictionary<long, string> Labels { get; } = [];
    public ChipInfo? Chip { get; set; }

    public IReadOnlyList<PortInfo> Ports() => PortList;
    public IReadOnlyList<JobSnapshot> Jobs() => JobList;

    public JobSnapshot Enqueue(JobRequest request)
    {
        Enqueued.Add(request);
        var job = new JobSnapshot { Id = 100 + Enqueued.Count, Request = request };
        JobList.Add(job);
        return job;
    }

    public bool Cancel(long jobId)
    {
        Cancelled.Add(jobId);
        return true;
    }

    public JobSnapshot Retry(long jobId) => Enqueue(JobList.First(j => j.Id == jobId).Request);

    public IReadOnlyList<DeviceRecord> Devices() => DeviceList;
    public IReadOnlyList<DumpSummary> Dumps() => DumpList;
    public byte[] DumpBytes(long dumpId) => Bytes[dumpId];
    public void LabelDump(long dumpId, string label) => Labels[dumpId] = label;
    public Dictionary<string, string> DeviceNames { get; } = [];
    public void NameDevice(string device, string name) => DeviceNames[device] = name;

    public List<Core.Firmware.CachedFirmware> Builds { get; } = [];
    public Core.Firmware.CachedFirmware? CachedBuild(ChipFamily family, string version) => Builds.FirstOrDefault(b => b.Family == family);

    public ChipInfo Identify(string port, CancellationToken cancel) =>
        Chip ?? throw new PortUnavailableException(port, "no chip answered");

    public List<string> MonitorLines { get; } = [];

    public IDisposable Monitor(string port, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?> onStopped)
    {
        foreach (var l in MonitorLines) onLine(l, BootLogRecognizer.Recognise(l));
        return new Handle();
    }

    public void Raise(JobEvent e) => JobChanged?.Invoke(e);

    private sealed class Handle : IDisposable
    {
        public void Dispose() { }
    }

    public static ChipInfo ZeroKeyChip => new()
    {
        Family = ChipFamily.BK7231M, ChipId = 0x7231c, Bootloader = "RT-Thread BK7231N 1.0.13", FlashId = 0xEB6015, FlashPart = "TH25Q16HB",
        FlashSize = 0x200000, EfuseKey = EfuseKey.Zero, Mac = "c8:47:8c:00:00:00", Baud = 921600,
    };
}
