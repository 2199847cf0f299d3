using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// The '?' dialog: the focused pane's keys first, then every pane by number, scrollable. It covers
/// the whole body (no stray cells of the pane below at its sides) and wraps long descriptions.
/// </summary>
public static class HelpView
{
    private const int KeyColumn = 16;

    /// <summary>One screen row: a section heading, or a key with (part of) its description.</summary>
    private readonly record struct Row(string Keys, string Text, bool Heading);

    public static void Draw(HelpOverlay help, AppState state, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        var area = body;
        var inner = Box.Draw(buffer, area, "Keys — Esc closes, ↓/↑ PgDn/PgUp scroll", Role.Border, kit.Unicode);
        var rows = Rows(state, kit.Keymap, kit.Panes, inner.Width);
        int visible = Math.Max(1, inner.Height);
        int scroll = Math.Clamp(help.Scroll, 0, Math.Max(0, rows.Count - visible));
        int y = inner.Y;
        foreach (var row in rows.Skip(scroll).Take(visible))
        {
            if (row.Heading)
                buffer.Put(inner.X, y++, row.Text, Theme.Id(Role.Title), inner.Right);
            else
            {
                if (row.Keys.Length > 0) buffer.Put(inner.X + 2, y, row.Keys, Theme.Id(Role.HintKey), inner.Right);
                Text.PutEllipsized(buffer, inner.X + 3 + KeyColumn, y++, row.Text, Theme.Id(Role.Normal), inner.Right);
            }
        }
        int more = rows.Count - scroll - visible;
        if (more > 0)
        {
            var text = $" {(kit.Unicode ? "↓" : "v")} {more} more ";
            buffer.Put(area.Right - text.Length - 2, area.Bottom - 1, text, Theme.Id(Role.Border), area.Right - 1);
        }
    }

    /// <summary>The scroll position kept inside the help's rows at the current screen size.</summary>
    public static int ClampScroll(AppState state, Keymap keymap, IReadOnlyList<IPane> panes, int scroll)
    {
        var inner = ScreenLayout.Compute(state).Body.Inset(1);
        int width = Math.Max(1, inner.Width - 2);
        return Math.Clamp(scroll, 0, Math.Max(0, Rows(state, keymap, panes, width).Count - Math.Max(1, inner.Height)));
    }

    private static readonly (string Mark, string Meaning)[] Legend =
    [
        ("x [Label]", "not possible now; pressing it says why"),
        ("x Label!", "changes a chip or the archive, and asks first"),
    ];

    private static List<Row> Rows(AppState state, Keymap keymap, IReadOnlyList<IPane> panes, int width)
    {
        var rows = new List<Row>();
        int textWidth = Math.Max(8, width - 3 - KeyColumn);
        foreach (var line in HelpContent.Lines(keymap, panes, state.FocusedPaneId))
        {
            if (line.Keys.Length == 0) { rows.Add(new Row("", Heading(line.Section, state, panes), true)); continue; }
            var parts = Box.Wrap(line.Label + (line.Dangerous ? " (asks first)" : ""), textWidth);
            // Keys wider than their column get a row of their own, the description below.
            if (line.Keys.Length > KeyColumn) { rows.Add(new Row(line.Keys, "", false)); rows.AddRange(parts.Select(p => new Row("", p, false))); continue; }
            rows.AddRange(parts.Select((p, i) => new Row(i == 0 ? line.Keys : "", p, false)));
        }
        // The key bar's two marks, explained nowhere else; last, so the focused pane's keys stay first.
        rows.Add(new Row("", "The key bar", true));
        foreach (var (mark, meaning) in Legend)
            rows.AddRange(Box.Wrap(meaning, textWidth).Select((p, i) => new Row(i == 0 ? mark : "", p, false)));
        return rows;
    }

    private static string Heading(string section, AppState state, IReadOnlyList<IPane> panes)
    {
        int index = panes.ToList().FindIndex(p => p.Title == section);
        if (index < 0) return section;
        return $"[{index + 1}] {section}" + (panes[index].Id == state.FocusedPaneId ? " (focused)" : "");
    }
}
