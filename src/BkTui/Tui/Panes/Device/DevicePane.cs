using BkTui.Tui.Canvas;
using BkTui.Tui.Bench;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Device;

/// <summary>
/// Identify and key check for the port selected in [Ports] with the verdict in the user's terms (the
/// tile follows the selection: what this session identified there, else what the archive last saw
/// there, said as such), and a serial monitor that listens to the boot log at 115200 and names the
/// bootloader and firmware it hears.
/// </summary>
public sealed class DevicePane : Pane<DeviceState>
{
    public const string PaneIdValue = "device";

    public override string Id => PaneIdValue;
    public override string Title => "Device";

    public override IEnumerable<Binding> Keys =>
    [
        new(Id, [C('i')], new DeviceIdentifySelected(), "Identify") { ShowInBar = true, Order = 1 },
        new(Id, [C('m')], new DeviceMonitorToggle(), "Boot log on/off") { ShowInBar = true, Order = 2 },
        new(Id, [Of(KeyCode.Enter)], new DeviceShowDetail(), "The chip's facts and advice in full") { ShowInBar = true, Order = 3, Hint = "Detail" },
        .. ListKeys.Text(Id, d => new DeviceScroll(d)),
    ];

    protected override DeviceState Initial(TuiOptions options) => new();

    /// <summary>The port shown: the one under the cursor in [Ports], else the last one identified.</summary>
    private static string? ShownPort(AppState app, DeviceState pane) => PortsPane.SelectedPort(app) ?? pane.Port;

    /// <summary>What is known of the chip on <paramref name="port"/>: identified this session, else the archive's device last seen there.</summary>
    private static DeviceView? ViewOf(AppState app, DeviceState pane, string? port)
    {
        if (port is null) return null;
        var seen = PortsPane.LastDevice(app, port);
        var view = pane.Identified.TryGetValue(port, out var identified) ? DeviceViews.WithArchive(identified, seen, fromArchive: false)
            : seen is not null ? DeviceViews.WithArchive(DeviceViews.FromArchive(port, seen, app.Now), seen, fromArchive: true) : null;
        return HalfWrittenFirst(app, port, view);
    }

    /// <summary>A write cut short on this port leads the verdict: the chip will not boot as it is.</summary>
    private static DeviceView? HalfWrittenFirst(AppState app, string port, DeviceView? view)
    {
        if (!app.Panes.TryGetValue(PortsPane.PaneIdValue, out var o) || o is not PortsState ports
            || HalfWritten.LastWriteCutShort(ports.Jobs.Values, port) is not { } job) return view;
        var line = new VerdictLine(VerdictLevel.Danger, HalfWritten.Advice(job, job.DumpId));
        return view is null ? new DeviceView(port, [], [line]) : view with { Verdict = [line, .. view.Verdict] };
    }

    protected override string Status(AppState app, DeviceState pane)
    {
        var port = ShownPort(app, pane);
        var from = port is not null && !pane.Identified.ContainsKey(port) && ViewOf(app, pane, port) is not null ? ", from the archive" : "";
        return (port is null ? "no port" : ListWindow.PortName(port)) + from + (pane.Identifying && pane.Port == port ? ", identifying…" : "") +
            (pane.MonitorPort is { } m ? $", listening to {ListWindow.PortName(m)}" : "");
    }

    /// <summary>What i identified on <paramref name="port"/> this session, if it has not failed since.</summary>
    public static DeviceView? IdentifiedOn(AppState app, string port) =>
        app.Panes.TryGetValue(PaneIdValue, out var o) && o is DeviceState s && s.Identified.TryGetValue(port, out var view) ? view : null;

