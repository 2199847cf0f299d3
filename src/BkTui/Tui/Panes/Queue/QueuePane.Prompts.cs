using System.Collections.Immutable;
using BkTui.Cli;
using BkTui.Core.Jobs;
using BkTui.Tui.Commands;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Queue;

/// <summary>
/// The one-line prompts of the recipes that need more than a port: Wi-Fi credentials, a custom
/// read or write, and the MAC for Restore RF on a device without one. Words are split like the ':' line (quotes allowed); numbers take 0x hex.
/// </summary>
public sealed partial class QueuePane
{
    public const string WifiPurpose = "wifi";
    public const string CustomPurpose = "custom";
    public const string RfMacPurpose = "rf-mac";
    /// <summary>What the MAC prompt starts with: Enter keeps the device's own MAC, if the engine finds one.</summary>
    internal const string OwnMac = "own";
    internal const string WifiPrompt = "Wi-Fi: SSID PASSWORD-FILE [MQTT-HOST [DEVICE-NAME]]: ";
    internal const string CustomPrompt = "Custom: read FILE START LENGTH | write FILE START: ";

    private Transition AddWifi(AppState app, string text)
    {
        var w = CommandLine.Tokenize(text);
        if (w.Length is < 2 or > 4)
            return AskAgain(app, WifiPurpose, WifiPrompt, text, "Write Wi-Fi credentials",
                $"SSID PASSWORD-FILE [MQTT-HOST [DEVICE-NAME]]: {Words(w.Length)} given. The password stays in its file; quote an SSID with spaces.");
        return Add(app, Recipe.Wifi, null, r => r with
        {
            Ssid = w[0], PasswordFile = Path.GetFullPath(w[1]), MqttHost = w.ElementAtOrDefault(2), DeviceName = w.ElementAtOrDefault(3),
        });
    }

    /// <summary>
    /// An answer the recipe cannot use opens its prompt again with the text as typed and what it needs
    /// above the field, so the next keys are not taken as commands by the pane underneath.
    /// </summary>
    private AppState AskAgain(AppState app, string purpose, string label, string text, string title, string needs) =>
        app with { Overlay = new PromptOverlay(Id, purpose, label, text) { Title = title, Stakes = [new Stake("Needs", needs, StakeLevel.Warning)] } };

    private static string Words(int n) => n == 1 ? "1 word" : $"{n} words";

    private Transition AddCustom(AppState app, string text)
    {
        var w = CommandLine.Tokenize(text);
        var read = w.Length == 4 && w[0].Equals("read", StringComparison.OrdinalIgnoreCase);
        var write = w.Length == 3 && w[0].Equals("write", StringComparison.OrdinalIgnoreCase);
        if (!read && !write)
            return AskAgain(app, CustomPurpose, CustomPrompt, text, "Custom read or write", $"read FILE START LENGTH, or write FILE START: {Words(w.Length)} given.");
        uint start, length = 0;
        try
        {
            start = FlashVerb.ParseNumber(w[2], "START")!.Value;
            if (read) length = FlashVerb.ParseNumber(w[3], "LENGTH")!.Value;
        }
        catch (UsageException e)
        {
            return AppReducer.Flash(app, e.Message, FlashLevel.Warning);
        }
        var file = Path.GetFullPath(w[1]);
        return Add(app, Recipe.Custom, null, r => read
            ? r with { ReadPath = file, Start = start, Length = length }
            : r with { WritePath = file, Start = start });
    }

    /// <summary>
    /// Restore RF on a device the archive knows without a MAC of its own (seen only with a
    /// placeholder) asks which MAC first — the CLI's --mac — instead of failing later with a flag the
    /// TUI has no place for. A device known by a real MAC, or not seen yet, goes straight to the
    /// question (the engine finds the calibration's MAC, or stops and the device is then on record).
    /// </summary>
    private Transition AddRestoreRf(AppState app)
    {
        var ports = PortsPane.TargetPorts(app);
        var jobs = app.Panes.TryGetValue(PaneIdValue, out var o) && o is QueueState q ? q.Jobs.Values : [];
        var unknown = ports.Select(p => (Port: p, Device: PortsPane.LastDevice(app, p)))
            .Where(x => x.Device is { Mac: null } || LastRestoreRfNeededAMac(jobs, x.Port)).ToList();
        if (unknown.Count == 0) return Add(app, Recipe.RestoreRf, null);
        var seen = unknown.Select(x => x.Device is { PlaceholderMac: { } ph }
            ? $"{ListWindow.PortName(x.Port)}: unidentified, reports {ph} (a placeholder shared by many boards)"
            : $"{ListWindow.PortName(x.Port)}: unidentified, no MAC of its own on record");
        ImmutableArray<Stake> stakes =
        [
            new("Device", string.Join("; ", seen), StakeLevel.Warning),
            new("Answers", $"{OwnMac}: the calibration's own MAC, or the one the archive knows (the job stops if there is none) · random: the template's OUI with a random tail · AA:BB:CC:DD:EE:FF: the MAC on the device's label or in its original firmware's boot log"),
        ];
        return app with { Overlay = new PromptOverlay(Id, RfMacPurpose, "MAC to write: ", OwnMac) { Title = "Restore RF: which MAC?", Stakes = stakes } };
    }

    /// <summary>The port's last Restore RF stopped because no true MAC was known: the next asks for one.</summary>
    private static bool LastRestoreRfNeededAMac(IEnumerable<JobSnapshot> jobs, string port) =>
        jobs.Where(j => j.Port == port && j.Recipe == Recipe.RestoreRf && j.State.IsFinished()).MaxBy(j => j.Id) is { State: JobState.Failed, Error: { } e }
        && e.Contains(RestoreRfText.NoTrueMac, StringComparison.Ordinal);

    private Transition AnswerRfMac(AppState app, string text)
    {
        var mac = text.Trim();
        if (mac.Equals(OwnMac, StringComparison.OrdinalIgnoreCase)) return Add(app, Recipe.RestoreRf, null);
        bool random = mac.Equals("random", StringComparison.OrdinalIgnoreCase);
        if (!random && PortsPane.TargetPorts(app).Count > 1)
            return AppReducer.Flash(app, "one MAC names one device: select a single port for it (or answer random)", FlashLevel.Warning);
        return Add(app, Recipe.RestoreRf, null, r => r with { Mac = mac });
    }
}
