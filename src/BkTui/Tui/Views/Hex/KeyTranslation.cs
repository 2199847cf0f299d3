using BkKey = BkTui.Tui.Keys.Key;
using BkKeyCode = BkTui.Tui.Keys.KeyCode;
using BkMods = BkTui.Tui.Keys.KeyMods;
using TgKey = Terminal.Gui.Input.Key;
using TgKeyCode = Terminal.Gui.Drivers.KeyCode;

namespace BkTui.Tui.Views.Hex;

/// <summary>Terminal.Gui's key as the keymap table names it, so the one table keeps driving dispatch, hints and help.</summary>
public static class KeyTranslation
{
    private static readonly Dictionary<TgKeyCode, BkKeyCode> Named = new()
    {
        [TgKeyCode.CursorUp] = BkKeyCode.Up, [TgKeyCode.CursorDown] = BkKeyCode.Down,
        [TgKeyCode.CursorLeft] = BkKeyCode.Left, [TgKeyCode.CursorRight] = BkKeyCode.Right,
        [TgKeyCode.PageUp] = BkKeyCode.PageUp, [TgKeyCode.PageDown] = BkKeyCode.PageDown,
        [TgKeyCode.Home] = BkKeyCode.Home, [TgKeyCode.End] = BkKeyCode.End,
        [TgKeyCode.Enter] = BkKeyCode.Enter, [TgKeyCode.Esc] = BkKeyCode.Escape, [TgKeyCode.Tab] = BkKeyCode.Tab,
        [TgKeyCode.Backspace] = BkKeyCode.Backspace, [TgKeyCode.Delete] = BkKeyCode.Delete, [TgKeyCode.Insert] = BkKeyCode.Insert,
        [TgKeyCode.F1] = BkKeyCode.F1, [TgKeyCode.F2] = BkKeyCode.F2, [TgKeyCode.F3] = BkKeyCode.F3, [TgKeyCode.F4] = BkKeyCode.F4,
        [TgKeyCode.F5] = BkKeyCode.F5, [TgKeyCode.F6] = BkKeyCode.F6, [TgKeyCode.F7] = BkKeyCode.F7, [TgKeyCode.F8] = BkKeyCode.F8,
        [TgKeyCode.F9] = BkKeyCode.F9, [TgKeyCode.F10] = BkKeyCode.F10, [TgKeyCode.F11] = BkKeyCode.F11, [TgKeyCode.F12] = BkKeyCode.F12,
    };

    /// <summary>The keymap's key for <paramref name="key"/>, or null for keys the table cannot name.</summary>
    public static BkKey? ToKeymap(TgKey key)
    {
        var mods = (key.IsCtrl ? BkMods.Ctrl : 0) | (key.IsAlt ? BkMods.Alt : 0);
        if (Named.TryGetValue(key.NoCtrl.NoAlt.NoShift.KeyCode, out var code))
            return BkKey.Of(code, mods | (key.IsShift ? BkMods.Shift : 0));
        if (key.IsCtrl && key.IsKeyCodeAtoZ)
            return BkKey.Ctrl((char)('a' + (key.NoCtrl.NoAlt.NoShift.KeyCode - TgKeyCode.A)));
        var rune = key.NoCtrl.NoAlt.AsRune;
        if (rune.Value is < 0x20 or > 0xFFFF) return null;
        return new BkKey(BkKeyCode.Char, (char)rune.Value, mods);
    }
}