    protected override Transition Reduce(AppState app, DeviceState pane, PaneAction action, Rect area)
    {
        switch (action)
        {
            case DeviceIdentifySelected:
                if (PortsPane.SelectedPort(app) is not { } port) return AppReducer.Flash(app, "no port: pick one in [Ports]", FlashLevel.Warning);
                if (pane.MonitorPort == port) return AppReducer.Flash(app, "stop the monitor first (m): it holds the port", FlashLevel.Warning);
                var identify = new BenchEffect($"identify on {port}", (b, ct) =>
                {
                    try { return [new DeviceIdentified(port, b.Identify(port, ct))]; }
                    catch (Exception e) when (e is not OperationCanceledException) { return [new DeviceFailed(port, e.Message)]; }
                });
                return new Transition(With(app, pane with { Port = port, Identifying = true, Error = null }) with { Focus = Math.Max(0, app.PaneOrder.IndexOf(Id)) }, [identify]);
            case DeviceIdentified d:
                return With(app, pane with { Port = d.Port, Identified = pane.Identified.SetItem(d.Port, DeviceViews.From(d.Port, d.Info)), Identifying = false, Error = null, Scroll = 0 });
            case DeviceScroll sc:
                int max = ViewOf(app, pane, ShownPort(app, pane)) is { } v ? Math.Max(0, Lines(v, area.Width - 1).Count - 1) : 0;
                return With(app, pane with { Scroll = Math.Clamp(pane.Scroll + sc.Delta, 0, max) });
            case DeviceShowDetail:
                var shown = ShownPort(app, pane);
                return app with { Overlay = new DetailOverlay($"Device on {(shown is null ? "no port" : ListWindow.PortName(shown))}", [.. DetailLines(app, pane, shown)]) };
            case DeviceFailed f:
                // What was identified there before may be another chip now: forgotten, never shown as this one.
                var failed = pane with { Port = f.Port, Identified = pane.Identified.Remove(f.Port), Identifying = false, Error = f.Message };
                if (failed.MonitorPort == f.Port && failed.Monitor is null) failed = failed with { MonitorPort = null };
                return AppReducer.Flash(With(app, failed), f.Message, FlashLevel.Error);
            case DeviceMonitorToggle when pane.Monitor is { } running:
                return new Transition(With(app, pane with { Monitor = null, MonitorPort = null }), [new DisposeEffect(running)]);
            case DeviceMonitorToggle when pane.MonitorPort is not null:
                return app; // starting
            case DeviceMonitorToggle:
                if (PortsPane.SelectedPort(app) is not { } mport) return AppReducer.Flash(app, "no port: pick one in [Ports]", FlashLevel.Warning);
                return new Transition(AppReducer.Flash(With(app, pane with { MonitorPort = mport, Lines = [], Boot = Core.Monitor.BootSummary.Empty }),
                    $"listening to {mport} at 115200 — reset the device to see its boot log"), [new MonitorEffect(mport)]);
            case DeviceMonitorStarted s when pane.MonitorPort == s.Port && pane.Monitor is null:
                return With(app, pane with { Monitor = s.Handle });
            case DeviceMonitorStarted s:
                return new Transition(app, [new DisposeEffect(s.Handle)]); // stopped before it started
            case DeviceMonitorLine l:
                var lines = pane.Lines.Add(l.Line);
                if (lines.Count > DeviceState.MonitorCapacity) lines = lines.RemoveAt(0);
                var boot = l.Facts.Aggregate(pane.Boot with { Lines = pane.Boot.Lines + 1 }, (s, f) => s.Add(f));
                return With(app, pane with { Lines = lines, Boot = boot });
            case DeviceMonitorStopped st:
                var stopped = With(app, pane with { Monitor = null, MonitorPort = null });
                return st.Reason is null ? stopped : AppReducer.Flash(stopped, "monitor stopped: " + st.Reason, FlashLevel.Warning);
            default:
                return app;
        }
    }

    /// <summary>
    /// The identified chip as drawn lines: each fact and each piece of advice after its label, wrapped
    /// in the column after it (nothing is cut, also at 80 columns).
    /// </summary>
    private static List<(string Label, Role LabelRole, string Text)> Lines(DeviceView v, int width)
    {
        var lines = new List<(string, Role, string)>();
        void Add(string label, Role role, string text)
        {
            var parts = Box.Wrap(text, Math.Max(8, width - label.Length - 2));
            for (int i = 0; i < parts.Count; i++) lines.Add((i == 0 ? label : new string(' ', label.Length), role, parts[i]));
        }
        foreach (var (name, value) in v.Facts) Add(Text.Fit(name, 11), Role.Dim, value);
        foreach (var line in v.Verdict)
            Add(line.Level switch { VerdictLevel.Ok => "OK  ", VerdictLevel.Warning => "NOTE", _ => "!!  " },
                line.Level switch { VerdictLevel.Ok => Role.Ok, VerdictLevel.Warning => Role.Warning, _ => Role.Danger }, line.Text);
        return lines;
    }

