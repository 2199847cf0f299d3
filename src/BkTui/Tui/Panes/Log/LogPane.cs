using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Log;

/// <summary>The live log of jobs and the app, drawn straight into cells (only the visible lines).</summary>
public sealed class LogPane : Pane<LogState>
{
    public const string PaneIdValue = "log";

    public override string Id => PaneIdValue;
    public override string Title => "Log";
    public override string? SearchLabel => "/ find in log: ";

    public override IEnumerable<Binding> Keys =>
    [
        new(Id, [Of(KeyCode.Up), C('k')], new LogScroll(1), "Scroll up"),
        new(Id, [Of(KeyCode.Down), C('j')], new LogScroll(-1), "Scroll down"),
        new(Id, [Of(KeyCode.PageUp)], new LogScroll(20), "Page up") { ShowInBar = true, Order = 1 },
        new(Id, [Of(KeyCode.PageDown)], new LogScroll(-20), "Page down"),
        new(Id, [Of(KeyCode.Home), C('g')], new LogScroll(int.MaxValue), "Oldest line"),
        new(Id, [Of(KeyCode.End), C('G')], new LogFollow(), "Follow new lines") { ShowInBar = true, Order = 2 },
        new(Id, [C('n')], new LogFindNext(-1), "Previous match (older)"),
        new(Id, [C('N')], new LogFindNext(1), "Next match (newer)"),
    ];

    protected override LogState Initial(TuiOptions options) => LogState.Empty;

    protected override string Status(LogState pane) =>
        $"{pane.Lines.Count} lines" + (pane.ScrollBack > 0 ? $", {pane.ScrollBack} newer below" : ", following");

    protected override Transition Reduce(AppState app, LogState pane, PaneAction action, Rect area)
    {
        int rows = Math.Max(1, area.Height);
        int maxBack = Math.Max(0, pane.Lines.Count - rows);
        switch (action)
        {
            case LogAppend a:
                var lines = pane.Lines.Add(a.Line);
                long dropped = pane.Dropped;
                if (lines.Count > LogState.Capacity) { lines = lines.RemoveAt(0); dropped++; }
                // A reader scrolled back keeps looking at the same lines.
                int back = pane.ScrollBack > 0 ? pane.ScrollBack + 1 : 0;
                return With(app, pane with { Lines = lines, Dropped = dropped, ScrollBack = Math.Min(back, Math.Max(0, lines.Count - rows)) });
            case LogScroll s:
                long target = (long)pane.ScrollBack + s.Lines;
                return With(app, pane with { ScrollBack = (int)Math.Clamp(target, 0, maxBack) });
            case LogFollow:
                return With(app, pane with { ScrollBack = 0 });
            case PromptSubmitted { Purpose: PromptOverlay.SearchPurpose } p:
                return Find(app, pane with { Search = p.Text }, -1, rows, includeCurrent: true);
            case LogFindNext f when pane.Search is not null:
                return Find(app, pane, f.Direction, rows, includeCurrent: false);
            case LogFindNext:
                return AppReducer.Flash(app, "no search yet: press / first", FlashLevel.Warning);
            default:
                return app;
        }
    }

    /// <summary>Moves the bottom visible line to the next match in <paramref name="direction"/>.</summary>
    private Transition Find(AppState app, LogState pane, int direction, int rows, bool includeCurrent)
    {
        int bottom = pane.Lines.Count - 1 - pane.ScrollBack;
        int i = includeCurrent ? bottom : bottom + direction;
        for (; i >= 0 && i < pane.Lines.Count; i += direction)
        {
            if (!pane.Lines[i].Text.Contains(pane.Search!, StringComparison.OrdinalIgnoreCase)) continue;
            int back = Math.Clamp(pane.Lines.Count - 1 - i, 0, Math.Max(0, pane.Lines.Count - rows));
            // Keep the match on screen even near the top of the log.
            return With(app, pane with { ScrollBack = back });
        }
        return AppReducer.Flash(With(app, pane), $"'{pane.Search}' not found {(direction < 0 ? "above" : "below")}", FlashLevel.Warning);
    }

    protected override void Render(PaneView view, LogState pane)
    {
        var (buffer, area) = (view.Buffer, view.Area);
        int end = pane.Lines.Count - pane.ScrollBack;
        int start = Math.Max(0, end - area.Height);
        int dim = view.Style(Role.Dim), match = view.Style(Role.HexMatch);
        for (int i = start, y = area.Y; i < end && y < area.Bottom; i++, y++)
        {
            var line = pane.Lines[i];
            int x = buffer.Put(area.X, y, line.Time.ToString("HH:mm:ss "), dim, area.Right);
            var (tag, role) = line.Level switch
            {
                LogLevel.Error => ("ERR ", Role.Error),
                LogLevel.Warning => ("WRN ", Role.Warning),
                LogLevel.Debug => ("dbg ", Role.Dim),
                _ => ("", Role.Normal),
            };
            if (tag.Length > 0) x = buffer.Put(x, y, tag, view.Style(role), area.Right);
            int textX = x;
            Text.PutEllipsized(buffer, x, y, line.Text, line.Level == LogLevel.Error ? view.Style(Role.Error) : view.Style(Role.Normal), area.Right);
            if (pane.Search is { Length: > 0 } search)
                HighlightMatches(buffer, textX, y, line.Text, search, match, area.Right);
        }
    }

    private static void HighlightMatches(ScreenBuffer buffer, int x, int y, string text, string search, int style, int right)
    {
        for (int at = text.IndexOf(search, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(search, at + search.Length, StringComparison.OrdinalIgnoreCase))
        {
            // Cell positions equal char positions for ASCII text, which is what logs hold; wider text just skips highlighting.
            if (CellWidth.Of(text.AsSpan(0, at)) != at) return;
            buffer.Restyle(x + at, y, Math.Min(right, x + at + search.Length), style);
        }
    }
}
