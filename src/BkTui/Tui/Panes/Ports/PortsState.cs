using System.Collections.Immutable;
using BkTui.Core.Archive;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Ports;

/// <summary>The adapters, what the archive knows of them, their jobs, the selection (a path) and the marks.</summary>
public sealed record PortsState
{
    public ImmutableArray<PortInfo> Ports { get; init; } = ImmutableArray<PortInfo>.Empty;
    public ImmutableArray<DeviceRecord> Devices { get; init; } = ImmutableArray<DeviceRecord>.Empty;
    public ImmutableDictionary<long, JobSnapshot> Jobs { get; init; } = ImmutableDictionary<long, JobSnapshot>.Empty;
    public string? Selected { get; init; }
    public ImmutableSortedSet<string> Marked { get; init; } = ImmutableSortedSet<string>.Empty;
    public bool Loaded { get; init; }
    /// <summary>When the last quiet poll started (see <see cref="PortsPane.PollInterval"/>), and whether it is still out.</summary>
    public DateTimeOffset PolledAt { get; init; }
    public bool Polling { get; init; }
}

public abstract record PortsAction : PaneAction
{
    public override string PaneId => PortsPane.PaneIdValue;
}

/// <summary>The engine's port list and device facts (on start and on refresh).</summary>
public sealed record PortsLoaded(IReadOnlyList<PortInfo> Ports, IReadOnlyList<DeviceRecord> Devices, IReadOnlyList<JobSnapshot>? Jobs = null) : PortsAction;
/// <summary>A quiet poll's port list (null when it failed: R shows why).</summary>
public sealed record PortsPolled(IReadOnlyList<PortInfo>? Ports) : PortsAction;
public sealed record PortsJobChanged(JobSnapshot Job) : PortsAction;
public sealed record PortsMove(int Delta) : PortsAction;
public sealed record PortsToggleMark : PortsAction;
public sealed record PortsRefresh : PortsAction;
/// <summary>Unmark every port (jobs go to the selected one again).</summary>
public sealed record PortsClearMarks : PortsAction;
