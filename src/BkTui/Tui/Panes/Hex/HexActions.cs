using BkTui.Tui.State;
using BkTui.Tui.Views.Hex;

namespace BkTui.Tui.Panes.Hex;

/// <summary>Base of the hex viewer's actions.</summary>
public abstract record HexAction : PaneAction
{
    public override string PaneId => HexPane.PaneIdValue;
}

/// <summary>Moves the cursor by bytes (←/→) or rows (↑/↓) or pages.</summary>
public sealed record HexMove(long Bytes = 0, int Rows = 0, int Pages = 0) : HexAction;
public sealed record HexHome : HexAction;
public sealed record HexEnd : HexAction;
/// <summary>Next (+1) or previous (-1) partition start.</summary>
public sealed record HexJumpPartition(int Direction) : HexAction;
public sealed record HexFindNext(int Direction) : HexAction;
public sealed record HexToggleBookmark : HexAction;
public sealed record HexJumpBookmark(int Direction) : HexAction;
public sealed record HexJumpDifference(int Direction) : HexAction;
public sealed record HexCloseCompare : HexAction;
/// <summary>Shows or masks the dump's secret bytes (passwords) for this session.</summary>
public sealed record HexToggleSecrets : HexAction;

/// <summary>
/// Open a file in the viewer (from ':open' or the command line). <paramref name="EndCompare"/>: a comparison
/// started for the file shown now ends (':open' replaces that file; at start-up both sides arrive together).
/// </summary>
public sealed record HexOpenFile(string Path, bool AsCompare = false, bool EndCompare = false) : HexAction;
/// <summary>A document to show (a file just mapped, or an archived dump with its analysis); the viewer takes ownership.</summary>
public sealed record HexOpened(HexDocument Document, bool AsCompare = false) : HexAction
{
    /// <summary>For a comparison: why it may mislead (dumps of two devices), kept in the message and title.</summary>
    public string? Warning { get; init; }
}
/// <summary>The analysis of an opened file finished: its partition map.</summary>
public sealed record HexMapReady(HexDocument Document, ViewModels.PartitionMapView Map) : HexAction;
/// <summary>The viewer moved or changed (raised by the viewer, kept for the title and the keys it enables).</summary>
public sealed record HexViewChanged(string Status, bool Comparing) : HexAction;
/// <summary>The open dump's partition names (from its own map), for the goto prompt's completion.</summary>
public sealed record HexPartitionNames(System.Collections.Immutable.ImmutableArray<string> Names) : HexAction;
