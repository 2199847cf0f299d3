using BkTui.Tui.Render;
using BkTui.Tui.Panes;

namespace BkTui.Tui;

/// <summary>How the TUI starts.</summary>
public sealed record TuiOptions
{
    public ColorMode Color { get; init; } = ColorMode.Ansi16;
    /// <summary>Unicode box drawing; false for ASCII borders.</summary>
    public bool Unicode { get; init; } = true;
    public bool ReadOnly { get; init; }
    /// <summary>Why a job stopped by quitting cannot be resumed here (the demo's ports go on exit); null when it can.</summary>
    public string? NoResumeBecause { get; init; }
    /// <summary>Show secrets (passwords) in the hex view from the start; else masked until S.</summary>
    public bool RevealSecrets { get; init; }
    /// <summary>File opened in the hex viewer at start (which then has the focus).</summary>
    public string? HexFile { get; init; }
    public string? CompareFile { get; init; }
    /// <summary>Minimum time between frames (16 ms; 33 ms is plenty on a Pi).</summary>
    public TimeSpan FrameBudget { get; init; } = TimeSpan.FromMilliseconds(16);
    /// <summary>Panes to show; null = <see cref="PaneCatalog.Create"/>.</summary>
    public IReadOnlyList<IPane>? Panes { get; init; }
    /// <summary>The clock (fixed in tests).</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.Now;
}
