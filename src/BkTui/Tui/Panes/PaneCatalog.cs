using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.Panes.Partitions;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;

namespace BkTui.Tui.Panes;

/// <summary>
/// The registered panes, in jump-number order ([1], [2], ...). Adding a pane = one class deriving
/// from Pane&lt;TState&gt; (with its keymap block) + one line here.
/// </summary>
public static class PaneCatalog
{
    public static IReadOnlyList<IPane> Create() =>
    [
        new HexPane(),
        new LogPane(),
    ];

    /// <summary>
    /// The bench workstation (bktui demo, a bench with adapters; needs an IBench in the services):
    /// ports and jobs first, the viewers next, the log last.
    /// </summary>
    public static IReadOnlyList<IPane> Workstation() =>
    [
        new PortsPane(),
        new QueuePane(),
        new ArchivePane(),
        new HexPane(),
        new PartitionsPane(),
        new DevicePane(),
        new LogPane(),
    ];
}
