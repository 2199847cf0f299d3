using BkTui.Terminal.Screen;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>Where one pane goes: its title row and its body.</summary>
public sealed record PaneSlot(string PaneId, int Number, Rect Title, Rect Body, bool Focused);

/// <summary>The screen's regions for a state.</summary>
public sealed record LayoutResult(bool TooSmall, Rect Header, Rect Message, Rect Hints, Rect Body, IReadOnlyList<PaneSlot> Slots)
{
    public PaneSlot? Slot(string paneId) => Slots.FirstOrDefault(s => s.PaneId == paneId);
}

/// <summary>
/// Layout as a pure function of (size, state). 80×24 is the design size: header row, message row,
/// hint row, and 21 rows for the focused pane. From 132 columns (unless zoomed) a second pane sits
/// on the right: the log, or when the log is focused the first other pane.
/// </summary>
public static class ScreenLayout
{
    public const int MinWidth = 80;
    public const int MinHeight = 24;
    public const int WideFrom = 132;
    public const string SidePaneId = "log";

    public static LayoutResult Compute(AppState state)
    {
        int w = state.Width, h = state.Height;
        if (w < MinWidth || h < MinHeight)
            return new LayoutResult(true, default, default, default, new Rect(0, 0, w, h), []);
        var header = new Rect(0, 0, w, 1);
        var message = new Rect(0, h - 2, w, 1);
        var hints = new Rect(0, h - 1, w, 1);
        var body = new Rect(0, 1, w, h - 3);
        var order = state.PaneOrder;
        if (order.IsDefaultOrEmpty) return new LayoutResult(false, header, message, hints, body, []);
        int focus = Math.Clamp(state.Focus, 0, order.Length - 1);
        var slots = new List<PaneSlot>();
        string? side = SideFor(state, focus);
        if (side is null)
        {
            slots.Add(Slot(order[focus], focus, body, focused: true));
        }
        else
        {
            // Leave the focused pane 88 columns at 132 (a 16-byte hex row with the partition margin).
            int sideWidth = Math.Max(36, Math.Min(w / 3, w - 1 - 88));
            var left = new Rect(0, body.Y, w - sideWidth - 1, body.Height);
            var right = new Rect(w - sideWidth, body.Y, sideWidth, body.Height);
            slots.Add(Slot(order[focus], focus, left, focused: true));
            slots.Add(Slot(side, order.IndexOf(side), right, focused: false));
        }
        return new LayoutResult(false, header, message, hints, body, slots);
    }

    /// <summary>The body rectangle a pane would get if it were focused (for reducers of hidden panes).</summary>
    public static Rect BodyFor(AppState state, string paneId)
    {
        var layout = Compute(state);
        if (layout.Slot(paneId) is { } slot) return slot.Body;
        int index = state.PaneOrder.IndexOf(paneId);
        if (index < 0 || layout.TooSmall) return new Rect(0, 0, Math.Max(1, state.Width), Math.Max(1, state.Height - 4));
        return Compute(state with { Focus = index }).Slot(paneId)?.Body ?? layout.Body;
    }

    private static string? SideFor(AppState state, int focus)
    {
        var order = state.PaneOrder;
        if (state.Width < WideFrom || state.Zoomed || order.Length < 2) return null;
        if (order[focus] != SidePaneId) return order.Contains(SidePaneId) ? SidePaneId : order[(focus + 1) % order.Length];
        return order[(focus + 1) % order.Length];
    }

    private static PaneSlot Slot(string id, int index, Rect area, bool focused) =>
        new(id, index + 1, new Rect(area.X, area.Y, area.Width, 1), new Rect(area.X, area.Y + 1, area.Width, area.Height - 1), focused);
}
