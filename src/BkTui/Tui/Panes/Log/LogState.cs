using System.Collections.Immutable;

namespace BkTui.Tui.Panes.Log;

/// <summary>
/// The log: the newest <see cref="Capacity"/> lines, how far the view is scrolled back from the end
/// (0 = following new lines), the last search, and the filter (only lines containing it are shown;
/// scrolling and search work on the shown lines).
/// </summary>
public sealed record LogState(ImmutableList<LogLine> Lines, int ScrollBack = 0, string? Search = null, long Dropped = 0, string? Filter = null)
{
    public const int Capacity = 5000;

    /// <summary>The lines the pane shows: all of them, or those containing the filter.</summary>
    public IReadOnlyList<LogLine> Shown => Filter is null ? Lines : Lines.Where(Passes).ToList();

    public bool Passes(LogLine line) => Filter is null || line.Text.Contains(Filter, StringComparison.OrdinalIgnoreCase);

    public static readonly LogState Empty = new(ImmutableList<LogLine>.Empty);
}
