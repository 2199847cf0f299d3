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

    /// <summary>Cells before a line's text: its time, then a level tag for all but Info.</summary>
    private static int Prefix(LogLine line) => 9 + (line.Level == LogLevel.Info ? 0 : 4);

    /// <summary>
    /// The newest lines up to the scroll position, each wrapped under its text column so a long line
    /// (a ':' verb's table, an error with its fix) is read whole; as many as fill <paramref name="height"/>
    /// rows, oldest first. The oldest one shown may start above the pane (Rows skipped by <c>Skip</c>),
    /// unless it is the only one: then its start shows.
    /// </summary>
    private static List<(LogLine Line, List<string> Rows, int Skip)> Visible(LogState pane, int width, int height)
    {
        var shown = new List<(LogLine, List<string>, int)>();
        int used = 0;
        for (int i = pane.Lines.Count - pane.ScrollBack - 1; i >= 0 && used < height; i--)
        {
            var line = pane.Lines[i];
            var rows = DetailView.WrapIndented(TextSanitizer.Clean(line.Text), Math.Max(8, width - Prefix(line))).ToList();
            used += rows.Count;
            shown.Add((line, rows, 0));
        }
        shown.Reverse();
        if (used > height && shown.Count > 1) shown[0] = shown[0] with { Item3 = used - height };
        return shown;
    }

    protected override void Render(PaneView view, LogState pane)
    {
        var (buffer, area) = (view.Buffer, view.Area);
        int dim = view.Style(Role.Dim), match = view.Style(Role.HexMatch);
        int y = area.Y;
        foreach (var (line, rows, skip) in Visible(pane, area.Width, area.Height))
        {
            var (tag, role) = line.Level switch
            {
                LogLevel.Error => ("ERR ", Role.Error),
                LogLevel.Warning => ("WRN ", Role.Warning),
                LogLevel.Debug => ("dbg ", Role.Dim),
                _ => ("", Role.Normal),
            };
            int textX = area.X + Prefix(line), style = line.Level == LogLevel.Error ? view.Style(Role.Error) : view.Style(Role.Normal);
            for (int r = skip; r < rows.Count && y < area.Bottom; r++, y++)
            {
                if (r == 0)
                {
                    int x = buffer.Put(area.X, y, line.Time.ToString("HH:mm:ss "), dim, area.Right);
                    if (tag.Length > 0) buffer.Put(x, y, tag, view.Style(role), area.Right);
                }
                buffer.Put(textX, y, rows[r], style, area.Right);
                if (pane.Search is { Length: > 0 } search)
                    HighlightMatches(buffer, textX, y, rows[r], search, match, area.Right);
            }
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
