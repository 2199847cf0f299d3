using System.CommandLine;
using System.Globalization;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Identity;
using BkTui.Core.Inputs;
using BkTui.Core.Logging;
using BkTui.Core.Serial;

namespace BkTui.Cli;

/// <summary>What the flash verbs share: port/baud/chip options, number parsing, connect, logging and exit codes.</summary>
internal sealed class FlashVerb
{
    public Option<string> Port { get; } = new("--port", "-p") { Description = "Serial port (e.g. /dev/ttyUSB0 or a /dev/serial/by-id link).", Required = true };
    public Option<int?> Baud { get; } = BaudOption.Create("Working baud, tried first. Default: the fastest this chip, adapter and cable hold (3000000/2000000/1500000/921600/460800, up to the chip's maximum), each rate proven by a CRC-checked read; steps down on errors.");
    public Option<string?> Chip { get; } = new("--chip") { Description = "Force the chip family (BK7231T, BK7231N, BK7231M/BL2028N, BK7231U, BK7238, BK7252) when identification cannot tell." };
    public Option<double> LinkTimeout { get; } = new("--link-timeout") { Description = "Seconds to wait for the bootloader (reset the chip meanwhile).", DefaultValueFactory = _ => 20 };

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(Port);
        cmd.Options.Add(Baud);
        cmd.Options.Add(Chip);
        cmd.Options.Add(LinkTimeout);
    }

    /// <summary>Parses 0x-hex or decimal; null for an absent option.</summary>
    public static uint? ParseNumber(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace("_", "");
        var ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)
            : uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        return ok ? v : throw new UsageException($"{name}: '{text}' is not a number (use decimal or 0x hex).");
    }

    /// <summary>
    /// Opens the port, connects, runs <paramref name="body"/> and maps every failure to an exit code
    /// with a message on stderr. <paramref name="precheck"/> runs before the port is opened (refusals that need no chip).
    /// </summary>
    public int Run(ParseResult pr, string verb, Func<ChipSession, RunLog, CancellationToken, int> body, CancellationToken cancel, Action? precheck = null)
    {
        var archiveRoot = ExistingArchive(pr);
        using var log = RunLog.Start(verb, archiveRoot);
        var port = pr.GetValue(Port)!;
        var printer = new ProgressPrinter(Console.Error, terminal: !Console.IsErrorRedirected);
        ChipSession? connected = null;
        // A step-down during the operation lowers what is remembered for the adapter, also when it failed later.
        void DemoteIfSteppedDown()
        {
            // Not for a rate given with --baud: the memory changes only to raise it then (BaudMemory).
            if (connected is { StepDowns: > 0, AskedBaud: null } s) RememberedBaud.Write(archiveRoot, port, s.Info, log);
        }
        try
        {
            log.Info($"bktui {verb} {string.Join(' ', pr.Tokens.Select(t => t.Value))}");
            precheck?.Invoke();
            var options = new ConnectOptions
            {
                Baud = pr.GetValue(Baud),
                StartBaud = pr.GetValue(Baud) is null ? RememberedBaud.Read(archiveRoot, port, log) : null,
                Family = pr.GetValue(Chip) is { } c ? ChipProfiles.Find(c).Family : null,
                LinkTimeout = TimeSpan.FromSeconds(Math.Clamp(pr.GetValue(LinkTimeout), 1, 600)),
            };
            using var link = SerialPort.Open(port, 115200);
            using var session = ChipSession.Connect(link, options, new FanOutObserver(printer, log), cancel);
            connected = session;
            RememberedBaud.Write(archiveRoot, port, session.Info, log, asked: options.Baud);
            var code = body(session, log, cancel);
            printer.Finish();
            DemoteIfSteppedDown();
            log.Info($"exit {code}");
            return code;
        }
        catch (Exception e) when (Classify(e) is { } code)
        {
            DemoteIfSteppedDown();
            printer.Finish();
            // A cancel the user asked for is not an error: say what it stopped, not .NET's wording.
            var message = e is OperationCanceledException ? Cancelled(verb, port) : e.Message;
            Console.Error.WriteLine($"bktui {verb}: {message}");
            Console.Error.WriteLine($"log: {log.FilePath}");
            CliFailure.Remember(code, message, port);
            log.Error(e, $"exit {code}");
            return code;
        }
    }

    private static string Cancelled(string verb, string port) => verb is "write" or "erase"
        ? $"cancelled by the user on {port}; the range may be partly {(verb == "write" ? "written" : "erased")}: run the same command again to complete it (sectors that already match are skipped)"
        : $"cancelled by the user on {port}; nothing from this run was saved or archived";

    /// <summary>Logs go under the archive's logs/ when that archive exists (never created just for a log).</summary>
    private static string? ExistingArchive(ParseResult pr)
    {
        var option = pr.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--archive") is Option<string?> a ? pr.GetValue(a) : null;
        var root = ArchiveLocation.Resolve(option);
        return Directory.Exists(root) ? root : null;
    }

    public static int? Classify(Exception e) => e switch
    {
        UsageException or ArgumentException => ExitCodes.Usage,
        GuardRefusedException => ExitCodes.Refused,
        ArchiveException => ExitCodes.ArchiveError,
        VerifyFailedException => ExitCodes.VerifyFailed,
        NoLinkException => ExitCodes.NoLink,
        DeviceGoneException or DeviceChangedException => ExitCodes.DeviceGone,
        PortBusyException or PortUnavailableException => ExitCodes.PortUnavailable,
        BadInputException or InvalidDataException => ExitCodes.BadInput,
        OperationCanceledException => ExitCodes.Cancelled,
        FlashException or SerialException => ExitCodes.Failed,
        IOException or UnauthorizedAccessException => ExitCodes.Failed,
        _ => null,
    };

    /// <summary>A pre-flight line: on stderr for the user and in the run log.</summary>
    public static Action<string> Say(RunLog log) => line =>
    {
        log.Info(line);
        Console.Error.WriteLine(line);
    };

    /// <summary>Reads an input file with a size bound; only a regular file (a FIFO would block, a device never ends).</summary>
    public static byte[] ReadInput(string path)
    {
        try { return RegularFile.Read(path, 16 * 1024 * 1024, "firmware or dump file"); }
        catch (InputFileException e) { throw new BadInputException(e.Message); }
    }
}

internal sealed class UsageException(string message) : Exception(message);

internal sealed class BadInputException(string message) : Exception(message);

/// <summary>Sends session events to the progress printer and the run log.</summary>
internal sealed class FanOutObserver(params IFlashObserver[] targets) : IFlashObserver
{
    public void Progress(FlashProgress p) { foreach (var t in targets) t.Progress(p); }
    public void NeedsAttention(string message) { foreach (var t in targets) t.NeedsAttention(message); }
    public void Log(string line) { foreach (var t in targets) t.Log(line); }
}
