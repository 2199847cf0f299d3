using System.Collections.Immutable;
using BkTui.Core.Flashing;
using BkTui.Core.Monitor;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Panes.Device;

/// <summary>
/// The chips identified this session (by port) with their verdicts, the last identify asked for
/// (its port, whether it runs, its error), and the boot-log monitor (its lines and what they told).
/// </summary>
public sealed record DeviceState
{
    public const int MonitorCapacity = 500;

    /// <summary>The port of the last identify.</summary>
    public string? Port { get; init; }
    public ImmutableDictionary<string, DeviceView> Identified { get; init; } = ImmutableDictionary<string, DeviceView>.Empty;
    public bool Identifying { get; init; }
    /// <summary>Why the last identify (on <see cref="Port"/>) failed.</summary>
    public string? Error { get; init; }
    public string? MonitorPort { get; init; }
    /// <summary>The running monitor (disposed when stopped or replaced).</summary>
    public IDisposable? Monitor { get; init; }
    public ImmutableList<string> Lines { get; init; } = ImmutableList<string>.Empty;
    public BootSummary Boot { get; init; } = BootSummary.Empty;
    /// <summary>Rows of facts and advice scrolled past (a short tile shows the rest with j).</summary>
    public int Scroll { get; init; }
}

public abstract record DeviceAction : PaneAction
{
    public override string PaneId => DevicePane.PaneIdValue;
}

/// <summary>Identify the chip on the marked/selected port of [Ports].</summary>
public sealed record DeviceIdentifySelected : DeviceAction;
public sealed record DeviceIdentified(string Port, ChipInfo Info) : DeviceAction;
public sealed record DeviceFailed(string Port, string Message) : DeviceAction;
/// <summary>Start or stop listening to the boot log of the selected port.</summary>
public sealed record DeviceMonitorToggle : DeviceAction;
public sealed record DeviceMonitorStarted(string Port, IDisposable Handle) : DeviceAction;
public sealed record DeviceMonitorLine(string Line, IReadOnlyList<BootFact> Facts) : DeviceAction;
public sealed record DeviceMonitorStopped(string? Reason) : DeviceAction;
public sealed record DeviceScroll(int Delta) : DeviceAction;
/// <summary>The chip's facts, advice and boot log whole in the detail view.</summary>
public sealed record DeviceShowDetail : DeviceAction;
