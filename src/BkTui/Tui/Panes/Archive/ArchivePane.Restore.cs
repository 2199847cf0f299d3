using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Panes.Archive;

/// <summary>
/// Writing a dump back: the restore (bootloader kept, asked with y) and the bootloader recovery of
/// the RT-Thread loader (the whole dump from 0x000000, bootloader first then the app, after the user
/// types BOOTLOADER). Both name the port, the range, and say so when the dump is another device's.
/// </summary>
public sealed partial class ArchivePane
{
    public const string RecoverPurpose = "recover";
    public const string RecoverWord = "BOOTLOADER";

    private static Transition Restore(AppState app, long id, ArchiveRow row)
    {
        if (app.ReadOnly) return AppReducer.Flash(app, "read-only mode: restore is disabled", FlashLevel.Warning);
        if (OnePort(app) is not { } port) return AppReducer.Flash(app, "select exactly one port in [Ports] to restore to (u clears marks)", FlashLevel.Warning);
        var request = new JobRequest { Port = port, Recipe = Recipe.RestoreFactory, DumpId = id };
        var question = $"Restore dump #{id} ({row.Mac ?? "no MAC"}) on {ListWindow.PortName(port)}: rewrites 0x011000 to the end of flash " +
                       "from the dump; the bootloader (0x000000–0x011000) is kept." + OtherDevice(app, row, port) + " Go on?";
        return app with { Overlay = new ConfirmOverlay(question, new Confirmed(new QueueEnqueue([request]))) };
    }

    private Transition Recover(AppState app, ArchiveState pane, long id, ArchiveRow row)
    {
        if (app.ReadOnly) return AppReducer.Flash(app, "read-only mode: bootloader recovery is disabled", FlashLevel.Warning);
        if (OnePort(app) is not { } port) return AppReducer.Flash(app, "select exactly one port in [Ports] for the recovery (u clears marks)", FlashLevel.Warning);
        var family = Family(app, port);
        var boot = ChipProfiles.For(family ?? ChipFamily.BK7231N).BootloaderSize;
        var label = $"Bootloader recovery on {ListWindow.PortName(port)}{(family is null ? "" : $" ({family})")}: rewrites the bootloader " +
                    $"0x000000–0x{boot:X6}, then the app and the rest, from dump #{id} ({row.Mac ?? "no MAC"})." + OtherDevice(app, row, port) +
                    $" A wrong bootloader leaves the chip unable to boot. Type {RecoverWord} to go on: ";
        return With(app, pane with { PendingRecovery = (id, port) }) with { Overlay = new PromptOverlay(Id, RecoverPurpose, label, "") };
    }

    private Transition Recovered(AppState app, ArchiveState pane, string typed)
    {
        var cleared = With(app, pane with { PendingRecovery = null });
        if (pane.PendingRecovery is not { } pending) return cleared;
        if (typed.Trim() != RecoverWord) return AppReducer.Flash(cleared, $"bootloader recovery not started: you typed '{typed.Trim()}', not {RecoverWord}. Nothing was written.", FlashLevel.Warning);
        var request = new JobRequest { Port = pending.Port, Recipe = Recipe.RestoreFactory, DumpId = pending.DumpId, AllowBootloader = true };
        return new Transition(AppReducer.Flash(cleared, $"bootloader recovery of {ListWindow.PortName(pending.Port)} from dump #{pending.DumpId}: queued"), [new Bench.PostEffect(new QueueEnqueue([request]))]);
    }

    /// <summary>The one port a write-back goes to: the single marked one, else the selected one.</summary>
    private static string? OnePort(AppState app) => PortsPane.TargetPorts(app) is [var only] ? only : null;

    /// <summary>A warning when the archive last saw another device on that port than the dump's.</summary>
    private static string OtherDevice(AppState app, ArchiveRow row, string port)
    {
        var seen = PortsPane.LastDevice(app, port);
        var dumpMac = MacText.Normalize(row.Mac);
        if (seen?.Mac is not { } mac || dumpMac is null || MacText.Normalize(mac) == dumpMac) return "";
        return $" WARNING: this is another device's dump: the archive last saw {PortRows.DeviceName(seen)} on this port, the dump is of {row.Mac}; its RF calibration and MAC would replace this chip's.";
    }

    private static ChipFamily? Family(AppState app, string port) =>
        Enum.TryParse<ChipFamily>(PortsPane.LastDevice(app, port)?.Chip, ignoreCase: true, out var f) ? f : null;
}
