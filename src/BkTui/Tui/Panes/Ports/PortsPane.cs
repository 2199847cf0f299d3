using System.Collections.Immutable;
using BkTui.Tui.Keys;
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

/// <summary>The adapters on the bench: by-id names, busy/free, the device last seen there, the current job.</summary>
public sealed class PortsPane : Pane<PortsState>
{
    public const string PaneIdValue = "ports";

    public override string Id => PaneIdValue;
    public override string Title => "Ports";

    public override IEnumerable<Binding> Keys =>
    [
        new(Id, [Of(KeyCode.Up), C('k')], new PortsMove(-1), "Previous port"),
        new(Id, [Of(KeyCode.Down), C('j')], new PortsMove(1), "Next port"),
        new(Id, [C(' ')], new PortsToggleMark(), "Mark port (jobs go to all marked)") { ShowInBar = true, Order = 1 },
        new(Id, [C('b')], new QueueAdd(Core.Jobs.Recipe.Backup), "Backup") { ShowInBar = true, Order = 2 },
        new(Id, [C('i')], new DeviceIdentifySelected(), "Identify") { ShowInBar = true, Order = 3 },
        new(Id, [C('R')], new PortsRefresh(), "Rescan ports"),
    ];

    protected override PortsState Initial(TuiOptions options) => new();

    /// <summary>Where a job goes: the marked ports, else the selected one.</summary>
    public static IReadOnlyList<string> TargetPorts(AppState app)
    {
        if (!app.Panes.TryGetValue(PaneIdValue, out var o) || o is not PortsState s) return [];
        if (s.Marked.Count > 0) return s.Marked.ToList();
        return s.Selected is { } p ? [p] : s.Ports.Length > 0 ? [s.Ports[0].Path] : [];
    }

    protected override string Status(PortsState pane) =>
        !pane.Loaded ? "scanning…" : $"{pane.Ports.Length} port{(pane.Ports.Length == 1 ? "" : "s")}" + (pane.Marked.Count > 0 ? $", {pane.Marked.Count} marked" : "");

    private static IReadOnlyList<PortRow> Rows(PortsState s) => PortRows.Build(s.Ports, s.Devices, s.Jobs.Values);

    protected override Transition Reduce(AppState app, PortsState pane, PaneAction action, Rect area)
    {
        switch (action)
        {
            case PortsLoaded l:
                var ports = l.Ports.OrderBy(p => p.ById ?? p.Path, StringComparer.Ordinal).ToImmutableArray();
                var selected = ports.Any(p => p.Path == pane.Selected) ? pane.Selected : ports.FirstOrDefault()?.Path;
                var marked = pane.Marked.Intersect(ports.Select(p => p.Path));
                var jobs = l.Jobs is null ? pane.Jobs : pane.Jobs.SetItems(l.Jobs.Select(j => KeyValuePair.Create(j.Id, j)));
                return With(app, pane with { Ports = ports, Devices = [.. l.Devices], Jobs = jobs, Selected = selected, Marked = marked, Loaded = true });
            case PortsJobChanged j:
                return With(app, pane with { Jobs = pane.Jobs.SetItem(j.Job.Id, j.Job) });
            case PortsMove m:
                int i = ListWindow.Step(pane.Ports.Length, pane.Ports.IndexOf(pane.Ports.FirstOrDefault(p => p.Path == pane.Selected)!), m.Delta);
                return i < 0 ? app : With(app, pane with { Selected = pane.Ports[i].Path });
            case PortsToggleMark when pane.Selected is { } sel:
                return With(app, pane with { Marked = pane.Marked.Contains(sel) ? pane.Marked.Remove(sel) : pane.Marked.Add(sel) });
            case PortsRefresh:
                return new Transition(app, [Load()]);
            default:
                return app;
        }
    }

    /// <summary>Scans ports and reads device facts (on start and on R).</summary>
    public static BenchEffect Load() => new("scanning ports", (b, _) => [new PortsLoaded(b.Ports(), b.Devices(), b.Jobs())]);

    protected override void Render(PaneView view, PortsState pane)
    {
        var (buf, area) = (view.Buffer, view.Area);
        if (pane.Ports.IsEmpty)
        {
            buf.Put(area.X + 1, area.Y, pane.Loaded ? "No serial adapters found. Plug one in and press R (or try bktui demo)." : "Scanning…", view.Style(Role.Dim), area.Right);
            return;
        }
        var rows = Rows(pane);
        int wName = Math.Clamp(area.Width / 5, 14, 30), wAvail = 10, wLast = Math.Clamp(area.Width / 4, 26, 34);
        int y = area.Y;
        buf.Put(area.X, y++, Text.Fit($"  {Text.Fit("PORT", wName)} {Text.Fit("STATE", wAvail)} {Text.Fit("LAST DEVICE", wLast)} JOB", area.Width), view.Style(Role.Dim), area.Right);
        int sel = Math.Max(0, rows.ToList().FindIndex(r => r.Path == pane.Selected));
        int start = ListWindow.Start(rows.Count, sel, area.Height - 3);
        for (int i = start; i < rows.Count && y < area.Bottom - 2; i++, y++)
        {
            var r = rows[i];
            bool isSel = i == sel;
            var mark = pane.Marked.Contains(r.Path) ? "*" : " ";
            var line = $"{mark} {Text.Fit(r.Name, wName)} {Text.Fit(r.Availability, wAvail)} {Text.Fit(r.LastDevice, wLast)} {r.Job}";
            int style = ListRow.Begin(view, y, isSel, r.Busy ? Role.Warning : Role.Normal);
            Text.PutEllipsized(buf, area.X, y, line, style, area.Right);
        }
        if (rows.ElementAtOrDefault(sel) is { } s)
            Text.PutEllipsized(buf, area.X + 1, area.Bottom - 1, $"{s.Path}  {s.Adapter}", view.Style(Role.Dim), area.Right);
    }
}
