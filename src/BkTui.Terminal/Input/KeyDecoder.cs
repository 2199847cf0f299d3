namespace BkTui.Terminal.Input;

/// <summary>Turns the runtime's <see cref="ConsoleKeyInfo"/> into a <see cref="Key"/>.</summary>
public static class KeyDecoder
{
    public static Key Decode(ConsoleKeyInfo info)
    {
        var mods = KeyMods.None;
        if (info.Modifiers.HasFlag(ConsoleModifiers.Shift)) mods |= KeyMods.Shift;
        if (info.Modifiers.HasFlag(ConsoleModifiers.Alt)) mods |= KeyMods.Alt;
        if (info.Modifiers.HasFlag(ConsoleModifiers.Control)) mods |= KeyMods.Ctrl;

        var named = Named(info.Key);
        if (named is { } code)
        {
            // Enter/Tab/Backspace/Escape also arrive as their control characters.
            return Key.Of(code, mods);
        }
        char c = info.KeyChar;
        // Ctrl+letter: the runtime reports the letter key with Control (char 0x01..0x1a).
        if (info.Key is >= ConsoleKey.A and <= ConsoleKey.Z && (mods.HasFlag(KeyMods.Ctrl) || (c >= 1 && c <= 26)))
            return new Key(KeyCode.Char, (char)('a' + (info.Key - ConsoleKey.A)), (mods | KeyMods.Ctrl) & ~KeyMods.Shift);
        // Ctrl+\ arrives as D4+Control with char 0 (and 0x1c raw).
        if (c == '\u001c' || (info.Key == ConsoleKey.D4 && mods.HasFlag(KeyMods.Ctrl) && c == '\0'))
            return new Key(KeyCode.Char, '\\', KeyMods.Ctrl);
        if (c >= 1 && c <= 26)
            return new Key(KeyCode.Char, (char)('a' + c - 1), KeyMods.Ctrl | (mods & KeyMods.Alt));
        if (info.Key == ConsoleKey.Spacebar || c == ' ')
            return new Key(KeyCode.Char, ' ', mods & ~KeyMods.Shift);
        if (c >= ' ' && c != '\u007f')
            return new Key(KeyCode.Char, c, mods & ~KeyMods.Shift);
        return Key.Of(KeyCode.Unknown, mods);
    }

    /// <summary>Decodes a key that arrived right after a lone Esc (the split Alt+key case).</summary>
    public static Key WithAlt(Key key) => key with { Mods = key.Mods | KeyMods.Alt };

    private static KeyCode? Named(ConsoleKey key) => key switch
    {
        ConsoleKey.Enter => KeyCode.Enter,
        ConsoleKey.Escape => KeyCode.Escape,
        ConsoleKey.Tab => KeyCode.Tab,
        ConsoleKey.Backspace => KeyCode.Backspace,
        ConsoleKey.UpArrow => KeyCode.Up,
        ConsoleKey.DownArrow => KeyCode.Down,
        ConsoleKey.LeftArrow => KeyCode.Left,
        ConsoleKey.RightArrow => KeyCode.Right,
        ConsoleKey.PageUp => KeyCode.PageUp,
        ConsoleKey.PageDown => KeyCode.PageDown,
        ConsoleKey.Home => KeyCode.Home,
        ConsoleKey.End => KeyCode.End,
        ConsoleKey.Insert => KeyCode.Insert,
        ConsoleKey.Delete => KeyCode.Delete,
        >= ConsoleKey.F1 and <= ConsoleKey.F12 => KeyCode.F1 + (key - ConsoleKey.F1),
        _ => null,
    };
}
