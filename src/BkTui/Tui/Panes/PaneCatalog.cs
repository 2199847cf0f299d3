using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;

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
}
