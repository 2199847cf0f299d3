using BkTui.Tui.Keys;
using BkTui.Tui.State;

namespace BkTui.Tui.Keys;

/// <summary>
/// One row of the keymap: in <see cref="Context"/> (a pane id, an overlay, or "global") the
/// <see cref="Keys"/> dispatch <see cref="Action"/>. The same row feeds the hint bar
/// (<see cref="ShowInBar"/>, ordered by <see cref="Order"/>), the '?' help and the README table.
/// </summary>
public sealed record Binding(string Context, Key[] Keys, AppAction Action, string Label)
{
    public bool ShowInBar { get; init; }
    /// <summary>Changes a device: flagged '!' in hints, confirmed, absent in --read-only.</summary>
    public bool Dangerous { get; init; }
    public int Order { get; init; }
    /// <summary>Hidden from help and README (e.g. the 2..9 variants of "jump to pane").</summary>
    public bool HideInHelp { get; init; }
    /// <summary>Shown instead of the joined key names (e.g. "1-9").</summary>
    public string? KeyText { get; init; }
    /// <summary>The short label of the hint bar (the help shows <see cref="Label"/>); null: the label.</summary>
    public string? Hint { get; init; }
    /// <summary>When it returns a reason, the binding is shown dim and does nothing.</summary>
    public Func<AppState, string?>? DisabledReason { get; init; }
    /// <summary>When it returns false the bar leaves the key out (it still works, and help lists it).</summary>
    public Func<AppState, bool>? BarWhen { get; init; }

    public string KeysText => KeyText ?? string.Join("/", Keys.Select(KeyName.Of));

    public string BarLabel => Hint ?? Label;
}

/// <summary>Short display names for keys in hints and help.</summary>
public static class KeyName
{
    public static string Of(Key key) => key switch
    {
        { Code: KeyCode.Up, Mods: KeyMods.None } => "↑",
        { Code: KeyCode.Down, Mods: KeyMods.None } => "↓",
        { Code: KeyCode.Left, Mods: KeyMods.None } => "←",
        { Code: KeyCode.Right, Mods: KeyMods.None } => "→",
        _ => key.ToString(),
    };
}

/// <summary>Helpers for writing keymap blocks compactly.</summary>
public static class K
{
    public static Key C(char c) => Key.Ch(c);
    public static Key Ctrl(char c) => Key.Ctrl(c);
    public static Key Of(KeyCode code, KeyMods mods = KeyMods.None) => Key.Of(code, mods);
}
