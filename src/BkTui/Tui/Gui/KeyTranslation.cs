using BkTui.Tui.Keys;
using TgKey = Terminal.Gui.Input.Key;
using TgCode = Terminal.Gui.Drivers.KeyCode;

namespace BkTui.Tui.Gui;

/// <summary>Terminal.Gui's key → the keymap's <see cref="Key"/> (null for keys the keymap cannot name).</summary>
public static class KeyTranslation
{
    public static Key? From(TgKey key)
    {
        var mods = (key.IsCtrl ? KeyMods.Ctrl : 0) | (key.IsAlt ? KeyMods.Alt : 0);
        var bare = key.NoCtrl.NoAlt.NoShift.KeyCode;
        if (Special(bare) is { } code) return Key.Of(code, mods | (key.IsShift ? KeyMods.Shift : 0));
        // Not key.IsKeyCodeAtoZ: it is false once Ctrl is set, which left every Ctrl+letter (Ctrl-A/E/U/W, Ctrl-O, Ctrl-L) unbound.
        if (key.IsCtrl && bare is >= TgCode.A and <= TgCode.Z) return new Key(KeyCode.Char, char.ToLowerInvariant((char)bare), mods);
        if (key.IsCtrl && bare == TgCode.Space) return new Key(KeyCode.Char, ' ', mods);
        var rune = key.AsRune;
        if (rune.Value == 0 || rune.IsBmp is false) return null;
        return new Key(KeyCode.Char, (char)rune.Value, mods & ~KeyMods.Ctrl);
    }

    private static KeyCode? Special(TgCode code) => code switch
    {
        TgCode.Enter => KeyCode.Enter,
        TgCode.Esc => KeyCode.Escape,
        TgCode.Tab => KeyCode.Tab,
        TgCode.Backspace => KeyCode.Backspace,
        TgCode.CursorUp => KeyCode.Up,
        TgCode.CursorDown => KeyCode.Down,
        TgCode.CursorLeft => KeyCode.Left,
        TgCode.CursorRight => KeyCode.Right,
        TgCode.PageUp => KeyCode.PageUp,
        TgCode.PageDown => KeyCode.PageDown,
        TgCode.Home => KeyCode.Home,
        TgCode.End => KeyCode.End,
        TgCode.Insert => KeyCode.Insert,
        TgCode.Delete => KeyCode.Delete,
        TgCode.F1 => KeyCode.F1,
        TgCode.F2 => KeyCode.F2,
        TgCode.F3 => KeyCode.F3,
        TgCode.F4 => KeyCode.F4,
        TgCode.F5 => KeyCode.F5,
        TgCode.F6 => KeyCode.F6,
        TgCode.F7 => KeyCode.F7,
        TgCode.F8 => KeyCode.F8,
        TgCode.F9 => KeyCode.F9,
        TgCode.F10 => KeyCode.F10,
        TgCode.F11 => KeyCode.F11,
        TgCode.F12 => KeyCode.F12,
        _ => null,
    };
}
