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
        var right = RightText(state);
        var (named, tabs) = Layout(state, area, kit);
        if (named) buffer.Put(area.X, area.Y, " BkTui ", Theme.Id(Role.Header));
        foreach (var tab in tabs)
        {
            buffer.Put(tab.X - 1, area.Y, " ", 0, area.Right);
            buffer.Put(tab.X, area.Y, tab.Text, tab.Index == state.Focus ? Theme.Id(Role.TitleFocused) : Theme.Id(Role.Normal), area.Right);
        }
        int end = tabs.Count > 0 ? tabs[^1].X + tabs[^1].Text.Length : area.X;
        if (right.Length > 0 && area.Right - right.Length > end + 1)
            buffer.Put(area.Right - right.Length, area.Y, right, state.ReadOnly ? Theme.Id(Role.Warning) : Theme.Id(Role.Ok));
    }

    /// <summary>The pane number (1-based) whose tab label is at column <paramref name="x"/>, for a click on the strip.</summary>
    public static int? NumberAt(AppState state, Rect area, RenderKit kit, int x) =>
        Layout(state, area, kit).Tabs.FirstOrDefault(t => x >= t.X && x < Math.Min(area.Right, t.X + t.Text.Length)) is { Text: not null } hit ? hit.Index + 1 : null;

    private readonly record struct Tab(int Index, int X, string Text);

    /// <summary>Where each tab label goes (the same for drawing and for clicks).</summary>
    private static (bool Named, List<Tab> Tabs) Layout(AppState state, Rect area, RenderKit kit)
    {
        var tabs = state.PaneOrder.Select((id, i) => (i, pane: kit.Pane(id))).Where(t => t.pane is not null).ToList();
        int room = area.Width - RightText(state).Length - 1;
        int Width(bool named, bool shortNames) => (named ? 7 : 0) + tabs.Sum(t => 3 + Label(t.i, t.pane!.Title, shortNames && t.i != state.Focus).Length);
        bool named = Width(true, false) <= room;
        bool shortNames = !named && Width(false, false) > room;
        int x = area.X + (named ? 7 : 0);
        var placed = new List<Tab>();
        foreach (var (i, pane) in tabs)
        {
            var text = " " + Label(i, pane!.Title, shortNames && i != state.Focus) + " ";
            placed.Add(new Tab(i, x + 1, text));
            x += 1 + text.Length;
        }
        return (named, placed);
    }

    private static string RightText(AppState state) =>
        (state.ReadOnly ? "READ-ONLY " : "") + (state.JobsRunning > 0 ? state.JobsText + " " : "");

    private static string Label(int index, string title, bool shortName) =>
        $"{index + 1} {(shortName && title.Length > 3 ? title[..3] : title)}";
}
