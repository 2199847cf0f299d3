using System.Collections.Immutable;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Jobs;
using BkTui.Tui.Bench;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Panes.Archive;

/// <summary>
/// Writing a dump back: the restore (bootloader kept, asked with y) and the bootloader recovery of
/// the RT-Thread loader (the whole dump from 0x000000, bootloader first then the app, after the user
/// types BOOTLOADER). Both name the port, the range, and say so when the dump is another device's;
/// the recovery also names the bootloader it writes, read from the dump before it asks.
/// </summary>
public sealed partial class ArchivePane
{
    public const string RecoverWord = QueuePane.BootloaderWord;

    private static Transition Restore(AppState app, long id, ArchiveRow row)
    {
        if (app.ReadOnly) return AppReducer.FlashLogged(app, "read-only mode: restore is disabled");
        if (OnePort(app) is not { } port) return AppReducer.Flash(app, "select exactly one port in [Ports] to restore to (u clears marks)", FlashLevel.Warning);
        return Restore(app, new JobRequest { Port = port, Recipe = Recipe.RestoreFactory, DumpId = id }, row);
    }

    /// <summary>The restore question for a request (from W, or `:run restore-factory`), bootloader kept.</summary>
    private static Transition Restore(AppState app, JobRequest request, ArchiveRow row)
    {
        var (id, port) = (request.DumpId!.Value, request.Port);
        var boot = ChipProfiles.For(Family(app, port) ?? ChipFamily.BK7231N).BootloaderSize;
        var stakes = WriteBackStakes(app, row, id, port).AddRange(
            new Stake("Writes", $"0x{boot:X6} to the end of flash, from the dump"),
            new Stake("Bootloader", $"kept: 0x000000–0x{boot:X6} is not written"));
        return app with { Overlay = new ConfirmOverlay("Restore it?", new Confirmed(new QueueEnqueue([request with { AllowBootloader = false }]))) { Title = $"Restore dump #{id}", Stakes = stakes, YesLabel = "Restore" } };
    }

    private static Transition Recover(AppState app, long id)
    {
        if (app.ReadOnly) return AppReducer.FlashLogged(app, "read-only mode: bootloader recovery is disabled");
        if (OnePort(app) is not { } port) return AppReducer.Flash(app, "select exactly one port in [Ports] for the recovery (u clears marks)", FlashLevel.Warning);
        return Recover(app, new JobRequest { Port = port, Recipe = Recipe.RestoreFactory, DumpId = id, AllowBootloader = true });
    }

    /// <summary>
    /// The recovery (from B, or `:run restore-factory --allow-bootloader`) first reads the dump's
    /// bootloader off the UI thread, so the question can name what goes to 0x000000 (<see cref="AskRecovery"/>).
    /// </summary>
    private static Transition Recover(AppState app, JobRequest request)
    {
        long id = request.DumpId!.Value;
        var work = RecoveryWork(id);
        return new Transition(AppReducer.Busy(app, work + "…", work), [new BenchEffect(work, (b, _) =>
            [new ArchiveRecoveryRead(request, BootloaderWording.AtZero(BenchAnalysis.Analyze(b.DumpBytes(id))))])]);
    }

    private static string RecoveryWork(long id) => $"reading the bootloader of dump #{id}";

    /// <summary>The recovery question, naming the bootloader read from the dump: only the typed word starts it.</summary>
    private static Transition AskRecovery(AppState app, ArchiveState pane, ArchiveRecoveryRead read)
    {
        var request = read.Request;
        var (id, port) = (request.DumpId!.Value, request.Port);
        if (DumpRow(pane, id, app.Now) is not { } row) return NoSuchDump(app, id);
        var boot = ChipProfiles.For(Family(app, port) ?? ChipFamily.BK7231N).BootloaderSize;
        var stakes = WriteBackStakes(app, row, id, port).Add(new Stake("Bootloader",
            $"REWRITTEN: 0x000000–0x{boot:X6} gets {read.Bootloader} from dump #{id}, then the app and the rest. A wrong bootloader leaves the chip unable to boot.",
            StakeLevel.Danger));
        return QueuePane.AskBootloader(app, new QueueEnqueue([request with { AllowBootloader = true }]), "bootloader recovery", $"Bootloader recovery on {ListWindow.PortName(port)}", stakes);
    }

    /// <summary>`:run restore-factory`: the same questions as W and B, for the dump and port the line names.</summary>
    private static Transition WriteBack(AppState app, ArchiveState pane, JobRequest request)
    {
        if (!pane.Loaded) return AppReducer.Flash(app, "the archive is still being read: try again in a moment", FlashLevel.Warning);
        if (DumpRow(pane, request.DumpId!.Value, app.Now) is not { } row) return NoSuchDump(app, request.DumpId!.Value);
        return request.AllowBootloader ? Recover(app, request) : Restore(app, request, row);
    }

