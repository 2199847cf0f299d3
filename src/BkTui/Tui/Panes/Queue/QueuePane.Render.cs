using BkTui.Core.Jobs;
using BkTui.Tui.Render;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Panes.Queue;

public sealed partial class QueuePane
{
    private const int DetailRows = 6;

    protected override void Render(PaneView view, QueueState pane)
    {
        var (buf, area) = (view.Buffer, view.Area);
        var jobs = Ordered(pane).ToList();
        if (jobs.Count == 0)
        {
            buf.Put(area.X + 1, area.Y, "No jobs yet. Select a port in [Ports] and press b to back it up.", view.Style(Role.Dim), area.Right);
            return;
        }
        var rows = jobs.Select(QueueRows.Row).ToList();
        int wPort = Math.Clamp(area.Width / 6, 13, 24), wStep = Math.Clamp(area.Width / 7, 10, 24), wBar = area.Width >= 120 ? 20 : 8;
        int y = area.Y;
        buf.Put(area.X, y++, Text.Fit($"{"JOB",-5}{Text.Fit("PORT", wPort)} {"RECIPE",-9}{"STATE",-5} {Text.Fit("STEP", wStep)} {Text.Fit("PROGRESS", wBar + 5)} SPEED     ETA", area.Width), view.Style(Role.Dim), area.Right);
        int listRows = Math.Max(1, area.Height - 1 - DetailRows);
        int sel = Math.Max(0, jobs.FindIndex(j => j.Id == pane.Selected));
        int start = ListWindow.Start(rows.Count, sel, listRows);
        for (int i = start; i < rows.Count && y < area.Y + 1 + listRows; i++, y++)
        {
            var r = rows[i];
            int style = ListRow.Begin(view, y, i == sel, Role.Normal);
            var head = $"#{r.JobId,-4}{Text.Fit(ListWindow.PortName(r.Port), wPort)} {Text.Fit(r.Recipe, 8)} ";
            int x = buf.Put(area.X, y, head, style, area.Right);
            x = buf.Put(x, y, Text.Fit(r.Word, 4), i == sel ? style : view.Style(RoleOf(r.State)), area.Right);
            var tail = $" {Text.Fit(r.Step, wStep)} {r.Bar(wBar, pane.Unicode)} {r.Percent,4} {Text.Fit(r.Speed, 9)} {r.Eta}" + (r.Retries > 0 ? $" retries {r.Retries}" : "");
            Text.PutEllipsized(buf, x, y, tail, style, area.Right);
        }
        DrawDetail(view, jobs[sel], new Canvas.Rect(area.X, area.Bottom - DetailRows, area.Width, DetailRows));
    }

    private static void DrawDetail(PaneView view, JobSnapshot job, Canvas.Rect area)
    {
        var buf = view.Buffer;
        int y = area.Y;
        buf.Fill(area.X, y, area.Right, view.Style(Role.Border), Kit(view) ? '─' : '-');
        buf.Put(area.X + 1, y++, $" job #{job.Id} {job.Recipe.Name()} on {job.Port} ", view.Style(Role.Dim), area.Right);
        var steps = string.Join("  ", job.Steps.Select(s => $"{Glyph(s.State)}{s.Name}"));
        Text.PutEllipsized(buf, area.X + 1, y++, steps.Length > 0 ? steps : "waiting for the port", view.Style(Role.Normal), area.Right);
        var current = job.Steps.LastOrDefault(s => s.Detail is not null);
        if (current is not null) Text.PutEllipsized(buf, area.X + 1, y++, $"{current.Name}: {current.Detail}", view.Style(Role.Dim), area.Right);
        if (job.Attention is { } att && job.State == JobState.NeedsAttention) Text.PutEllipsized(buf, area.X + 1, y++, "ACTION NEEDED: " + att, view.Style(Role.Warning), area.Right);
        if (job.Error is { } err) Text.PutEllipsized(buf, area.X + 1, y++, "FAIL: " + err, view.Style(Role.Error), area.Right);
        var facts = string.Join("  ", new[] { job.Chip, job.Mac is null ? null : "MAC " + job.Mac, job.DumpId is { } d ? $"dump #{d}" : null, job.LogPath is null ? null : "log " + job.LogPath }.Where(s => s is not null));
        if (y < area.Bottom && facts.Length > 0) Text.PutEllipsized(buf, area.X + 1, y, facts, view.Style(Role.Dim), area.Right);
    }

    private static bool Kit(PaneView view) => view.Kit.Unicode;

    private static string Glyph(StepState s) => s switch
    {
        StepState.Done => "+",
        StepState.Running => ">",
        StepState.Failed => "!",
        StepState.Skipped => "~",
        StepState.Cancelled => "x",
        _ => ".",
    };

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
