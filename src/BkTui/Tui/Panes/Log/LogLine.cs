namespace BkTui.Tui.Panes.Log;

public enum LogLevel { Debug, Info, Warning, Error }

/// <summary>One line of the log pane (text may come from a device: it is sanitised when drawn).</summary>
public sealed record LogLine(DateTimeOffset Time, LogLevel Level, string Text);
