namespace BkTui.Tui.Keys;

/// <summary>Keymap contexts that are not panes.</summary>
public static class Contexts
{
    public const string Global = "global";
    public const string Help = "help";
    public const string Confirm = "confirm";
    public const string Prompt = "prompt";
    /// <summary>A prompt whose answer is a file path (consulted before <see cref="Prompt"/>).</summary>
    public const string PathPrompt = "path-prompt";
    public const string Picker = "picker";
    public const string Detail = "detail";
}
