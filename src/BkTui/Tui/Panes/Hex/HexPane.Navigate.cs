using System.Collections.Immutable;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Hex;

public sealed partial class HexPane
{
    private Transition Navigate(AppState app, HexState pane, PaneAction action, HexGeometry g, int rows)
    {
        long bpl = g.BytesPerLine;
        switch (action)
        {
            case HexMove m when m.Pages != 0:
                // Page keeps the cursor's screen row: both the view and the cursor move a page.
                long delta = m.Pages * bpl * Math.Max(1, rows - 1);
                long maxTop = Math.Max(0, g.RowStart(Math.Max(0, pane.Length - 1)) - (rows - 1) * bpl);
                var paged = pane with { Top = Math.Clamp(g.RowStart(pane.Top) + delta, 0, maxTop) };
                return MoveTo(app, paged, pane.Cursor + delta, g, rows);
            case HexMove m:
                return MoveTo(app, pane, pane.Cursor + m.Bytes + m.Rows * bpl, g, rows);
            case HexHome:
                return MoveTo(app, pane, 0, g, rows);
            case HexEnd:
                return MoveTo(app, pane, pane.Length - 1, g, rows);
            case HexJumpPartition j:
                var next = j.Direction > 0
                    ? pane.Partitions.FirstOrDefault(p => p.Start > pane.Cursor)
                    : pane.Partitions.LastOrDefault(p => p.Start < pane.Cursor);
                if (next is null) return AppReducer.Flash(app, pane.Partitions.IsEmpty ? "no partition map for this file" : "no more partitions that way");
                return AppReducer.Flash(MoveTo(app, pane, next.Start, g, rows, jump: true), $"{next.Name}: 0x{next.Start:X}–0x{next.End:X} ({next.Size:N0} bytes)");
            case HexToggleBookmark:
                var marks = pane.Bookmarks.Contains(pane.Cursor) ? pane.Bookmarks.Remove(pane.Cursor) : pane.Bookmarks.Add(pane.Cursor);
                return AppReducer.Flash(With(app, pane with { Bookmarks = marks }),
                    marks.Contains(pane.Cursor) ? $"bookmark at 0x{pane.Cursor:X}" : $"bookmark at 0x{pane.Cursor:X} removed");
            case HexJumpBookmark b:
                long? mark = b.Direction > 0
                    ? pane.Bookmarks.Where(x => x > pane.Cursor).Cast<long?>().FirstOrDefault() ?? pane.Bookmarks.Cast<long?>().FirstOrDefault()
                    : pane.Bookmarks.Reverse().Where(x => x < pane.Cursor).Cast<long?>().FirstOrDefault() ?? pane.Bookmarks.Cast<long?>().LastOrDefault();
                return mark is { } at ? MoveTo(app, pane, at, g, rows, jump: true) : AppReducer.Flash(app, "no bookmarks: m sets one");
            case HexJumpDifference d when pane.Compare is not null:
                var diff = HexSearch.NextDifference(pane.Source!, pane.Compare, pane.Cursor + d.Direction, d.Direction);
                return diff is { } at2 ? MoveTo(app, pane, at2, g, rows, jump: true) : AppReducer.Flash(app, $"no difference {(d.Direction > 0 ? "after" : "before")} 0x{pane.Cursor:X}");
            case HexFindNext f when pane.Pattern.IsEmpty:
                return AppReducer.Flash(app, "no search yet: press /", FlashLevel.Warning);
            case HexFindNext f:
                return Find(app, pane, pane.Cursor + f.Direction, f.Direction, g, rows);
            case PromptSubmitted { Purpose: PromptOverlay.SearchPurpose } s:
                if (HexSearch.ParsePattern(s.Text) is not { } pattern) return app;
                var withPattern = pane with { Pattern = pattern.ToImmutableArray(), PatternText = s.Text };
                return Find(With(app, withPattern), withPattern, pane.Cursor, 1, g, rows);
            case PromptSubmitted { Purpose: GotoPurpose } go:
                return Goto(app, pane, go.Text, g, rows);
            case PromptSubmitted { Purpose: ComparePurpose } c:
                return new Transition(app, [new OpenHexFileEffect(c.Text, AsCompare: true)]);
            default:
                return app;
        }
    }

    private Transition Find(AppState app, HexState pane, long from, int direction, HexGeometry g, int rows)
    {
        var pattern = pane.Pattern.AsSpan();
        var at = HexSearch.Find(pane.Source!, pattern, from, direction);
        string note = "";
        if (at is null)
        {
            at = HexSearch.Find(pane.Source!, pattern, direction > 0 ? 0 : pane.Length - 1, direction);
            note = " (wrapped)";
        }
        if (at is not { } found)
            return AppReducer.Flash(With(app, pane with { MatchAt = null }), $"{pane.PatternText} not found", FlashLevel.Warning);
        var moved = MoveTo(app, pane with { MatchAt = found }, found, g, rows, jump: true);
        return AppReducer.Flash(moved, $"{pane.PatternText} at 0x{found:X}{note}");
    }

    private Transition Goto(AppState app, HexState pane, string text, HexGeometry g, int rows)
    {
        text = text.Trim();
        var part = pane.Partitions.FirstOrDefault(p => p.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
        long? target = part?.Start;
        if (target is null && text.Length > 0 && text[0] is '+' or '-' && Offsets.Parse(text[1..]) is { } rel)
            target = pane.Cursor + (text[0] == '+' ? rel : -rel);
        target ??= Offsets.Parse(text);
        if (target is not { } t) return AppReducer.Flash(app, $"'{text}' is not an offset (try 0x11000, 69632 or a partition name)", FlashLevel.Warning);
        if (t >= pane.Length) return AppReducer.Flash(app, $"0x{t:X} is past the end (0x{pane.Length:X})", FlashLevel.Warning);
        return MoveTo(app, pane, t, g, rows, jump: true);
    }
}
