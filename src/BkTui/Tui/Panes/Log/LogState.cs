using System.Collections.Immutable;

namespace BkTui.Tui.Panes.Log;

/// <summary>
/// The log: the newest <see cref="Capacity"/> lines, how far the view is scrolled back from the end
/// (0 = following new lines), and the last search.
/// </summary>
public sealed record LogState(ImmutableList<LogLine> Lines, int ScrollBack = 0, string? Search = null, long Dropped = 0)
{
    public const int Capacity = 5000;

    public static readonly LogState Empty = new(ImmutableList<LogLine>.Empty);
}
