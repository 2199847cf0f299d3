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
    public const string FilterPurpose = "filter";

    public override string? SearchLabel => "/ find in log: ";

    public override IEnumerable<Binding> Keys =>
    [
        new(Id, [Of(KeyCode.Up), C('k')], new LogScroll(1), "Scroll up"),
        new(Id, [Of(KeyCode.Down), C('j')], new LogScroll(-1), "Scroll down"),
        new(Id, [Of(KeyCode.PageUp)], new LogPage(1), "Page up") { ShowInBar = true, Order = 1 },
        new(Id, [Of(KeyCode.PageDown)], new LogPage(-1), "Page down"),
        new(Id, [Of(KeyCode.Home), C('g')], new LogScroll(int.MaxValue), "Oldest line"),
        new(Id, [Of(KeyCode.End), C('G')], new LogFollow(), "Follow new lines") { ShowInBar = true, Order = 2 },
        new(Id, [C('n')], new LogFindNext(-1), "Previous match (older)"),
        new(Id, [C('N')], new LogFindNext(1), "Next match (newer)"),
        new(Id, [C('f')], new OpenPrompt(Id, FilterPurpose, "f show only lines containing (empty: all): "), "Filter: show only lines containing a text") { ShowInBar = true, Order = 3, Hint = "Filter" },
        new(Id, [C('c')], new LogClearFilter(), "Clear the filter") { ShowInBar = true, Order = 4, DisabledReason = NoFilter, Hint = "Clear filter" },
    ];

    private static string? NoFilter(AppState app) => app.Panes.TryGetValue(PaneIdValue, out var o) && o is LogState { Filter: not null } ? null : "no filter is set";

    protected override LogState Initial(TuiOptions options) => LogState.Empty;

    private static readonly LogPane Instance = new();

    /// <summary>Adds a line to the log from another part of the state (a screen without [Log] keeps none).</summary>
    public static AppState Record(AppState app, LogLine line) =>
        app.Panes.ContainsKey(PaneIdValue) ? Instance.Reduce(app, new LogAppend(line), ScreenLayout.BodyFor(app, PaneIdValue)).State : app;

    protected override string Status(LogState pane) =>
        (pane.Filter is { } f ? $"{pane.Shown.Count} of {pane.Lines.Count} lines, filter '{f}' (c clears)" : $"{pane.Lines.Count} lines")
        + (pane.ScrollBack > 0 ? $", {pane.ScrollBack} newer below" : ", following");

    protected override Transition Reduce(AppState app, LogState pane, PaneAction action, Rect area)
    {
        int rows = Math.Max(1, area.Height), width = area.Width;
        switch (action)
        {
            case LogAppend a:
                var lines = pane.Lines.Add(a.Line);
                long dropped = pane.Dropped;
                if (lines.Count > LogState.Capacity) { lines = lines.RemoveAt(0); dropped++; }
                // A reader scrolled back keeps looking at the same lines (a line the filter hides moves nothing).
                int back = pane.ScrollBack > 0 && pane.Passes(a.Line) ? pane.ScrollBack + 1 : pane.ScrollBack;
                var grown = pane with { Lines = lines, Dropped = dropped };
                return With(app, grown with { ScrollBack = Math.Min(back, MaxBack(grown, width, rows)) });
            case LogScroll s:
                long target = (long)pane.ScrollBack + s.Lines;
                return With(app, pane with { ScrollBack = (int)Math.Clamp(target, 0, MaxBack(pane, width, rows)) });
            case LogPage page:
                // Lines, not rows, are the unit of ScrollBack: a page is the lines on screen now less one.
                int step = Math.Max(1, FullyVisible(pane, width, rows) - 1);
                long paged = (long)pane.ScrollBack + step * page.Direction;
                return With(app, pane with { ScrollBack = (int)Math.Clamp(paged, 0, MaxBack(pane, width, rows)) });
            case LogFollow:
                return With(app, pane with { ScrollBack = 0 });
            case PromptSubmitted { Purpose: FilterPurpose } p:
                return With(app, pane with { Filter = p.Text.Trim().Length == 0 ? null : p.Text.Trim(), ScrollBack = 0 });
            case LogClearFilter:
                return With(app, pane with { Filter = null, ScrollBack = 0 });
            case PromptSubmitted { Purpose: PromptOverlay.SearchPurpose } p:
                return Find(app, pane with { Search = p.Text }, -1, width, rows, includeCurrent: true);
            case LogFindNext f when pane.Search is not null:
                return Find(app, pane, f.Direction, width, rows, includeCurrent: false);
            case LogFindNext:
                return AppReducer.Flash(app, "no search yet: press / first", FlashLevel.Warning);
            default:
                return app;
        }
    }

    /// <summary>
    /// The farthest scroll back: the oldest lines fill the pane from its top. Counted in screen rows,
    /// since a long line wraps; counting lines left the oldest ones unreachable.
    /// </summary>
    private static int MaxBack(LogState pane, int width, int rows)
    {
        var shown = pane.Shown;
        int used = 0, fit = 0;
        while (fit < shown.Count && (fit == 0 || used + RowsOf(shown[fit], width) <= rows)) used += RowsOf(shown[fit++], width);
        return Math.Max(0, shown.Count - fit);
    }

    /// <summary>How many lines are on screen whole at the current scroll position.</summary>
    private static int FullyVisible(LogState pane, int width, int rows) =>
        Visible(pane, width, rows).Count(v => v.Skip == 0);

    private static int RowsOf(LogLine line, int width) => Wrap(line, width).Count;

    private static List<string> Wrap(LogLine line, int width) =>
        DetailView.WrapIndented(TextSanitizer.Clean(line.Text), Math.Max(8, width - Prefix(line))).ToList();

    /// <summary>Moves the bottom visible line to the next match in <paramref name="direction"/>.</summary>
    private Transition Find(AppState app, LogState pane, int direction, int width, int rows, bool includeCurrent)
    {
        var shown = pane.Shown;
        int bottom = shown.Count - 1 - pane.ScrollBack;
        int i = includeCurrent ? bottom : bottom + direction;
        for (; i >= 0 && i < shown.Count; i += direction)
        {
            if (!shown[i].Text.Contains(pane.Search!, StringComparison.OrdinalIgnoreCase)) continue;
            int back = Math.Clamp(shown.Count - 1 - i, 0, MaxBack(pane, width, rows));
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
        var lines = pane.Shown;
        int used = 0;
        for (int i = lines.Count - pane.ScrollBack - 1; i >= 0 && used < height; i--)
        {
            var line = lines[i];
            var rows = Wrap(line, width);
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
        if (pane.Filter is { } filter && pane.Shown.Count == 0)
            Text.PutEllipsized(buffer, area.X, area.Y, $"No line contains '{filter}'. Press c to clear the filter.", dim, area.Right);
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
