using System.Collections.Immutable;
using BkTui.Core.Compatibility;
using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Tui.Bench;
using BkTui.Tui.Commands;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Queue;

public sealed partial class QueuePane
{
    /// <summary>
    /// Builds one request per target port. A backup changes nothing and is queued at once; anything
    /// that writes asks first, naming the ports and the address range (refused in --read-only).
    /// </summary>
    private Transition Add(AppState app, Recipe recipe, string? firmware) => Add(app, recipe, firmware, r => r);

    /// <param name="fill">Adds the recipe's own fields (Wi-Fi credentials, custom range) to each port's request.</param>
    private Transition Add(AppState app, Recipe recipe, string? firmware, Func<JobRequest, JobRequest> fill)
    {
        var ports = PortsPane.TargetPorts(app);
        if (ports.Count == 0) return AppReducer.Flash(app, "no port selected: pick one in [Ports] (Space marks several)", FlashLevel.Warning);
        var version = CachedVersion(firmware);
        var requests = ports.Select(p => fill(new JobRequest
        {
            Port = p, Recipe = recipe, FirmwarePath = version is null ? firmware : null, FirmwareVersion = version,
        })).ToList();
        return Ask(app, requests, PortsPane.TargetsMarks(app), []);
    }

    /// <summary>
    /// The one question before a job is queued, whether a key or the ':' line asked for it: the ports by
    /// name, what is written, the engine's preview of a firmware file, the consents. A backup (and a
    /// custom read) to the selected port only is queued at once.
    /// </summary>
    /// <param name="marks">The ports came from the marks (said so, and the marks are cleared once queued).</param>
    /// <param name="extra">Stakes the caller adds after the ports (how a ':' verb runs here).</param>
    /// <param name="builds">For a cached build ("latest"): what the cache holds per port; default = not looked yet (an effect looks, then asks again).</param>
    private Transition Ask(AppState app, IReadOnlyList<JobRequest> requests, bool marks, ImmutableArray<Stake> extra, ImmutableArray<CachedBuildCheck> builds = default)
    {
        if (requests.Select(r => r.Problem()).FirstOrDefault(p => p is not null) is { } problem)
            return AppReducer.FlashLogged(app, problem);
        // A port another program holds would fail the job at its first step: say who holds it instead.
        if (requests.Select(r => (r.Port, By: PortsPane.HeldBy(app, r.Port))).FirstOrDefault(h => h.By is not null) is { By: { } holder } held)
            return AppReducer.FlashLogged(app, $"{ListWindow.PortName(held.Port)} is busy, held by {holder}: close that program (or wait for it), then try again. Nothing was queued.", FlashLevel.Warning);
        var first = requests[0];
        // A write of a file that is not there is no question to ask (its range would read 0 bytes long).
        if (MissingFile(first) is { } missing) return AppReducer.FlashLogged(app, missing, FlashLevel.Error);
        var recipe = first.Recipe;
        var ports = requests.Select(r => r.Port).ToList();
        bool readsOnly = recipe == Recipe.Backup || first is { Recipe: Recipe.Custom, ReadPath: not null };
        if (readsOnly && !marks) return Queued(app, requests);
        if (!readsOnly && app.ReadOnly) return AppReducer.FlashLogged(app, $"read-only mode: {recipe.Name()} is disabled", FlashLevel.Warning);
        if (recipe == Recipe.Flash && first.FirmwareVersion is { } version && builds.IsDefault)
            return new Transition(app, [LookInCache(requests, marks, extra, ports.Select(p => (p, FamilyOf(app, p))).ToList(), version)]);
        // The engine's preview of a firmware file (family, key, integrity) for each port, against the chip last seen there;
        // an image of unknown family needs the typed consent after 'y'.
        var previews = recipe == Recipe.Flash && first.FirmwarePath is { } file
            ? ports.Select(p => (Port: p, Verdict: CompatibilityPreview.Assess(file, FamilyOf(app, p), KeyOf(app, p), PortsPane.LastDevice(app, p)?.Mac))).ToList()
            : null;
        var preview = previews?[0].Verdict;
        // A file no chip would take (not an image, damaged, unreadable) is not a question: say why and queue nothing.
        if (preview is { NoChipTakesIt: true })
            return AppReducer.FlashLogged(app, $"Not flashed: {preview.Text} Nothing was queued.", FlashLevel.Error);
        var dialog = readsOnly ? ReadDialog(first, ports.Count) : WriteDialog(app, first, ports, previews, builds);
        var stakes = dialog.Stakes.InsertRange(0, extra).Insert(0, PortsStake(app, ports, marks));
        if (first is { Recipe: Recipe.Custom, AllowBootloader: true } && first.Start < Profile(app, ports[0]).BootloaderSize)
            return AskBootloader(app, new QueueEnqueue(requests), "custom write", dialog.Title + " into the bootloader", stakes);
        AppAction onYes = preview is { NeedsFamilyConsent: true }
            ? new QueueAskFamily(requests, FamilyConsent.Prompt(Path.GetFileName(first.FirmwarePath!), FamilyOf(app, ports[0])), stakes.RemoveAll(x => x.Label == "Consent"))
            : new QueueEnqueue(requests);
        return app with { Overlay = new ConfirmOverlay(dialog.Question, new Confirmed(onYes)) { Title = dialog.Title, Stakes = stakes, YesLabel = dialog.Yes } };
    }

