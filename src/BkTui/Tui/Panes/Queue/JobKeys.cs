using BkTui.Core.Jobs;
using BkTui.Tui.Keys;
using BkTui.Tui.State;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Queue;

/// <summary>
/// The keys that start a job on the marked ports, else the selected one. Ports are chosen in [Ports]
/// and jobs watched in [Queue], so both panes bind this one block; the prompts and dialogs belong to
/// the queue whichever pane the key was pressed in.
/// </summary>
public static class JobKeys
{
    public static IEnumerable<Binding> For(string context) =>
    [
        new(context, [C('b')], new QueueAdd(Recipe.Backup), "Backup (the marked ports, else the selected one)") { ShowInBar = true, Order = 1, Hint = "Backup" },
        new(context, [C('f')], new OpenPrompt(QueuePane.PaneIdValue, QueuePane.FirmwarePurpose, "Flash firmware (file, or cached build: latest|TAG): ") { PathField = true },
            "Flash firmware") { Dangerous = true, ShowInBar = true, Order = 6 },
        new(context, [C('F')], new QueueAdd(Recipe.RestoreRf), "Restore RF calibration") { Dangerous = true },
        new(context, [C('w')], new OpenPrompt(QueuePane.PaneIdValue, QueuePane.WifiPurpose, QueuePane.WifiPrompt), "Write Wi-Fi credentials") { Dangerous = true },
        new(context, [C('c')], new OpenPrompt(QueuePane.PaneIdValue, QueuePane.CustomPurpose, QueuePane.CustomPrompt), "Custom read/write") { Dangerous = true },
    ];
}
