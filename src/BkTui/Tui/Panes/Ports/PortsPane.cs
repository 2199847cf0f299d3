using System.Collections.Immutable;
using BkTui.Core.Serial;
using BkTui.Tui.Canvas;
using BkTui.Tui.Bench;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Ports;

/// <summary>
/// The adapters on the bench: by-id name, driver, free/in use/busy, the device last seen there, the
/// current job. Space marks ports (a job then goes to every marked port, named before it starts, and
/// the marks are cleared once it is queued); u clears the marks.
/// </summary>
public sealed partial class PortsPane : Pane<PortsState>
{
    public const string PaneIdValue = "ports";

    public override string Id => PaneIdValue;
    public override string Title => "Ports";

    public override IEnumerable<Binding> Keys =>
    [
        .. ListKeys.Rows(Id, d => new PortsMove(d), "port"),
        .. JobKeys.For(Id),
        new(Id, [C(' ')], new PortsToggleMark(), "Mark or unmark the port (jobs go to every marked port)") { ShowInBar = true, Order = 2, Hint = "Mark" },
        new(Id, [C('u')], new PortsClearMarks(), "Clear all marks") { ShowInBar = true, Order = 3, DisabledReason = NoMarks, Hint = "Unmark all" },
        new(Id, [C('i')], new DeviceIdentifySelected(), "Identify the chip on the selected port") { ShowInBar = true, Order = 4, Hint = "Identify" },
        new(Id, [C('R')], new PortsRefresh(), "Rescan ports"),
    ];

    private static string? NoMarks(AppState app) => app.Panes.TryGetValue(PaneIdValue, out var o) && o is PortsState { Marked.Count: > 0 } ? null : "no port is marked";

    protected override PortsState Initial(TuiOptions options) => new();

    /// <summary>Where a job goes: the marked ports, else the selected one.</summary>
    public static IReadOnlyList<string> TargetPorts(AppState app)
    {
        if (!app.Panes.TryGetValue(PaneIdValue, out var o) || o is not PortsState s) return [];
        if (s.Marked.Count > 0) return s.Marked.ToList();
        return SelectedPort(app) is { } p ? [p] : [];
    }

    /// <summary>The port under the cursor (identify and the boot log look at this one, marks or not).</summary>
    public static string? SelectedPort(AppState app) =>
        app.Panes.TryGetValue(PaneIdValue, out var o) && o is PortsState s ? s.Selected ?? (s.Ports.Length > 0 ? s.Ports[0].Path : null) : null;

    /// <summary>The device the archive last saw on a port (by path or by-id name), if any.</summary>
    public static Core.Archive.DeviceRecord? LastDevice(AppState app, string port) =>
        app.Panes.TryGetValue(PaneIdValue, out var o) && o is PortsState s
            ? s.Devices.Where(d => d.BaudByAdapter.ContainsKey(port) || s.Ports.Any(p => p.Path == port && p.ById is { } id && d.BaudByAdapter.ContainsKey(id)))
                .OrderByDescending(d => d.LastSeen).FirstOrDefault()
            : null;

    /// <summary>"pid 29370 flock" when another program holds the port (as last looked at), else null.</summary>
    public static string? HeldBy(AppState app, string port) =>
        app.Panes.TryGetValue(PaneIdValue, out var o) && o is PortsState s && s.Ports.FirstOrDefault(p => p.Path == port) is { Busy: true } info
            ? info.HolderText ?? "another program"
            : null;

    /// <summary>True when a job would go to marked ports that are not just the port under the cursor (the user is told which).</summary>
    public static bool TargetsMarks(AppState app) =>
        app.Panes.TryGetValue(PaneIdValue, out var o) && o is PortsState s && s.Marked.Count > 0 && !(s.Marked.Count == 1 && s.Marked.Contains(s.Selected ?? ""));

    /// <summary>Forgets the marks once a job has been queued on them, so they never carry over to the next job unseen.</summary>
    public static AppState ClearMarks(AppState app) => app.Panes.TryGetValue(PaneIdValue, out var o) && o is PortsState { Marked.Count: > 0 } s
        ? app with { Panes = app.Panes.SetItem(PaneIdValue, s with { Marked = ImmutableSortedSet<string>.Empty }) } : app;