    /// <summary>Every port a write goes to, by name with the family last seen there; ports from the marks say so.</summary>
    private static Stake PortsStake(AppState app, IReadOnlyList<string> ports, bool marks)
    {
        var names = string.Join(", ", ports.Select(p => $"{ListWindow.PortName(p)}{FamilyOf(app, p) switch { null => "", var f => $" ({f})" }}"));
        var text = names + (marks ? $" — the {(ports.Count == 1 ? "marked port" : $"{ports.Count} marked ports")}, not only the selected one; the marks are cleared once it is queued" : "");
        return new Stake(ports.Count == 1 ? "Port" : $"{ports.Count} ports", text, marks ? StakeLevel.Warning : StakeLevel.Normal);
    }

    /// <summary>
    /// `:erase` (no job erases): the same question and typed consent as a job, then the CLI verb runs.
    /// A range inside the bootloader without --allow-bootloader is said to be refused (the verb refuses it before sending).
    /// </summary>
    private static AppState AskErase(AppState app, QueueAskErase erase)
    {
        var profile = Profile(app, erase.Port);
        bool inside = erase.Start < profile.BootloaderSize;
        var stakes = ImmutableArray.Create(
            PortsStake(app, [erase.Port], marks: false),
            new Stake("Erases", $"0x{erase.Start:X6}–0x{erase.Start + (long)erase.Length:X6}", inside ? StakeLevel.Danger : StakeLevel.Normal),
            BootloaderStake(profile, erase.Start, erase.AllowBootloader, "ERASED"));
        if (Core.Preflight.DirectWritePreflight.RfOverlap(profile, erase.Start, erase.Length) is { } rf)
            stakes = stakes.Add(erase.AllowRfErase
                ? new("RF", $"ERASED: 0x{rf.Start:X6} holds this chip's RF calibration (its MAC and radio tuning); the device then reports a placeholder MAC until Restore RF", StakeLevel.Danger)
                : new("RF", $"0x{rf.Start:X6} holds this chip's RF calibration: the verb refuses it unless --allow-rf-erase is on the line", StakeLevel.Danger));
        stakes = stakes.Add(new Stake("Runs", "the erase verb (bktui erase): a factory dump first unless one read from this chip is archived, then 4 KiB / 64 KiB erases, verified blank"));
        var run = new RunConfirmedVerb(erase.Tokens);
        if (inside && erase.AllowBootloader) return AskBootloader(app, run, "erase", "Erase flash into the bootloader", stakes);
        return app with { Overlay = new ConfirmOverlay("Erase it?", new Confirmed(run)) { Title = "Erase flash", Stakes = stakes, YesLabel = "Erase" } };
    }

    /// <summary>A write from <paramref name="start"/>: the bootloader kept, refused by the engine, or (consented) rewritten.</summary>
    private static Stake BootloaderStake(ChipProfile profile, uint? start, bool allowed, string done = "REWRITTEN")
    {
        var range = $"0x000000–0x{profile.BootloaderSize:X6}";
        if (!(start < profile.BootloaderSize)) return new("Bootloader", $"kept: {range} is not written");
        return allowed
            ? new("Bootloader", $"{done}: the range starts inside {range}. {(done == "ERASED" ? "Without one the chip cannot boot until a bootloader is written back." : "A wrong bootloader leaves the chip unable to boot.")}", StakeLevel.Danger)
            : new("Bootloader", $"the range starts inside {range}: the engine will refuse it before anything is sent", StakeLevel.Danger);
    }

