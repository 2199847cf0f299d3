using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// The bottom line of key hints, generated from the keymap: the focused pane's most important keys
/// first, the general ones after; "? All keys" and "q Quit" stay at the right end, so the bar always
/// says how to see the rest. Dangerous entries end with '!', disabled ones are dim (and bracketed,
/// so mono still shows it); what does not fit is replaced by '…'.
/// </summary>
public static class HintBar
{
    public static void Draw(AppState state, ScreenBuffer buffer, Rect area, RenderKit kit)
    {
        var all = kit.Keymap.BarFor(state).ToList();
        var pinned = all.Where(Keymap.IsPinned).ToList();
        int pinnedWidth = pinned.Sum(b => Width(b, state) + 2);
        int right = area.Right - 1 - pinnedWidth;
        int x = area.X + 1;
        foreach (var b in all.Where(b => !Keymap.IsPinned(b)))
        {
            if (x + Width(b, state) > right - 1)
            {
                buffer.Put(Math.Min(x, right - 1), area.Y, "…", Theme.Id(Role.Dim), area.Right);
                break;
            }
            x = Put(buffer, x, area, b, state) + 2;
        }
        x = Math.Max(x, right + 1);
        foreach (var b in pinned) x = Put(buffer, x, area, b, state) + 2;
    }

    private static string LabelOf(Binding b, AppState state)
    {
        bool disabled = b.DisabledReason?.Invoke(state) is not null;
        return (disabled ? "[" + b.BarLabel + "]" : b.BarLabel) + (b.Dangerous ? "!" : "");
    }

    private static int Width(Binding b, AppState state) => CellWidth.Of(b.KeysText) + 1 + CellWidth.Of(LabelOf(b, state));

    private static int Put(ScreenBuffer buffer, int x, Rect area, Binding b, AppState state)
    {
        int S(Role r) => Theme.Id(r);
        bool disabled = b.DisabledReason?.Invoke(state) is not null;
        x = buffer.Put(x, area.Y, b.KeysText, disabled ? S(Role.HintDisabled) : S(Role.HintKey), area.Right);
        return buffer.Put(x, area.Y, " " + LabelOf(b, state), disabled ? S(Role.HintDisabled) : b.Dangerous ? S(Role.Danger) : S(Role.Hint), area.Right);
    }
}
