using BkTui.Core.Jobs;
using BkTui.Tui.Canvas;

namespace BkTui.Tui.Panes.Queue;

/// <summary>Column widths for the jobs on screen: the recipe column is as wide as the longest recipe shown, so a name is never cut into another's prefix.</summary>
internal sealed record QueueColumns(bool Wide, int Port, int Recipe, int Step, int Bar)
{
    public const int WideFrom = 96;

    /// <summary>A row holds the step, bar, speed and ETA itself (below this a running job takes two rows).</summary>
    public static bool IsWide(int width) => width >= WideFrom;

    public static QueueColumns For(IReadOnlyList<JobSnapshot> jobs, int width)
    {
        int recipe = jobs.Select(j => j.Request.Title().Length).DefaultIfEmpty(6).Max();
        bool wide = IsWide(width);
        // A narrow row keeps the state word whole and a few cells of step: a long recipe is cut (with …) first.
        if (!wide) recipe = Math.Min(recipe, Math.Max(6, width - 5 - 8 - 1 - 1 - 5 - 4));
        // Narrow rows hold only job, port, recipe, state and step, so the port may take what the step can spare.
        int portRoom = wide ? width / 4 : width - 5 - recipe - 1 - 5 - 6;
        int port = Math.Clamp(jobs.Select(j => ListWindow.PortName(j.Port).Length).DefaultIfEmpty(8).Max(), 8, Math.Max(8, portRoom));
        int bar = wide ? Math.Clamp(width / 6, 10, 24) : Math.Clamp(width - 40, 8, 30);
        return new QueueColumns(wide, port, recipe, Math.Clamp(width / 7, 10, 24), bar);
    }
}

/// <summary>
/// Where each job's lines go. Running jobs (and those waiting for the user) are pinned at the top,
/// so they are visible at every size; the other jobs scroll under them with the selection. Below
/// 96 columns a running job takes two lines (what it does, then bar, speed and ETA).
/// </summary>
internal sealed record QueueLayout(QueueColumns Columns, int Selected, IReadOnlyList<(int Index, bool Second, int Y)> Lines, int ListBottom, int More, Rect? Detail)
{
    private const int DetailRows = 6;

    public static QueueLayout Of(QueueState pane, IReadOnlyList<JobSnapshot> jobs, Rect area)
    {
        // One column of margin on the left, as every pane's rows have.
        int width = area.Width - 1;
        bool wide = QueueColumns.IsWide(width);
        int selected = Math.Max(0, jobs.ToList().FindIndex(j => j.Id == pane.Selected));
        int top = area.Y + (wide ? 1 : 0);
        int detailRows = area.Height >= 12 ? DetailRows : area.Height >= 8 ? 3 : 0;
        int bottom = area.Bottom - detailRows;
        var lines = new List<(int, bool, int)>();
        int y = top;
        int pinned = jobs.TakeWhile(j => j.State.IsActive()).Count();
        for (int i = 0; i < pinned && y < bottom; i++)
        {
            lines.Add((i, false, y++));
            if (!wide && y < bottom) lines.Add((i, true, y++));
        }
        int rest = jobs.Count - pinned, room = Math.Max(0, bottom - y);
        // Too many: the list's last row says how many are hidden, on its own (not over a job).
        if (rest > room && room >= 2) room--;
        int start = pinned + ListWindow.Start(rest, Math.Max(0, selected - pinned), room);
        int shown = 0;
        for (int i = start; i < jobs.Count && shown < room; i++, shown++) lines.Add((i, false, y++));
        int more = rest - shown;
        // Sized for the jobs on screen: a long recipe scrolled away does not narrow every row's reason.
        var columns = QueueColumns.For([.. lines.Select(l => l.Item1).Distinct().Select(i => jobs[i])], width);
        return new QueueLayout(columns, selected, lines, bottom, more, detailRows > 0 ? new Rect(area.X, bottom, area.Width, detailRows) : null);
    }
}