    protected override string Status(PortsState pane) =>
        !pane.Loaded ? "scanning…" : $"{pane.Ports.Length} port{(pane.Ports.Length == 1 ? "" : "s")}" + (pane.Marked.Count > 0 ? $", {pane.Marked.Count} marked" : "");

    private static IReadOnlyList<PortRow> Rows(PortsState s) => PortRows.Build(s.Ports, s.Devices, s.Jobs.Values);

    protected override Transition Reduce(AppState app, PortsState pane, PaneAction action, Rect area)
    {
        switch (action)
        {
            case PortsLoaded l:
                var jobs = l.Jobs is null ? pane.Jobs : pane.Jobs.SetItems(l.Jobs.Select(j => KeyValuePair.Create(j.Id, j)));
                return With(app, WithPorts(pane, l.Ports) with { Devices = [.. l.Devices], Jobs = jobs, Loaded = true, PolledAt = app.Now });
            case PaneTick t when pane.Loaded && !pane.Polling && t.Now - pane.PolledAt >= PollInterval:
                return new Transition(With(app, pane with { Polling = true, PolledAt = t.Now }), [Poll()]);
            case PortsPolled p:
                pane = pane with { Polling = false };
                // Same list, same state: an idle screen stays idle.
                return With(app, p.Ports is null || p.Ports.OrderBy(Key, StringComparer.Ordinal).SequenceEqual(pane.Ports) ? pane : WithPorts(pane, p.Ports));
            case PortsJobChanged j:
                return With(app, pane with { Jobs = pane.Jobs.SetItem(j.Job.Id, j.Job) });
            case PortsMove m:
                int i = ListWindow.Step(pane.Ports.Length, IndexOf(pane), m.Delta);
                return i < 0 ? app : With(app, pane with { Selected = pane.Ports[i].Path });
            case PortsToggleMark when pane.Selected is { } sel:
                return With(app, pane with { Marked = pane.Marked.Contains(sel) ? pane.Marked.Remove(sel) : pane.Marked.Add(sel) });
            case PortsClearMarks:
                return AppReducer.Flash(With(app, pane with { Marked = ImmutableSortedSet<string>.Empty }), "marks cleared: jobs go to the selected port");
            case PaneClicked c:
                var rows = Rows(pane);
                var g = PortsLayout.Of(pane, rows, area);
                int row = g.Start + c.Y - 1;
                return c.Y < 1 || c.Y > g.ListRows || row >= rows.Count ? app : With(app, pane with { Selected = rows[row].Path });
            case PortsRefresh:
                return new Transition(app, [Load()]);
            default:
                return app;
        }
    }

    private static string Key(PortInfo p) => p.ById ?? p.Path;

    /// <summary>A new port list, keeping the selection and the marks on ports still there.</summary>
    private static PortsState WithPorts(PortsState pane, IReadOnlyList<PortInfo> list)
    {
        var ports = list.OrderBy(Key, StringComparer.Ordinal).ToImmutableArray();
        var selected = ports.Any(p => p.Path == pane.Selected) ? pane.Selected : ports.FirstOrDefault()?.Path;
        return pane with { Ports = ports, Selected = selected, Marked = pane.Marked.Intersect(ports.Select(p => p.Path)) };
    }

    private static int IndexOf(PortsState pane) => pane.Ports.IndexOf(pane.Ports.FirstOrDefault(p => p.Path == pane.Selected)!);

    /// <summary>
    /// How often the ports are looked at again without R: an adapter plugged in or pulled, or a port
    /// another program takes, shows within this. A look never opens a port (sysfs, /proc only).
    /// </summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static PortsPollEffect Poll() => new();

    /// <summary>Scans ports and reads device facts (on start and on R).</summary>
    public static BenchEffect Load() => new("scanning ports", (b, _) => [new PortsLoaded(b.Ports(), b.Devices(), b.Jobs())]);
}
