namespace BkTui.Tui.Keys;

/// <summary>Keymap contexts that are not panes.</summary>
public static class Contexts
{
    public const string Global = "global";
    public const string Help = "help";
    public const string Confirm = "confirm";
    public const string Prompt = "prompt";
    public const string Detail = "detail";
}
