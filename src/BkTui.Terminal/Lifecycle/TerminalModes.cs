namespace BkTui.Terminal.Lifecycle;

/// <summary>The escape sequences that enter and leave full-screen mode.</summary>
public static class TerminalModes
{
    /// <summary>Alternate screen, hidden cursor, autowrap off (so the bottom-right cell cannot scroll).</summary>
    public const string Enter = "\u001b[?1049h\u001b[?25l\u001b[?7l";

    /// <summary>Reset attributes, autowrap on, cursor visible, back to the main screen.</summary>
    public const string Leave = "\u001b[0m\u001b[?7h\u001b[?25h\u001b[?1049l";
}
