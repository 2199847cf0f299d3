using System.Collections.Immutable;

namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// The hex viewer's state. The cursor is a byte address (not a row), so a resize or a different
/// bytes-per-line keeps the same byte in view; <see cref="Top"/> is the first shown address.
/// </summary>
public sealed record HexState
{
    public IByteSource? Source { get; init; }
    public long Cursor { get; init; }
    public long Top { get; init; }
    public ImmutableArray<PartitionRange> Partitions { get; init; } = ImmutableArray<PartitionRange>.Empty;
    public ImmutableSortedSet<long> Bookmarks { get; init; } = ImmutableSortedSet<long>.Empty;
    /// <summary>The other file of a comparison (changed bytes highlighted).</summary>
    public IByteSource? Compare { get; init; }
    /// <summary>The last search pattern and where it last matched.</summary>
    public ImmutableArray<byte> Pattern { get; init; } = ImmutableArray<byte>.Empty;
    public string? PatternText { get; init; }
    public long? MatchAt { get; init; }

    public long Length => Source?.Length ?? 0;

    public PartitionRange? PartitionAt(long offset)
    {
        foreach (var p in Partitions) if (p.Contains(offset)) return p;
        return null;
    }
}
