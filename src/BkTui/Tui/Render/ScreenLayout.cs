using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>Where one pane goes: its title row and its body.</summary>
public sealed record PaneSlot(string PaneId, int Number, Rect Title, Rect Body, bool Focused);

/// <summary>The screen's regions for a state.</summary>
public sealed record LayoutResult(bool TooSmall, bool Tiled, Rect Header, Rect Message, Rect Hints, Rect Body, IReadOnlyList<PaneSlot> Slots)
{
    public PaneSlot? Slot(string paneId) => Slots.FirstOrDefault(s => s.PaneId == paneId);

    /// <summary>The pane drawn at a screen cell (title or body), if any.</summary>
    public PaneSlot? SlotAt(int x, int y) => Slots.FirstOrDefault(s =>
        x >= s.Title.X && x < s.Title.Right && y >= s.Title.Y && y < s.Body.Bottom);
}

/// <summary>
/// Layout as a pure function of (size, state). Header row (the tab strip), message row, hint row.
/// From <see cref="TiledWidth"/>×<see cref="TiledHeight"/> (unless zoomed) the panes are tiled: the
/// bench on the left (ports, device, queue), the viewer on the right (hex, or the archive or log
/// when one of them has the focus) over the partition map. Smaller, one focused pane at a time.
/// </summary>
public static class ScreenLayout
{
    public const int MinWidth = 80;
    public const int MinHeight = 24;
    public const int TiledWidth = 100;
    public const int TiledHeight = 30;

    /// <summary>The screen is large enough for the tiles (unless a pane is zoomed).</summary>
    public static bool TilesFit(AppState state) => state.Width >= TiledWidth && state.Height >= TiledHeight;

    /// <summary>Left column, top to bottom, with the share of its height each pane wants.</summary>
    private static readonly (string Id, int Weight)[] LeftColumn = [("ports", 3), ("device", 3), ("queue", 4)];
    /// <summary>Panes that take the right column's main slot when focused; the first is the default.</summary>
    private static readonly string[] Viewers = ["hex", "archive", "log"];
    private const string MapPane = "partitions";
    private const int MapRows = 9;

    public static LayoutResult Compute(AppState state)
    {
        int w = state.Width, h = state.Height;
        if (w < MinWidth || h < MinHeight)
            return new LayoutResult(true, false, default, default, default, new Rect(0, 0, w, h), []);
        var header = new Rect(0, 0, w, 1);
        var message = new Rect(0, h - 2, w, 1);
        var hints = new Rect(0, h - 1, w, 1);
        var body = new Rect(0, 1, w, h - 3);
        var order = state.PaneOrder;
        if (order.IsDefaultOrEmpty) return new LayoutResult(false, false, header, message, hints, body, []);
        int focus = Math.Clamp(state.Focus, 0, order.Length - 1);
        bool tiled = TilesFit(state) && !state.Zoomed && order.Length > 1;
        var slots = tiled ? Tiled(state, body, focus) : [Slot(state, order[focus], body)];
        return new LayoutResult(false, tiled, header, message, hints, body, slots);
    }

    /// <summary>The body rectangle a pane has (or would get if it were focused), for reducers of hidden panes.</summary>
    public static Rect BodyFor(AppState state, string paneId)
    {
        var layout = Compute(state);
        if (layout.Slot(paneId) is { } slot) return slot.Body;
        int index = state.PaneOrder.IndexOf(paneId);
        if (index < 0 || layout.TooSmall) return new Rect(0, 0, Math.Max(1, state.Width), Math.Max(1, state.Height - 4));
        return Compute(state with { Focus = index }).Slot(paneId)?.Body ?? layout.Body;
    }

    private static List<PaneSlot> Tiled(AppState state, Rect body, int focus)
    {
        var order = state.PaneOrder;
        var left = LeftColumn.Where(p => order.Contains(p.Id)).ToList();
        var focused = order[focus];
        var viewer = Viewers.Contains(focused) ? focused : Viewers.FirstOrDefault(order.Contains);
        // Under the viewer: the partition map, or (without one) another viewer such as the log.
        var under = order.Contains(MapPane) ? MapPane : Viewers.FirstOrDefault(v => v != viewer && order.Contains(v));
        // Panes with no tile (a custom catalogue) take the viewer slot when focused.
        if (!left.Any(p => p.Id == focused) && focused != under && !Viewers.Contains(focused)) viewer = focused;
        var slots = new List<PaneSlot>();
        // Two fifths for the bench, less at 100 to 104 columns so the viewer keeps 16 hex bytes a row.
        int leftWidth = left.Count == 0 ? 0 : Math.Clamp(Math.Min(body.Width * 2 / 5, body.Width - 1 - Views.Hex.HexLayout.SixteenBytesWidth), 36, 60);
        if (left.Count > 0)
        {
            int total = left.Sum(p => p.Weight), y = body.Y, used = 0;
            for (int i = 0; i < left.Count; i++)
            {
                used += left[i].Weight;
                int bottom = i == left.Count - 1 ? body.Bottom : body.Y + body.Height * used / total;
                slots.Add(Slot(state, left[i].Id, new Rect(0, y, leftWidth, bottom - y)));
                y = bottom;
            }
        }
        int rx = leftWidth == 0 ? 0 : leftWidth + 1;
        var right = new Rect(rx, body.Y, body.Width - rx, body.Height);
        int underRows = under is not null && viewer is not null ? Math.Min(MapRows, right.Height / 3) : 0;
        if (viewer is not null) slots.Add(Slot(state, viewer, right with { Height = right.Height - underRows }));
        if (under is not null) slots.Add(Slot(state, under, viewer is null ? right : new Rect(right.X, right.Bottom - underRows, right.Width, underRows)));
        return slots;
    }

    private static PaneSlot Slot(AppState state, string id, Rect area) =>
        new(id, state.PaneOrder.IndexOf(id) + 1, new Rect(area.X, area.Y, area.Width, 1),
            new Rect(area.X, area.Y + 1, area.Width, Math.Max(0, area.Height - 1)), id == state.FocusedPaneId);
}
