using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// The top row: every pane by number and name ("1 Ports  2 Queue ..."), the focused one
/// highlighted, and READ-ONLY / running jobs on the right. When the names do not fit, the program
/// name goes first, then unfocused names are cut to three letters (the numbers always stay).
/// </summary>
public static class TabStrip
{
    public static void Draw(AppState state, ScreenBuffer buffer, Rect area, RenderKit kit)
    {
        var right = (state.ReadOnly ? "READ-ONLY " : "") + (state.JobsRunning > 0 ? state.JobsText + " " : "");
        var tabs = state.PaneOrder.Select((id, i) => (i, pane: kit.Pane(id))).Where(t => t.pane is not null).ToList();
        int room = area.Width - right.Length - 1;
        int Width(bool named, bool shortNames) => (named ? 7 : 0) + tabs.Sum(t => 3 + Label(t.i, t.pane!.Title, shortNames && t.i != state.Focus).Length);
        bool named = Width(true, false) <= room;
        bool shortNames = !named && Width(false, false) > room;
        int x = area.X;
        if (named) x = buffer.Put(x, area.Y, " BkTui ", Theme.Id(Role.Header));
        foreach (var (i, pane) in tabs)
        {
            x = buffer.Put(x, area.Y, " ", 0, area.Right);
            x = buffer.Put(x, area.Y, " " + Label(i, pane!.Title, shortNames && i != state.Focus) + " ",
                i == state.Focus ? Theme.Id(Role.TitleFocused) : Theme.Id(Role.Normal), area.Right);
        }
        if (right.Length > 0 && area.Right - right.Length > x + 1)
            buffer.Put(area.Right - right.Length, area.Y, right, state.ReadOnly ? Theme.Id(Role.Warning) : Theme.Id(Role.Ok));
    }

    private static string Label(int index, string title, bool shortName) =>
        $"{index + 1} {(shortName && title.Length > 3 ? title[..3] : title)}";
}
