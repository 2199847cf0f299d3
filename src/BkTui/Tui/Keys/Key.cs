namespace BkTui.Tui.Keys;

/// <summary>What a key is, independent of how the terminal encoded it.</summary>
public enum KeyCode
{
    /// <summary>A printable character (see <see cref="Key.Char"/>).</summary>
    Char,
    Enter, Escape, Tab, Backspace,
    Up, Down, Left, Right,
    PageUp, PageDown, Home, End, Insert, Delete,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    Unknown,
}

[Flags]
public enum KeyMods
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Ctrl = 4,
}

/// <summary>
/// A decoded key. For <see cref="KeyCode.Char"/>, <see cref="Char"/> is the character as typed
/// ('Q' for Shift+q, so Shift is not repeated in <see cref="Mods"/>); Ctrl+letter carries the
/// lower-case letter and <see cref="KeyMods.Ctrl"/>.
/// </summary>
public readonly record struct Key(KeyCode Code, char Char = '\0', KeyMods Mods = KeyMods.None)
{
    public static Key Ch(char c) => new(KeyCode.Char, c);
    public static Key Ctrl(char letter) => new(KeyCode.Char, char.ToLowerInvariant(letter), KeyMods.Ctrl);
    public static Key Alt(char c) => new(KeyCode.Char, c, KeyMods.Alt);
    public static Key Of(KeyCode code, KeyMods mods = KeyMods.None) => new(code, '\0', mods);

    public bool IsPrintable => Code == KeyCode.Char && Mods == KeyMods.None && Char >= ' ';

    /// <summary>Canonical name: "q", "Space", "Ctrl+C", "Alt+x", "Shift+Tab", "PgDn", "F5", "Up".</summary>
    public override string ToString()
    {
        var prefix = (Mods.HasFlag(KeyMods.Ctrl) ? "Ctrl+" : "") + (Mods.HasFlag(KeyMods.Alt) ? "Alt+" : "") + (Mods.HasFlag(KeyMods.Shift) ? "Shift+" : "");
        string name = Code switch
        {
            KeyCode.Char when Char == ' ' => "Space",
            KeyCode.Char when Mods.HasFlag(KeyMods.Ctrl) => char.ToUpperInvariant(Char).ToString(),
            KeyCode.Char => Char.ToString(),
            KeyCode.PageUp => "PgUp",
            KeyCode.PageDown => "PgDn",
            KeyCode.Escape => "Esc",
            KeyCode.Delete => "Del",
            KeyCode.Insert => "Ins",
            _ => Code.ToString(),
        };
        return prefix + name;
    }
}
