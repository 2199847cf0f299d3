using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// The bottom line of key hints, generated from the keymap ("q Quit  ? Help ..."): dangerous
/// entries end with '!', disabled ones are dim (and bracketed, so mono still shows it); cut with '…'.
/// </summary>
public static class HintBar
{
    public static void Draw(AppState state, ScreenBuffer buffer, Rect area, RenderKit kit)
    {
        int S(Role r) => Theme.Id(r);
        int x = area.X + 1;
        foreach (var b in kit.Keymap.BarFor(state))
        {
            bool disabled = b.DisabledReason?.Invoke(state) is not null;
            var label = (disabled ? "[" + b.Label + "]" : b.Label) + (b.Dangerous ? "!" : "");
            int need = b.KeysText.Length + 1 + label.Length;
            if (x + need > area.Right - 1)
            {
                buffer.Put(Math.Min(x, area.Right - 1), area.Y, "…", S(Role.Dim), area.Right);
                return;
            }
            x = buffer.Put(x, area.Y, b.KeysText, disabled ? S(Role.HintDisabled) : S(Role.HintKey), area.Right);
            x = buffer.Put(x, area.Y, " " + label, disabled ? S(Role.HintDisabled) : b.Dangerous ? S(Role.Danger) : S(Role.Hint), area.Right);
            x += 2;
        }
    }
}
