namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// What the state knows of the hex viewer: its title text and whether a comparison is open (for the
/// keys it enables). The bytes, cursor and bookmarks live in the viewer itself
/// (<see cref="Views.Hex.HexDumpView"/>), which draws the pane's body. The partition names are kept
/// here so the goto prompt completes them from state.
/// </summary>
public sealed record HexState(string Status = Views.Hex.HexDumpView.NoFileStatus, bool Comparing = false)
{
    public System.Collections.Immutable.ImmutableArray<string> PartitionNames { get; init; } = [];
}