    /// <summary>A confirmation's parts before the ports are added: title, what is at stake, the question, the Yes button's word.</summary>
    private sealed record Dialog(string Title, ImmutableArray<Stake> Stakes, string Question, string Yes);

    /// <summary>
    /// Asks for the typed word before anything that rewrites the bootloader (the archive's recovery, a
    /// custom write or erase from the ':' line with --allow-bootloader): <paramref name="onConsent"/>
    /// runs only when BOOTLOADER is typed. Owned by the queue so every such write meets the same question.
    /// </summary>
    internal static AppState AskBootloader(AppState app, AppAction onConsent, string what, string title, ImmutableArray<Stake> stakes) =>
        app with
        {
            Panes = app.Panes.SetItem(PaneIdValue, (QueueState)app.Panes[PaneIdValue] with { AwaitingBootloader = new(onConsent, what) }),
            Overlay = new PromptOverlay(PaneIdValue, BootloaderPurpose, $"Type {BootloaderWord} to go on: ", "") { Title = title, Stakes = stakes },
        };

    private Transition AnswerBootloader(AppState app, QueueState pane, string typed)
    {
        var cleared = With(app, pane with { AwaitingBootloader = null });
        if (pane.AwaitingBootloader is not { } pending) return cleared;
        if (typed.Trim() != BootloaderWord)
            return AppReducer.FlashLogged(cleared, $"{pending.What} not started: you typed '{typed.Trim()}', not {BootloaderWord}. Nothing was written.", FlashLevel.Warning);
        return new Transition(cleared, [new Bench.PostEffect(pending.OnConsent)]);
    }

    /// <summary>The typed answer to <see cref="FamilyConsent.Prompt"/>: the named family goes with each job, and the gate holds it against the linked chip.</summary>
    private Transition AnswerFamily(AppState app, QueueState pane, string text)
    {
        var requests = pane.AwaitingFamily;
        var cleared = With(app, pane with { AwaitingFamily = null });
        if (requests is null) return cleared;
        var (family, problem) = FamilyConsent.Parse(text);
        if (family is not { } f) return AppReducer.FlashLogged(cleared, problem!);
        return Queued(cleared, requests.Select(r => r with { UnknownFamilyBuiltFor = f }).ToList());
    }

    private static Dialog ReadDialog(JobRequest request, int ports) => request.Recipe == Recipe.Backup
        ? new(ports == 1 ? "Back up" : $"Back up {ports} ports", [new("Reads", "the whole flash, one job per port; nothing is written")], "Back them up?", "Back up")
        : new("Custom read", [new("Reads", $"0x{request.Start:X6}+0x{request.Length:X} into {request.ReadPath}; nothing is written")], "Read it?", "Read");

    /// <summary>The engine's own cache lookup for each port's family, off the UI thread; then the question is asked with what it found.</summary>
    private static BenchEffect LookInCache(IReadOnlyList<JobRequest> requests, bool marks, ImmutableArray<Stake> extra, IReadOnlyList<(string Port, ChipFamily? Family)> ports, string version) =>
        new("looking in the firmware cache", (b, _) =>
        [
            new QueueAskWithBuilds(requests, marks, extra, [.. ports.Select(p => new CachedBuildCheck(p.Port, p.Family,
                p.Family is { } f && b.CachedBuild(f, version) is { } build ? $"{build.AssetName} ({build.Tag})" : null))]),
        ]);

