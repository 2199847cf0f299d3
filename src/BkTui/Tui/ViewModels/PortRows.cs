using BkTui.Core.Archive;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;

namespace BkTui.Tui.ViewModels;

/// <summary>A line of the Ports pane.</summary>
public sealed record PortRow(string Path, string Name, string Adapter, string Availability, string LastDevice, string Job, bool Busy, bool HasActiveJob);

/// <summary>
/// Adapters → rows: the stable by-id name when there is one, busy/free (with the holder), the device
/// the archive last saw on that adapter, and the job running or waiting there.
/// </summary>
public static class PortRows
{
    public static IReadOnlyList<PortRow> Build(IReadOnlyList<PortInfo> ports, IReadOnlyList<DeviceRecord> devices, IEnumerable<JobSnapshot> jobs)
    {
        var jobList = jobs.ToList();
        return ports.OrderBy(p => p.ById ?? p.Path, StringComparer.Ordinal).Select(p => Row(p, devices, jobList)).ToList();
    }

    public static PortRow Row(PortInfo p, IReadOnlyList<DeviceRecord> devices, IReadOnlyList<JobSnapshot> jobs)
    {
        var names = new[] { p.Path, p.ById }.Where(n => n is not null).ToHashSet(StringComparer.Ordinal);
        var job = jobs.Where(j => names.Contains(j.Port) && !j.State.IsFinished()).OrderBy(j => j.State == JobState.Queued).ThenBy(j => j.Id).FirstOrDefault();
        bool ours = job is not null && job.State.IsActive();
        var availability = p.Busy && !ours ? "busy" + (p.HolderPid is { } pid ? $" (pid {pid}{(p.HolderName is null ? "" : " " + p.HolderName)})" : "") : ours ? "in use" : "free";
        var seen = devices.Where(d => d.BaudByAdapter.Keys.Any(names.Contains)).OrderByDescending(d => d.LastSeen).FirstOrDefault();
        var last = seen is null ? "" : $"{seen.Mac ?? "?"} {seen.Chip}".Trim();
        var jobText = job is null ? "" : $"{QueueRows.StateWord(job.State)} {job.Recipe.Name()}" + (job.Step is { } s ? $": {s}" : "") +
                                         (job.Progress is { } pr && job.State.IsActive() ? $" {pr.Fraction * 100:0}%" : "");
        var adapter = p.Product ?? p.Driver ?? "";
        if (p.VidPid is { } vp) adapter = adapter.Length == 0 ? vp : $"{adapter} ({vp})";
        return new PortRow(p.Path, ShortName(p), adapter, availability, last, jobText, p.Busy && !ours, ours);
    }

    /// <summary>The by-id name without its directory (what users recognise), else the device path.</summary>
    public static string ShortName(PortInfo p) =>
        p.ById is { } id ? System.IO.Path.GetFileName(id)
        : p.Path.StartsWith("/dev/", StringComparison.Ordinal) ? p.Path[5..] : System.IO.Path.GetFileName(p.Path);
}