    /// <summary>Dump <paramref name="id"/>'s row whatever the filter hides.</summary>
    private static ArchiveRow? DumpRow(ArchiveState pane, long id, DateTimeOffset now) =>
        ArchiveRows.Build(pane.Devices, pane.Dumps, null, now).FirstOrDefault(r => r.DumpId == id);

    private static AppState NoSuchDump(AppState app, long id) =>
        AppReducer.Flash(app, $"there is no dump #{id} in this session's archive ([3] Archive lists them)", FlashLevel.Warning);

    /// <summary>The stakes every write-back names: the port with the chip last seen there, the dump, and whose dump it is.</summary>
    private static ImmutableArray<Stake> WriteBackStakes(AppState app, ArchiveRow row, long id, string port)
    {
        var family = Family(app, port);
        var seen = PortsPane.LastDevice(app, port);
        var stakes = ImmutableArray.CreateBuilder<Stake>();
        stakes.Add(new("Port", ListWindow.PortName(port) + (family is null ? "" : $" ({family})") + (seen is null ? "" : $", last seen there: {PortRows.DeviceName(seen)}")));
        stakes.Add(new("Dump", $"#{id} of {row.Mac ?? "a device without MAC"}" + (row.Date.Length > 0 ? $", taken {row.Date}" : "")));
        if (Core.Compatibility.CompatibilityPreview.DumpOnChip(DumpFamily(app, id), family) is { } families)
            stakes.Add(new("Family", families.Text, families.WillRefuse ? StakeLevel.Danger : StakeLevel.Warning));
        if (OtherDevice(app, row, port) is { Length: > 0 } other) stakes.Add(new("Device", other, StakeLevel.Danger));
        if (OtherKey(app, row, port) is { } key) stakes.Add(new("Key", key, StakeLevel.Danger));
        // The chip's flash as it is now may be the only copy of something: the job archives it first (docs/flashing.md).
        stakes.Add(new("Before", "factory dump first unless one read from it is archived"));
        return stakes.ToImmutable();
    }

    /// <summary>The one port a write-back goes to: the single marked one, else the selected one.</summary>
    private static string? OnePort(AppState app) => PortsPane.TargetPorts(app) is [var only] ? only : null;

    /// <summary>
    /// When the archive last saw another device on that port than the dump's. The engine checks the
    /// linked chip's MAC before writing and refuses another device's dump; a chip without its MAC is
    /// judged by its own flash, or by the device the user names (RestoreFactorySteps.ConfirmBoard).
    /// </summary>
    private static string OtherDevice(AppState app, ArchiveRow row, string port)
    {
        var seen = PortsPane.LastDevice(app, port);
        var dumpMac = MacText.Normalize(row.Mac);
        if (seen?.Mac is not { } mac || dumpMac is null || MacText.Normalize(mac) == dumpMac) return "";
        return $"this is another device's dump: the archive last saw {PortRows.DeviceName(seen)} on this port, the dump is of {row.Mac}. " +
               "The engine refuses it if the chip reports another MAC, and a chip without its MAC unless its own flash names the dump's device " +
               "(or `:run restore-factory … --confirm-device MAC` says this board is that one).";
    }

    /// <summary>When the dump's device and the chip last seen on the port have different eFuse keys (the engine's key check refuses it).</summary>
    private static string? OtherKey(AppState app, ArchiveRow row, string port)
    {
        var seenKey = PortsPane.LastDevice(app, port)?.KeyVerdict;
        var dumpKey = app.Panes.TryGetValue(PortsPane.PaneIdValue, out var o) && o is PortsState s
            ? s.Devices.FirstOrDefault(d => d.Mac is not null && MacText.Normalize(d.Mac) == MacText.Normalize(row.Mac))?.KeyVerdict : null;
        if (seenKey is null || dumpKey is null || KeyWord(seenKey) == KeyWord(dumpKey)) return null;
        return $"the dump's device has the {KeyWord(dumpKey)} key, the chip last seen here the {KeyWord(seenKey)} key: the engine's key check will refuse it.";
    }

    private static string KeyWord(string verdict) => verdict.Trim().ToLowerInvariant().Split('-', ' ')[0];

    /// <summary>The chip family the archive recorded for dump <paramref name="id"/>, if any.</summary>
    private static ChipFamily? DumpFamily(AppState app, long id) =>
        app.Panes.TryGetValue(PaneIdValue, out var o) && o is ArchiveState s && Enum.TryParse<ChipFamily>(s.Dumps.FirstOrDefault(d => d.Id == id)?.Chip, ignoreCase: true, out var f) && f != ChipFamily.Unknown ? f : null;

    private static ChipFamily? Family(AppState app, string port) =>
        Enum.TryParse<ChipFamily>(PortsPane.LastDevice(app, port)?.Chip, ignoreCase: true, out var f) ? f : null;
}