    /// <summary>The chip's facts and advice whole, for the detail view (Enter).</summary>
    private static IEnumerable<string> DetailLines(AppState app, DeviceState pane, string? port)
    {
        if (ViewOf(app, pane, port) is not { } v) return [Waiting(pane, port)];
        // The detail has room for the port's whole path, which the tile leaves to its title and [Ports].
        var where = v.Port == ListWindow.PortName(v.Port) ? v.Port : $"{ListWindow.PortName(v.Port)} ({v.Port})";
        return v.Facts.Select(f => $"{f.Name}: {f.Value}").Prepend($"Port: {where}").Append("")
            .Concat(v.Verdict.Select(l => $"{(l.Level switch { VerdictLevel.Ok => "OK", VerdictLevel.Warning => "NOTE", _ => "!!" })} {l.Text}"))
            .Concat(pane.Lines.IsEmpty ? [] : ["", $"Boot log: {pane.Boot.Reading()}", .. pane.Lines.TakeLast(40).Select(l => "  " + l)]);
    }

    /// <summary>What the pane says while it knows nothing of the chip on <paramref name="port"/>.</summary>
    private static string Waiting(DeviceState pane, string? port) =>
        port is null ? "No serial port found: connect an adapter, then R in [Ports] rescans."
        : pane.Port == port && pane.Identifying ? $"Identifying the chip on {ListWindow.PortName(port)}…"
        : pane.Port == port && pane.Error is { } error ? error
        : $"Nothing known yet of the chip on {ListWindow.PortName(port)}: i identifies it, m listens to its boot log.";

    protected override void Render(PaneView view, DeviceState pane)
    {
        var (buf, area) = (view.Buffer, view.Area);
        int y = area.Y;
        bool monitoring = pane.MonitorPort is not null || !pane.Lines.IsEmpty;
        var port = ShownPort(view.State, pane);
        if (ViewOf(view.State, pane, port) is { } v)
        {
            var lines = Lines(v, area.Width - 1);
            // The boot log keeps at least four rows while it runs; the facts scroll (j/k) in the rest.
            int room = monitoring ? Math.Max(3, area.Height - 6) : area.Height;
            int scroll = Math.Clamp(pane.Scroll, 0, Math.Max(0, lines.Count - room));
            // When the rest does not fit, the last row says so on its own instead of covering a value.
            int shown = lines.Count - scroll > room ? Math.Max(1, room - 1) : room;
            foreach (var (label, role, text) in lines.Skip(scroll).Take(shown))
            {
                int x = buf.Put(area.X + 1, y, label, view.Style(role), area.Right) + 1;
                buf.Put(x, y++, text, view.Style(Role.Normal), area.Right);
            }
            int more = lines.Count - scroll - shown;
            if (more > 0) Text.PutEllipsized(buf, area.X + 1, y++, $"↓ {more} more: j scrolls, Enter shows all", view.Style(Role.HintKey), area.Right);
        }
        else
        {
            bool failed = pane.Port == port && pane.Error is not null && !pane.Identifying;
            y += Text.PutWrapped(buf, area with { Height = Math.Max(0, area.Height - 3) }, Waiting(pane, port), view.Style(failed ? Role.Error : Role.Dim));
        }
        if (!monitoring || y >= area.Bottom - 2) return;
        y++;
        buf.Fill(area.X, y, area.Right, view.Style(Role.Border), view.Kit.Unicode ? '─' : '-');
        var of = pane.MonitorPort is { } heard && heard != port ? " of " + ListWindow.PortName(heard) : "";
        buf.Put(area.X + 1, y++, $" boot log{of}: {pane.Boot.Reading()} ", view.Style(Role.Title), area.Right);
        int rows = area.Bottom - y;
        foreach (var line in pane.Lines.Skip(Math.Max(0, pane.Lines.Count - rows)))
            Text.PutEllipsized(buf, area.X + 1, y++, line, view.Style(Role.Dim), area.Right);
    }
}