    private static Dialog WriteDialog(AppState app, JobRequest request, IReadOnlyList<string> ports, IReadOnlyList<(string Port, PreviewVerdict Verdict)>? previews,
        ImmutableArray<CachedBuildCheck> builds)
    {
        var profile = Profile(app, ports[0]);
        var bootloader = BootloaderStake(profile, null, false);
        var inside = request.Start < profile.BootloaderSize;
        return request.Recipe switch
        {
            Recipe.Wifi => new("Write Wi-Fi credentials",
                [new("Writes", $"the OpenBeken config sector {ObkRange(app, ports)}: Wi-Fi '{request.Ssid}'" + (request.MqttHost is { } m ? $", MQTT {m}" : "")), bootloader],
                "Write them?", "Write"),
            Recipe.Custom => new("Custom write",
                [new("File", request.WritePath ?? ""), new("Writes", $"0x{request.Start:X6}–0x{request.Start + (request.Length ?? FileLength(request.WritePath)):X6}",
                    inside ? StakeLevel.Danger : StakeLevel.Normal),
                 BootloaderStake(profile, request.Start, request.AllowBootloader)],
                "Write it?", "Write"),
            Recipe.Flash => new("Flash firmware", FlashStakes(profile, request, previews, builds, bootloader),
                previews is [{ Verdict.NeedsFamilyConsent: true }, ..] ? "Go on (then type the family)?"
                : RefusedEverywhere(previews) ? "Queue it anyway? The linked chip decides."
                : "Flash it?", RefusedEverywhere(previews) ? "Queue" : "Flash"),
            Recipe.RestoreRf => new("Restore RF calibration",
                [new("Writes", $"{RfRange(app, ports)} from {(request.DumpId is { } d ? $"dump #{d}" : "this device's archived dump (or the template)")}"),
                 .. request.Mac is { } mac ? [new Stake("MAC", mac + (request.ForceMac ? " — although another archived device has it (--force-mac)" : ""), request.ForceMac ? StakeLevel.Danger : StakeLevel.Normal)] : Array.Empty<Stake>(),
                 bootloader], "Restore it?", "Restore"),
            _ => new(request.Recipe.Name(), [new("Writes", "to the chip")], $"Run {request.Recipe.Name()}?", "Run"),
        };
    }

    /// <summary>Every port's check says the engine will refuse the file on the chip last seen there.</summary>
    private static bool RefusedEverywhere(IReadOnlyList<(string Port, PreviewVerdict Verdict)>? previews) =>
        previews is { Count: > 0 } && previews.All(p => p.Verdict.WillRefuse);

    /// <summary>The file, the preview's verdict (once when every port gets the same, else per port by name), the consent, the range.</summary>
    private static ImmutableArray<Stake> FlashStakes(ChipProfile profile, JobRequest request, IReadOnlyList<(string Port, PreviewVerdict Verdict)>? previews,
        ImmutableArray<CachedBuildCheck> builds, Stake bootloader)
    {
        var stakes = ImmutableArray.CreateBuilder<Stake>();
        stakes.Add(request.FirmwareVersion is { } v
            ? new("Firmware", $"the cached '{v}' build for each chip's family")
            : new("File", request.FirmwarePath ?? ""));
        if (request.FirmwareVersion is { } version && !builds.IsDefault)
            foreach (var b in builds)
                stakes.Add(BuildStake(b, version, builds.Length > 1));
        bool same = previews is null || previews.Select(p => p.Verdict.Text).Distinct().Count() == 1;
        foreach (var (port, preview) in same ? previews?.Take(1) ?? [] : previews!)
            stakes.Add(new(preview.KeyMismatch ? "Key" : "Check", (same ? "" : ListWindow.PortName(port) + ": ") + preview.Text,
                preview.WillRefuse ? StakeLevel.Danger : preview.NeedsFamilyConsent ? StakeLevel.Warning : StakeLevel.Normal));
        if (previews is [{ Verdict.NeedsFamilyConsent: true }, ..])
            stakes.Add(new("Consent", "after y you type the family it is built for; the engine refuses it on a chip of another family", StakeLevel.Warning));
        stakes.Add(new("Writes", $"0x{profile.AppOffset:X6} upward (the app)"));
        stakes.Add(bootloader);
        stakes.Add(new("Before", "factory dump first unless one read from it is archived"));
        return stakes.ToImmutable();
    }

    /// <summary>What the cache holds for one port: the build, none (the engine refuses after linking), or no family known yet.</summary>
    private static Stake BuildStake(CachedBuildCheck b, string version, bool named)
    {
        var port = named ? ListWindow.PortName(b.Port) + ": " : "";
        return b switch
        {
            { Family: null } => new("Check", $"{port}no chip seen on this port yet: the '{version}' build is chosen once the chip is identified, and the job fails before writing if none is cached for its family", StakeLevel.Warning),
            { Build: null } => new("Check", $"{port}the engine will refuse it after linking: {Core.Firmware.FirmwareCache.NotCached(b.Family.Value, version)}", StakeLevel.Danger),
            _ => new("Check", $"{port}{b.Family}: {b.Build}; the key and size are checked on the linked chip before anything is written"),
        };
    }

    /// <summary>
    /// A path that exists is a file; anything else without a slash ("latest", "1.17.2") names a build
    /// that `bktui firmware get` cached, chosen per port for the family the chip turns out to be.
    /// </summary>
    private static string? CachedVersion(string? firmware) =>
        firmware is not null && !firmware.Contains('/') && !File.Exists(firmware) ? firmware : null;

    private static string ObkRange(AppState app, IReadOnlyList<string> ports)
    {
        var ranges = ports.Select(p => FamilyOf(app, p) is { } f && ChipProfiles.For(f).ObkConfigOffset is { } o ? $"0x{o:X6}–0x{o + 0x1000:X6}" : null).Distinct().ToList();
        return ranges.Count == 1 && ranges[0] is { } r ? r : "(0x1D1000–0x1D2000 on N/M, 0x1E1000–0x1E2000 on T/U)";
    }

    /// <summary>What to say when the file a write (custom, flash of a path, Wi-Fi's password file) would send does not exist; null when it does.</summary>
    private static string? MissingFile(JobRequest request)
    {
        var (what, path) = request switch
        {
            { Recipe: Recipe.Custom, WritePath: { } p } => ("custom write", p),
            { Recipe: Recipe.Flash, FirmwarePath: { } p } => ("flash", p),
            _ => (null, null),
        };
        if (request is { Recipe: Recipe.Wifi, PasswordFile: { } secret })
        {
            // Not echoed: a password typed where its file's name goes must not reach the screen or the logs.
            return File.Exists(secret) ? null
                : "Wi-Fi not asked: the PASSWORD-FILE named is not a file here. Put the password in a file (one line) and name that file, so the password is never typed or logged. Nothing was queued.";
        }
        if (path is null || File.Exists(path)) return null;
        var full = Path.GetFullPath(path);
        return Directory.Exists(full)
            ? $"{what} not asked: {full} is a folder, not a file. Nothing was queued."
            : $"{what} not asked: the file {full} does not exist. Nothing was queued.";
    }

    private static long FileLength(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : 0;

    private static string RfRange(AppState app, IReadOnlyList<string> ports)
    {
        var ranges = ports.Select(p => FamilyOf(app, p) is { } f ? $"0x{ChipProfiles.For(f).RfOffset:X6}–0x{ChipProfiles.For(f).RfOffset + 0x1000:X6}" : null).Distinct().ToList();
        return ranges.Count == 1 && ranges[0] is { } r ? r : "the 4 KiB RF sector (0x1D0000–0x1D1000 on N/M, 0x1E0000–0x1E1000 on T/U)";
    }

    private static ChipProfile Profile(AppState app, string port) => ChipProfiles.For(FamilyOf(app, port) ?? ChipFamily.BK7231N);

    /// <summary>
    /// The chip on this port as [Device] shows it: what i identified there this session, else the
    /// archive's record of the device last seen there (matched by path or by-id name). Its MAC stays the
    /// archive's alone: a placeholder that i read names no device to compare RF calibration with.
    /// </summary>
    private static (ChipFamily? Family, string? Key) ChipOn(AppState app, string port)
    {
        if (DevicePane.IdentifiedOn(app, port) is { Family: { } family } live) return (family, live.KeyVerdict);
        var seen = PortsPane.LastDevice(app, port);
        return (Enum.TryParse<ChipFamily>(seen?.Chip, ignoreCase: true, out var f) ? f : null, seen?.KeyVerdict);
    }

    private static ChipFamily? FamilyOf(AppState app, string port) => ChipOn(app, port).Family;

    private static string? KeyOf(AppState app, string port) => ChipOn(app, port).Key;

    /// <summary>Queues the jobs; marks that chose their ports are cleared, so they never carry over to the next job unseen.</summary>
    private Transition Queued(AppState app, IReadOnlyList<JobRequest> requests)
    {
        var cleared = PortsPane.ClearMarks(app);
        var text = $"queued {requests[0].Title()} on {string.Join(", ", requests.Select(r => ListWindow.PortName(r.Port)))}" + (ReferenceEquals(cleared, app) ? "" : " (marks cleared)");
        return new(AppReducer.Flash(cleared, text), [Enqueue(requests)]);
    }
}
