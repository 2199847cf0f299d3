using System.Collections.Immutable;
using BkTui.Tui.State;

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

/// <summary>Open a file in the viewer (from the archive, ':' or the command line).</summary>
public sealed record HexOpenFile(string Path, bool AsCompare = false) : HexAction;
/// <summary>A file was opened by <see cref="OpenHexFileEffect"/>.</summary>
public sealed record HexOpened(IByteSource Source, bool AsCompare = false) : HexAction;
/// <summary>The partition map to show (from the dump analysis or the command line).</summary>
public sealed record HexSetPartitions(ImmutableArray<PartitionRange> Partitions) : HexAction;

/// <summary>Opens a file off the UI thread and hands it back as <see cref="HexOpened"/>.</summary>
public sealed record OpenHexFileEffect(string Path, bool AsCompare) : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        try
        {
            context.Post(new HexOpened(MappedFileSource.Open(Path), AsCompare));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Post(new ShowFlash($"cannot open {Path}: {e.Message}", FlashLevel.Error));
        }
        return Task.CompletedTask;
    }
}
