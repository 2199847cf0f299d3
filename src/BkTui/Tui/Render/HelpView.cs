using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>The '?' dialog: the focused pane's keys first, then every pane by number, scrollable.</summary>
public static class HelpView
{
    public static void Draw(HelpOverlay help, AppState state, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        var area = body.Centered(Math.Min(body.Width - 2, 78), body.Height);
        var inner = Box.Draw(buffer, area, "Keys — Esc closes, ↓/↑ scroll", Role.Border, kit.Unicode);
        var lines = HelpContent.Lines(kit.Keymap, kit.Panes, state.FocusedPaneId);
        int visible = Math.Max(1, inner.Height);
        int scroll = Math.Clamp(help.Scroll, 0, Math.Max(0, lines.Count - visible));
        int y = inner.Y;
        foreach (var line in lines.Skip(scroll).Take(visible))
        {
            if (line.Keys.Length == 0)
                buffer.Put(inner.X, y++, Heading(line.Section, state, kit), Theme.Id(Role.Title), inner.Right);
            else
            {
                int x = buffer.Put(inner.X + 2, y, Text.Fit(line.Keys, 16), Theme.Id(Role.HintKey), inner.Right);
                Text.PutEllipsized(buffer, x + 1, y++, line.Label + (line.Dangerous ? " (asks first)" : ""), Theme.Id(Role.Normal), inner.Right);
            }
        }
        int more = lines.Count - scroll - visible;
        if (more > 0)
        {
            var text = $" {(kit.Unicode ? "↓" : "v")} {more} more ";
            buffer.Put(area.Right - text.Length - 2, area.Bottom - 1, text, Theme.Id(Role.Border), area.Right - 1);
        }
    }

    private static string Heading(string section, AppState state, RenderKit kit)
    {
        int index = kit.Panes.ToList().FindIndex(p => p.Title == section);
        if (index < 0) return section;
        return $"[{index + 1}] {section}" + (kit.Panes[index].Id == state.FocusedPaneId ? " (focused)" : "");
    }
}
