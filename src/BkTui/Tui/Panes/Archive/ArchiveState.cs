using System.Collections.Immutable;
using BkTui.Core.Archive;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Archive;

/// <summary>Devices and dumps as last read from the archive, the filter, the selection (a row key) and the dump marked for a diff.</summary>
public sealed record ArchiveState
{
    public ImmutableArray<DeviceRecord> Devices { get; init; } = ImmutableArray<DeviceRecord>.Empty;
    public ImmutableArray<DumpSummary> Dumps { get; init; } = ImmutableArray<DumpSummary>.Empty;
    public string? Filter { get; init; }
    public string? Selected { get; init; }
    public long? Marked { get; init; }
    public bool Loaded { get; init; }
}

public abstract record ArchiveAction : PaneAction
{
    public override string PaneId => ArchivePane.PaneIdValue;
}

public sealed record ArchiveLoaded(IReadOnlyList<DeviceRecord> Devices, IReadOnlyList<DumpSummary> Dumps) : ArchiveAction;
public sealed record ArchiveMove(int Delta) : ArchiveAction;
/// <summary>Open the selected dump in the hex viewer with its partition map.</summary>
public sealed record ArchiveOpen : ArchiveAction;
/// <summary>Mark the selected dump as the first side of a diff.</summary>
public sealed record ArchiveMark : ArchiveAction;
/// <summary>Compare the marked dump with the selected one in the hex viewer.</summary>
public sealed record ArchiveDiff : ArchiveAction;
public sealed record ArchiveRefresh : ArchiveAction;
/// <summary>Write the selected dump back to the marked/selected port (bootloader kept).</summary>
public sealed record ArchiveRestore : ArchiveAction;
/// <summary>Show everything the filter hid again.</summary>
public sealed record ArchiveClearFilter : ArchiveAction;
/// <summary>Analyse the selected dump and show the report (secrets masked).</summary>
public sealed record ArchiveAnalyze : ArchiveAction;
/// <summary>Bootloader recovery: the selected dump written whole (0x000000 up) to the selected port, after a typed consent.</summary>
public sealed record ArchiveRecover : ArchiveAction;
/// <summary>The recovery's dump, analysed off the UI thread: <paramref name="Bootloader"/> names what goes to 0x000000; the typed question follows.</summary>
public sealed record ArchiveRecoveryRead(BkTui.Core.Jobs.JobRequest Request, string Bootloader) : ArchiveAction;
/// <summary>`:run restore-factory`: the restore (or, with AllowBootloader, the recovery) question for the dump and port it names.</summary>
public sealed record ArchiveWriteBack(BkTui.Core.Jobs.JobRequest Request) : ArchiveAction;
/// <summary>Label the selected dump, or name the selected device (a name is shown before its MAC).</summary>
public sealed record ArchiveLabel : ArchiveAction;
