using BkTui.Tui.Canvas;
using BkTui.Tui.Render;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Panes.Ports;

public sealed partial class PortsPane
{
    protected override void Render(PaneView view, PortsState pane)
    {
        var (buf, area) = (view.Buffer, view.Area);
        if (pane.Ports.IsEmpty)
        {
            Text.PutWrapped(buf, area, pane.Loaded ? "No serial adapters found. Plug one in and press R (or try bktui demo)." : "Scanning…", view.Style(Role.Dim));
            return;
        }
        var rows = Rows(pane);
        var g = PortsLayout.Of(pane, rows, area);
        var c = g.Columns;
        int y = area.Y;
        buf.Put(area.X, y++, Text.Fit(c.Line(" ", "PORT", "DRIVER", "STATE", "LAST DEVICE", "JOB"), area.Width), view.Style(Role.Dim), area.Right);
        int sel = g.Selected;
        for (int i = g.Start; i < rows.Count && y < area.Y + 1 + g.ListRows; i++, y++)
        {
            var r = rows[i];
            bool marked = pane.Marked.Contains(r.Path);
            int style = ListRow.Begin(view, y, i == sel, r.Busy ? Role.Warning : Role.Normal);
            Text.PutEllipsized(buf, area.X, y, c.Line(marked ? "*" : " ", r.Name, r.Driver, r.State, r.LastDevice, r.Job), style, area.Right);
            // The mark stands out even on the selected row and without colour.
            if (marked) buf.Put(area.X, y, "*", view.Style(i == sel && view.Focused ? Role.Selection : Role.Warning), area.Right);
        }
        int hidden = rows.Count - g.ListRows;
        if (hidden > 0 && y < area.Bottom - g.Footer.Count)
            Text.PutEllipsized(buf, area.X + 1, y, $"{hidden} more port{(hidden == 1 ? "" : "s")} — j/k scroll, z zooms", view.Style(Role.HintKey), area.Right);
        y = area.Bottom - g.Footer.Count;
        foreach (var (text, role) in g.Footer) Text.PutEllipsized(buf, area.X + 1, y++, text, view.Style(role), area.Right);
    }
}

/// <summary>
/// Which columns fit and where the rows and the footer go; shared by drawing and clicking. Narrow
/// panes drop the driver, then the last device, from the table: the footer names both for the
/// selected port, and the marks (with the key that clears them) when there are any.
/// </summary>
internal sealed record PortsLayout(PortColumns Columns, int Start, int Selected, int ListRows, IReadOnlyList<(string Text, Role Role)> Footer)
{
    public static PortsLayout Of(PortsState pane, IReadOnlyList<PortRow> rows, Rect area)
    {
        var columns = PortColumns.For(rows, area.Width);
        int sel = Math.Max(0, rows.ToList().FindIndex(r => r.Path == pane.Selected));
        var footer = new List<(string, Role)>();
        if (pane.Marked.Count > 0)
            footer.Add(($"Marked: {string.Join(", ", pane.Marked.Select(ListWindow.PortName))} — jobs go to these; u clears", Role.Warning));
        if (rows.ElementAtOrDefault(sel) is { } s)
        {
            // Who holds a busy port comes before the port's description, which a short tile cuts.
            if (s.Holder is not null) footer.Add(("held by " + s.Holder, Role.Warning));
            footer.Add((string.Join(" · ", new[] { s.Path, s.Driver, s.Adapter }.Where(t => !string.IsNullOrEmpty(t))), Role.Dim));
            if ((!columns.LastDevice || s.LastDevice.Length > columns.Last) && s.LastDevice.Length > 0) footer.Add(("last device: " + s.LastDevice, Role.Dim));
        }
        // Every port before the footer's detail: a short tile drops the blank row, then footer lines
        // (the marks first of all are kept), down to one; only then does the list scroll.
        int room = area.Height - 1;
        var wrapped = footer.Select(f => Box.Wrap(f.Item1, area.Width - 1)).ToList();
        int gap = rows.Count + wrapped.Sum(w => w.Count) + 1 <= room ? 1 : 0;
        int keep = Math.Max(Math.Min(footer.Count, room >= 3 ? 1 : 0), room - gap - rows.Count);
        footer = Allot(footer, wrapped, keep);
        int listRows = Math.Max(1, room - gap - footer.Count);
        // Still too many: the last list row says how many are hidden (never drawn over a port).
        if (rows.Count > listRows && listRows >= 2) listRows--;
        return new PortsLayout(columns, ListWindow.Start(rows.Count, sel, listRows), sel, listRows, footer);
    }

    /// <summary>
    /// Wrapped footer items in <paramref name="lines"/> rows: each item its first row, in order, then
    /// the rest of each in order, so a long adapter text is read whole wherever the tile has room.
    /// An item cut short ends on its last row with the remainder, which the drawing ellipsizes.
    /// </summary>
    private static List<(string, Role)> Allot(List<(string Text, Role Role)> items, List<List<string>> wrapped, int lines)
    {
        var take = wrapped.Select(_ => 0).ToArray();
        for (int i = 0; i < take.Length && lines > 0; i++, lines--) take[i] = 1;
        for (int i = 0; i < take.Length && lines > 0; i++)
        {
            int more = Math.Min(lines, wrapped[i].Count - take[i]);
            take[i] += more;
            lines -= more;
        }
        var result = new List<(string, Role)>();
        for (int i = 0; i < take.Length; i++)
        {
            var w = wrapped[i];
            for (int l = 0; l < take[i]; l++)
                result.Add((l == take[i] - 1 && take[i] < w.Count ? string.Join(' ', w.Skip(l)) : w[l], items[i].Role));
        }
        return result;
    }
}

/// <summary>
/// Column widths for a pane width: port and state always, then last device and driver as room allows,
/// the job takes the rest. They depend on the width and on what does not change while jobs run (port
/// names, drivers) — never on the last device or the job, so a backup that records a device does not
/// drop a column; a longer last device is cut (the footer names it whole) and the job text shortened.
/// </summary>
internal sealed record PortColumns(int Name, int Driver, int State, int Last, bool LastDevice)
{
    private const int MinJob = 24;
    private const int MinLast = 11;
    private const int MaxLast = 34;

    public static PortColumns For(IReadOnlyList<PortRow> rows, int width)
    {
        // Up to half a narrow tile: a port's name is how it is told apart; the job's state word and recipe still fit, and [Queue] has the rest.
        int name = Math.Clamp(rows.Select(r => r.Name.Length).DefaultIfEmpty(4).Max(), 12, Math.Clamp(width / 2, 12, 40));
        int state = 6;
        int rest = width - 2 - name - 1 - state - 1;
        int driver = Math.Clamp(rows.Select(r => r.Driver.Length).DefaultIfEmpty(6).Max(), 6, 12);
        // The driver goes first when room is short (the footer names it), then the last device.
        int withDriver = rest - (driver + 1) - 1 - MinJob;
        int withoutDriver = rest - 1 - MinJob;
        bool showDriver = withDriver >= MinLast || (withoutDriver < MinLast && rest - (driver + 1) >= MinJob);
        int last = Math.Min(MaxLast, showDriver ? withDriver : withoutDriver);
        bool showLast = last >= MinLast;
        return new PortColumns(name, showDriver ? driver : 0, state, showLast ? last : 0, showLast);
    }

    public string Line(string mark, string name, string driver, string state, string last, string job) =>
        $"{mark} {Text.Cut(name, Name)} " + (Driver > 0 ? Text.Cut(driver, Driver) + " " : "") + Text.Cut(state, State) + " " +
        (LastDevice ? Text.Cut(last, Last) + " " : "") + job;
}
