using System.Security.Cryptography;
using BkTui.Core.Jobs;

namespace BkTui.Tests.Jobs;

/// <summary>An in-memory IJobArchive for engine unit tests (the real SQLite archive is tested end to end).</summary>
internal sealed class MemoryJobArchive : IJobArchive
{
    private readonly object _gate = new();
    public readonly List<ArchivedDump> Dumps = [];
    public readonly Dictionary<long, JobRecord> JobRows = new();
    public readonly Dictionary<long, List<string>> Logs = new();
    public readonly Dictionary<string, int> Bauds = new();
    public readonly List<(string Mac, string Name)> Firmware = [];
    private long _next;

    public ArchivedDump? LatestFullDump(string mac) { lock (_gate) return Dumps.LastOrDefault(d => d.Mac == mac); }
    public ArchivedDump? GetDump(long id) { lock (_gate) return Dumps.FirstOrDefault(d => d.Id == id); }

    public long ImportDump(byte[] image, string? mac, string source)
    {
        lock (_gate)
        {
            if (Dumps.FirstOrDefault(d => d.Bytes.AsSpan().SequenceEqual(image)) is { } same) return same.Id;
            var id = Dumps.Count + 1L;
            Dumps.Add(new ArchivedDump(id, mac, image.ToArray()));
            return id;
        }
    }

    public void RecordDevice(string mac, BkTui.Core.Flashing.ChipInfo facts, string port) { }
    public void RecordFirmware(string mac, string name, string sha256) { lock (_gate) Firmware.Add((mac, name)); }
    public int? RememberedBaud(string adapter) { lock (_gate) return Bauds.TryGetValue(adapter, out var b) ? b : null; }
    public void RememberBaud(string adapter, int baud) { lock (_gate) Bauds[adapter] = baud; }

    public long CreateJob(JobRecord job) { lock (_gate) { var id = ++_next; JobRows[id] = job with { Id = id }; return id; } }
    public void UpdateJob(JobRecord job) { lock (_gate) JobRows[job.Id] = job; }
    public void AppendJobLog(long jobId, string line) { lock (_gate) { if (!Logs.TryGetValue(jobId, out var l)) Logs[jobId] = l = []; l.Add(line); } }
    public IReadOnlyList<JobRecord> ListJobs() { lock (_gate) return JobRows.Values.ToList(); }

    public int MarkRunningAsInterrupted()
    {
        lock (_gate)
        {
            var running = JobRows.Values.Where(r => r.State is "running" or "needs-attention").ToList();
            foreach (var r in running) JobRows[r.Id] = r with { State = "interrupted", Error = $"interrupted during '{r.Step}' at {r.Done}/{r.Total} bytes" };
            return running.Count;
        }
    }
}
