using BkTui.Core.Jobs;
using BkTui.Tui.Canvas;
using BkTui.Tui.Render;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Panes.Queue;

public sealed partial class QueuePane
{
    protected override void Render(PaneView view, QueueState pane)
    {
        var (buf, area) = (view.Buffer, view.Area);
        var jobs = Ordered(pane).ToList();
        if (jobs.Count == 0)
        {
            Text.PutWrapped(buf, area, "No jobs yet. Select a port in [Ports] and press b to back it up.", view.Style(Role.Dim));
            return;
        }
        var g = QueueLayout.Of(pane, jobs, area);
        var rows = jobs.Select(QueueRows.Row).ToList();
        var c = g.Columns;
        if (c.Wide)
            buf.Put(area.X, area.Y, Text.Fit($" {"JOB",-5}{Text.Fit("PORT", c.Port)} {Text.Fit("RECIPE", c.Recipe)} {"STATE",-6}{Text.Fit("STEP", c.Step)} {Text.Fit("PROGRESS", c.Bar + 5)} {"SPEED",-9} ETA", area.Width), view.Style(Role.Dim), area.Right);
        foreach (var (index, second, y) in g.Lines)
        {
            var r = rows[index];
            bool isSel = index == g.Selected;
            int style = ListRow.Begin(view, y, isSel, Role.Normal);
            if (second)
            {
                // The bar gives way before the numbers (speed and ETA are what a narrow tile must not cut),
                // and goes altogether below 4 cells: the percentage says the same.
                var numbers = $" {r.Percent,4}  {r.Speed}" + (r.Eta.Length > 0 ? $"  ETA {r.Eta}" : "") + Retries(r);
                int bar = Math.Min(area.Width - 6 - numbers.Length, c.Bar);
                Text.PutEllipsized(buf, area.X, y, "      " + (bar >= 4 ? r.Bar(bar, pane.Unicode) : "") + numbers, style, area.Right);
                continue;
            }
            int x = buf.Put(area.X, y, $" #{r.JobId,-4}{Text.Cut(ListWindow.PortName(r.Port), c.Port)} {Text.Cut(r.Recipe, c.Recipe)} ", style, area.Right);
            x = buf.Put(x, y, Text.Fit(r.Word, c.Wide ? 5 : 4), isSel ? style : view.Style(r.Unproven ? Role.Warning : RoleOf(r.State)), area.Right);
            var tail = c.Wide && !r.IsFinished && r.State != JobState.Queued
                ? $" {Text.Cut(r.Step, c.Step)} {r.Bar(c.Bar, pane.Unicode)} {r.Percent,4} {Text.Fit(r.Speed, 9)} {r.Eta}" + Retries(r)
                : $" {r.Step}" + (r.Note is { } note ? (r.Step.Length > 0 ? " — " : "") + note : "");
            Text.PutEllipsized(buf, x, y, tail, style, area.Right);
        }
        if (g.More > 0 && g.Lines.Count > 0 && g.Lines[^1].Y + 1 < g.ListBottom)
            Text.PutEllipsized(buf, area.X + 1, g.Lines[^1].Y + 1, $"{g.More} more job{(g.More == 1 ? "" : "s")} — j/k scroll", view.Style(Role.Dim), area.Right);
        if (g.Detail is { } detail) DrawDetail(view, jobs[g.Selected], detail);
    }

    private static string Retries(QueueRow r) => r.Retries > 0 ? $"  retries {r.Retries}" : "";

    private static void DrawDetail(PaneView view, JobSnapshot job, Rect area)
    {
        var buf = view.Buffer;
        int y = area.Y;
        buf.Fill(area.X, y, area.Right, view.Style(Role.Border), view.Kit.Unicode ? '─' : '-');
        Text.PutEllipsized(buf, area.X + 1, y++, $" job #{job.Id} {job.Request.Title()} on {ListWindow.PortName(job.Port)} — Enter: all of it, L: its log ", view.Style(Role.Dim), area.Right);
        // What needs the user and why it failed come before the steps: a short strip keeps them.
        var lines = new List<(string, Role)>();
        if (job.Attention is { } att && job.State == JobState.NeedsAttention) lines.Add(("ACTION NEEDED: " + att, Role.Warning));
        if (job.Error is not null) lines.Add(("FAIL: " + job.Reason, Role.Error));
        if (job.BootUnproven) lines.Add(("BOOT NOT PROVEN: " + job.Boot!.Message, Role.Warning));
        var steps = string.Join("  ", job.Steps.Select(s => $"{JobDetail.Glyph(s.State)}{s.Name}"));
        lines.Add((steps.Length > 0 ? steps : "waiting for the port", Role.Normal));
        if (job.Steps.LastOrDefault(s => s.Detail is not null) is { } current) lines.Add(($"{current.Name}: {current.Detail}", Role.Dim));
        var facts = string.Join("  ", new[] { job.Chip, QueueRows.DeviceFact(job), job.DumpId is { } d ? $"dump #{d}" : null }.Where(s => s is not null));
        if (facts.Length > 0) lines.Add((facts, Role.Dim));
        // Wrapped, so the attention request and the error are read whole when there is room; when there
        // is not, the last row says so (Enter shows the job whole).
        var parts = lines.SelectMany(l => Box.Wrap(l.Item1, area.Width - 1).Select(p => (Text: p, Role: l.Item2))).ToList();
        int room = area.Bottom - y;
        for (int i = 0; i < parts.Count && i < room; i++)
        {
            bool cut = i == room - 1 && parts.Count > room;
            int keep = Math.Max(0, area.Width - 1 - MoreInDetail.Length);
            var text = cut ? (parts[i].Text.Length > keep ? parts[i].Text[..keep] : parts[i].Text) + MoreInDetail : parts[i].Text;
            buf.Put(area.X + 1, y++, text, view.Style(parts[i].Role), area.Right);
        }
    }

    private const string MoreInDetail = " … Enter";

    private static Role RoleOf(JobState s) => s switch
    {
        JobState.Done => Role.Ok,
        JobState.Failed => Role.Error,
        JobState.NeedsAttention => Role.Warning,
        JobState.Cancelled or JobState.Interrupted => Role.Warning,
        JobState.Queued => Role.Dim,
        _ => Role.Normal,
    };
}
