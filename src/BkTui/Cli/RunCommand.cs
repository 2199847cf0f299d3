using System.CommandLine;
using System.Globalization;
using BkTui.Core.Jobs;

namespace BkTui.Cli;

/// <summary>
/// <c>bktui run RECIPE --port P [--port P2 …]</c>: runs one recipe on every port in parallel through
/// the same JobQueue the TUI uses, prints one result per port, exits non-zero when any job failed.
/// </summary>
internal static class RunCommand
{
    private static readonly Option<string[]> Port = new("--port", "-p")
    {
        Description = "Serial port (repeat for several ports; each runs in parallel)", Required = true, Arity = ArgumentArity.OneOrMore,
    };
    private static readonly Option<string?> Archive = new("--archive") { Description = "Archive folder (default: BKTUI_ARCHIVE, the checkout's dumps/, or ~/.local/share/bktui)" };
    private static readonly Option<int?> Baud = BaudOption.Create("Working baud, tried first. Default: the fastest rate proven on this chip, adapter and cable, starting at the one remembered for the adapter (else the chip's maximum); steps down on errors.");
    private static readonly Option<bool> Json = new("--json") { Description = "Print the results as JSON" };

    private static readonly Option<string?> Firmware = new("--firmware") { Description = "Firmware file (full/QIO image or app/UA file)" };
    private static readonly Option<string?> FirmwareVersion = new("--firmware-version") { Description = "Instead of a file: the cached OpenBeken build for the chip's family, 'latest' or a tag (fetch it with `bktui firmware get`)" };
    private static readonly Option<bool> AllowKeyMismatch = new("--allow-key-mismatch") { Description = "Write even though the image's key differs from the chip's eFuse key" };
    private static readonly Option<bool> AllowUnknownFamily = new("--allow-unknown-family") { Description = "Write an image whose chip family cannot be told from its content (you know it fits this chip)" };
    private static readonly Option<string> Ssid = new("--ssid") { Description = "Wi-Fi network name", Required = true };
    private static readonly Option<string> PasswordFile = new("--password-file") { Description = "File holding the Wi-Fi password (first line)", Required = true };
    private static readonly Option<string?> MqttHost = new("--mqtt-host") { Description = "MQTT broker host" };
    private static readonly Option<string?> DeviceName = new("--device-name") { Description = "Device name shown by OpenBeken" };
    private static readonly Option<long> Dump = new("--dump") { Description = "Archived dump id (see `bktui dumps list`)", Required = true };
    private static readonly Option<long?> RfDump = new("--dump") { Description = "Archived dump of this device to take the RF calibration from (when the chip lost its MAC)" };
    private static readonly Option<string?> Mac = new("--mac") { Description = "The device's true MAC for the RF sector (label, router, or the original firmware's boot log); 'random' for a made-up one" };
    private static readonly Option<bool> ForceMac = new("--force-mac") { Description = "Write --mac even though another archived device has it" };
    private static readonly Option<bool> AllowBootloader = new("--allow-bootloader") { Description = "Also write the bootloader range (explicit consent)" };
    private static readonly Option<string[]> LogPort = new("--log-port")
    {
        Description = "Port wired to the chip's TX2 (its boot log), listened to after the reboot: PORT=LOGPORT per --port, or LOGPORT with a single --port",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private static readonly Option<double?> BootListen = new("--boot-listen") { Description = "Seconds to listen for the boot log after the reboot (default 12; 0 = reboot without checking)" };
    private static readonly Option<bool> AllowOtherDeviceRf = new("--allow-other-device-rf") { Description = "Write a file holding another device's RF calibration and MAC onto this chip (as `bktui write`)" };
    private static readonly Option<bool> AllowRfOverwrite = new("--allow-rf-overwrite") { Description = "Change this chip's own RF calibration sector, its MAC and radio tuning (as `bktui write`)" };
    private static readonly Option<string?> ConfirmDevice = new("--confirm-device")
    {
        Description = "When nothing on the chip proves the dump is its own (no real MAC, or a dump of a device known only by its Tuya uuid): the dump's device (its MAC, or 'unidentified'), typed to confirm this board is that one",
    };
    private static readonly Option<string?> ReadFile = new("--read") { Description = "Read the range into FILE" };
    private static readonly Option<string?> WriteFile = new("--write") { Description = "Write FILE at --start" };
    private static readonly Option<string> Start = new("--start") { Description = "Start address (0x… or decimal)", Required = true };
    private static readonly Option<string?> Length = new("--length") { Description = "Byte count (0x… or decimal); for --write default: the file's size" };

    public static Command Create()
    {
        var run = new Command("run", "Run a recipe (backup, flash, restore-rf, wifi, restore-factory, custom) on one or more ports in parallel.");
        run.Subcommands.Add(Recipe(Core.Jobs.Recipe.Backup, "Identify, read the whole flash (only changed blocks when the device is archived), verify, archive under its MAC."));
        run.Subcommands.Add(Recipe(Core.Jobs.Recipe.Flash, "Pre-flight (intact image; compatibility gate: family, key, size; bootloader kept), factory dump first, write skipping the bootloader, verify, reboot.", Firmware, FirmwareVersion, AllowKeyMismatch, AllowUnknownFamily, LogPort, BootListen));
        run.Subcommands.Add(Recipe(Core.Jobs.Recipe.RestoreRf, "Rewrite the RF calibration: this device's own (from its archived dumps), else the family template, with its true MAC; read back and confirmed after reboot.", RfDump, Mac, ForceMac, LogPort, BootListen));
        run.Subcommands.Add(Recipe(Core.Jobs.Recipe.Wifi, "Write SSID and password (and MQTT host, device name) into the OpenBeken config sector.", Ssid, PasswordFile, MqttHost, DeviceName));
        run.Subcommands.Add(Recipe(Core.Jobs.Recipe.RestoreFactory, "Write an archived dump of this device back (bootloader only with --allow-bootloader).", Dump, AllowBootloader, ConfirmDevice, LogPort, BootListen));
        run.Subcommands.Add(Recipe(Core.Jobs.Recipe.Custom, "Read or write N bytes at offset X, with the same guards as `bktui write`.", ReadFile, WriteFile, Start, Length, AllowBootloader, AllowOtherDeviceRf, AllowRfOverwrite));
        return run;
    }

    private static Command Recipe(Recipe recipe, string description, params Option[] options)
    {
        var cmd = new Command(recipe.Name(), description);
        foreach (var o in new Option[] { Port, Archive, Baud, Json }.Concat(options)) cmd.Options.Add(o);
        cmd.SetAction(pr => Execute(pr, recipe));
        return cmd;
    }

    private static int Execute(ParseResult pr, Recipe recipe)
    {
        List<JobRequest> requests;
        try
        {
            requests = Requests(pr, recipe);
        }
        catch (FormatException e) { return CliFailure.Say($"run {recipe.Name()}", ExitCodes.Usage, e.Message, CliFailure.PortOf(pr), Help(recipe)); }
        if (requests.FirstOrDefault(r => r.Problem() is not null) is { } bad)
            return CliFailure.Say($"run {recipe.Name()}", ExitCodes.Usage, bad.Problem()!, bad.Port, Help(recipe));
        // A mistyped path is said before any port is opened: on a bench, linking can mean resetting the device.
        if (requests.SelectMany(r => new[] { r.FirmwarePath, r.WritePath, r.PasswordFile }).FirstOrDefault(f => f is not null && !File.Exists(f)) is { } missing)
            return CliFailure.Say($"run {recipe.Name()}", ExitCodes.BadInput,
                $"{missing}: {(Directory.Exists(missing) ? "is a folder, not a file" : "no such file")}. Nothing was run.", requests[0].Port, "check the path, then run it again");
        return RunSession.Run(requests, pr.GetValue(Archive), pr.GetValue(Json));
    }

    private static string Help(Recipe recipe) => $"`bktui run {recipe.Name()} --help` lists its options";

    /// <summary>
    /// One request per --port, as the line asks (the workstation's ':' line queues the same requests);
    /// FormatException for a bad number or --log-port.
    /// </summary>
    internal static List<JobRequest> Requests(ParseResult pr, Recipe recipe)
    {
        var ports = pr.GetValue(Port)!.Distinct().ToList();
        var logPorts = LogPorts(pr.GetValue(LogPort) ?? [], ports);
        return ports.Select(p => BuildRequest(pr, recipe, p) with { LogPort = logPorts.GetValueOrDefault(p) }).ToList();
    }

    /// <summary>The --archive the line names, if any.</summary>
    internal static string? ArchiveOf(ParseResult pr) => pr.GetValue(Archive);

    private static JobRequest BuildRequest(ParseResult pr, Recipe recipe, string port)
    {
        var r = new JobRequest { Port = port, Recipe = recipe, Baud = pr.GetValue(Baud) };
        if (recipe is Core.Jobs.Recipe.Flash or Core.Jobs.Recipe.RestoreFactory or Core.Jobs.Recipe.RestoreRf)
            r = r with { BootListenSeconds = pr.GetValue(BootListen) };
        return recipe switch
        {
            Core.Jobs.Recipe.Flash => r with { FirmwarePath = pr.GetValue(Firmware) is { } f ? Full(f) : null, FirmwareVersion = pr.GetValue(FirmwareVersion), AllowKeyMismatch = pr.GetValue(AllowKeyMismatch), AllowUnknownFamily = pr.GetValue(AllowUnknownFamily) },
            Core.Jobs.Recipe.Wifi => r with
            {
                Ssid = pr.GetValue(Ssid), PasswordFile = Full(pr.GetValue(PasswordFile)),
                MqttHost = pr.GetValue(MqttHost), DeviceName = pr.GetValue(DeviceName),
            },
            Core.Jobs.Recipe.RestoreRf => r with { DumpId = pr.GetValue(RfDump), Mac = pr.GetValue(Mac), ForceMac = pr.GetValue(ForceMac) },
            Core.Jobs.Recipe.RestoreFactory => r with { DumpId = pr.GetValue(Dump), AllowBootloader = pr.GetValue(AllowBootloader), ConfirmedDevice = pr.GetValue(ConfirmDevice) },
            Core.Jobs.Recipe.Custom => r with
            {
                ReadPath = Full(pr.GetValue(ReadFile)), WritePath = Full(pr.GetValue(WriteFile)),
                Start = Number(pr.GetValue(Start), "--start"), Length = pr.GetValue(Length) is { } l ? Number(l, "--length") : null,
                AllowBootloader = pr.GetValue(AllowBootloader),
                AllowOtherDeviceRf = pr.GetValue(AllowOtherDeviceRf), AllowRfOverwrite = pr.GetValue(AllowRfOverwrite),
            },
            _ => r,
        };
    }

    /// <summary>"PORT=LOGPORT" pairs (several ports), or one bare LOGPORT for a single --port.</summary>
    private static Dictionary<string, string> LogPorts(string[] values, List<string> ports)
    {
        var map = new Dictionary<string, string>();
        foreach (var v in values)
        {
            var eq = v.IndexOf('=');
            if (eq < 0 && ports.Count == 1 && values.Length == 1) { map[ports[0]] = v; continue; }
            if (eq <= 0 || eq == v.Length - 1)
                throw new FormatException($"--log-port '{v}': with several ports write PORT=LOGPORT (e.g. --log-port /dev/ttyUSB0=/dev/ttyUSB1).");
            var port = v[..eq];
            if (!ports.Contains(port)) throw new FormatException($"--log-port '{v}': {port} is not one of the --port values.");
            map[port] = v[(eq + 1)..];
        }
        return map;
    }

    // Paths are stored with the job; make them absolute so a resumed job finds them from any directory.
    private static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);

    internal static uint Number(string? text, string option)
    {
        var t = (text ?? "").Trim().Replace("_", "");
        var ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)
            : uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        return ok ? v : throw new FormatException($"{option} '{text}' is not a number (use 0x1D0000 or 1900544).");
    }
}
