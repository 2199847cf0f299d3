using BkTui.Core.Archive;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;

namespace BkTui.Tui.ViewModels;

/// <summary>
/// A line of the Ports pane. <see cref="State"/> is one short word (free, in use, busy) so it fits a
/// column; <see cref="Holder"/> names who else holds a busy port.
/// </summary>
public sealed record PortRow(string Path, string Name, string Driver, string Adapter, string State, string? Holder,
    string LastDevice, string Job, bool Busy, bool HasActiveJob);

/// <summary>
/// Adapters → rows: the stable by-id name when there is one, the kernel driver, free/in use/busy
/// (with the holder), the device the archive last saw on that adapter (its label first), and the job
/// running or waiting there.
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
        bool busy = p.Busy && !ours;
        var state = busy ? "busy" : ours ? "in use" : "free";
        var holder = busy ? p.HolderText : null;
        var seen = devices.Where(d => d.BaudByAdapter.Keys.Any(names.Contains)).OrderByDescending(d => d.LastSeen).FirstOrDefault();
        // Short, and the percentage before the step: the column is cut at the pane's edge, never widened.
        var jobText = job is null ? "" : $"{QueueRows.StateWord(job.State)} {job.Recipe.Name()}" +
                                         (job.Progress is { } pr && job.State.IsActive() ? $" {pr.Fraction * 100:0}%" : "") + (job.Step is { } s ? $" {s}" : "");
        var adapter = p.Product ?? "";
        if (p.VidPid is { } vp) adapter = adapter.Length == 0 ? vp : $"{adapter} ({vp})";
        return new PortRow(p.Path, ShortName(p), p.Driver ?? "", adapter, state, holder, seen is null ? "" : DeviceName(seen), jobText, busy, ours);
    }

    /// <summary>
    /// "plug 38:1F:8D:5A:10:02 BK7231N": the label people gave it first, then the archive's name for it
    /// ("unidentified" for a board without a true identity, whose bucket's label is no name), then its chip.
    /// </summary>
    public static string DeviceName(DeviceRecord d) =>
        string.Join(' ', new[] { d.IsUnidentified ? null : d.Labels.FirstOrDefault(l => l.Length > 0), d.Name, d.Chip }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>The by-id name without its directory (what users recognise), else the device path.</summary>
    public static string ShortName(PortInfo p) =>
        p.ById is { } id ? System.IO.Path.GetFileName(id)
        : p.Path.StartsWith("/dev/", StringComparison.Ordinal) ? p.Path[5..] : System.IO.Path.GetFileName(p.Path);
}
