using System.CommandLine;
using System.Text;

namespace BkTui.Cli;

/// <summary>
/// The one error object of every <c>--json</c> verb (docs/cli-json.md); key names are part of the CLI
/// contract. <see cref="Code"/> is the exit code, <see cref="Kind"/> its word (<see cref="ExitCodes.Kind"/>,
/// the words a run's jobs use for <c>errorKind</c>), <see cref="Next"/> what to do about it.
/// </summary>
internal sealed record ErrorJson(int Code, string Kind, string Message, string? Port, string? Next);

/// <summary>What a <c>--json</c> verb prints on stdout when its exit code is not 0.</summary>
internal sealed record FailureJson(bool Ok, ErrorJson Error);

/// <summary>
/// Failures said once: the human line on stderr, and with <c>--json</c> the error object on stdout.
/// A verb says its failure through <see cref="Say"/> or <see cref="Remember"/>; <see cref="GuardAsync"/>
/// (around every CLI invocation with <c>--json</c>) prints the object when the verb exits non-zero
/// without printing anything on stdout — also for a path that only wrote to stderr, from what it wrote.
/// Verbs whose failure still has results (run's jobs, import's files, check's report, analyze's
/// report) print <see cref="Error"/> beside them themselves.
/// </summary>
internal static class CliFailure
{
    private sealed class Slot
    {
        public ErrorJson? Error;
    }

    private static readonly AsyncLocal<Slot?> Current = new();

    /// <summary>The error object for an exit code; <paramref name="next"/> defaults to the code's usual next step.</summary>
    public static ErrorJson Error(int code, string message, string? port = null, string? next = null) =>
        new(code, ExitCodes.Kind(code), message.Trim(), port, next ?? Next(code));

    /// <summary>Prints <c>bktui VERB: message</c> on stderr and keeps it for the error object; returns <paramref name="code"/>.</summary>
    public static int Say(string verb, int code, string message, string? port = null, string? next = null)
    {
        Console.Error.WriteLine($"bktui {verb}: {message}");
        Remember(code, message, port, next);
        return code;
    }

    /// <summary>Keeps a failure already said on stderr for the error object (the last one said wins).</summary>
    public static void Remember(int code, string message, string? port = null, string? next = null)
    {
        if (Current.Value is { } slot) slot.Error = Error(code, message, port, next);
    }

    /// <summary>The usual next step for an exit code (a verb with a better one passes it).</summary>
    public static string? Next(int code) => code switch
    {
        ExitCodes.Usage => "`bktui --help` lists the verbs; `bktui VERB --help` a verb's options",
        ExitCodes.PortUnavailable => "`bktui ports` lists the ports, and who holds a busy one",
        ExitCodes.NoLink => "start the command, then reset the chip (CEN to GND, or power-cycle) while it waits; check TX/RX crossed, GND, the 3.3 V supply; a lower --baud",
        ExitCodes.Refused => "nothing was sent: use the right file or range, or pass the override the message names if you really mean it",
        ExitCodes.VerifyFailed => "run the same command again (what already matches is skipped); if it fails again, check the supply and the cable",
        ExitCodes.BadInput => "check the input file: the path, and that it is what it claims to be",
        ExitCodes.DeviceGone => "plug the adapter back in and run the same command again",
        ExitCodes.ArchiveError => "check the archive folder (it exists, is writable, has space); `bktui dumps check` checks its contents",
        ExitCodes.NetworkError => "go online, or cache the build on a machine that is (`bktui firmware get --chip FAMILY`)",
        ExitCodes.Cancelled => "run the same command again when ready",
        ExitCodes.Failed => "read the message (and the log it names)",
        _ => null,
    };

    /// <summary>True when the line asks for --json (read from the words, so a line that does not parse is answered in JSON too).</summary>
    public static bool Wanted(IEnumerable<string> args) => args.TakeWhile(a => a != "--").Contains("--json");

    public static void Write(ErrorJson error) => CliJson.Write(new FailureJson(false, error));

    /// <summary>
    /// Runs <paramref name="invoke"/>; when it fails (exit code not 0) without writing stdout, prints the
    /// error object: the failure the verb said, else what it wrote on stderr. The exit code decides code and kind.
    /// </summary>
    public static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> invoke)
    {
        var slot = new Slot();
        Current.Value = slot;
        var (stdout, stderr) = (Console.Out, Console.Error);
        var watched = new WatchedWriter(stdout, record: false);
        var recorded = new WatchedWriter(stderr, record: true);
        Console.SetOut(watched);
        Console.SetError(recorded);
        int code;
        try
        {
            code = await invoke();
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Current.Value = null;
        }
        if (code == ExitCodes.Ok || watched.Written) return code;
        var error = slot.Error is { } said
            ? said.Code == code ? said : said with { Code = code, Kind = ExitCodes.Kind(code), Next = Next(code) }
            : Error(code, FromStderr(recorded.Text, code), PortOf(parse));
        try { Write(error); } catch (IOException) { } // stdout went away; the exit code still says it
        return code;
    }

    /// <summary>The --port the line names, when it names exactly one.</summary>
    public static string? PortOf(ParseResult parse)
    {
        if (parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--port") is not { } option) return null;
        var values = parse.GetResult(option)?.Tokens.Select(t => t.Value).Distinct().ToList();
        return values is [var one] ? one : null;
    }

    /// <summary>The lines a failing path wrote on stderr (progress redraws and the log pointer left out).</summary>
    private static string FromStderr(string text, int code)
    {
        var lines = text.Split('\n')
            .Select(l => l[(l.LastIndexOf('\r') + 1)..].Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("log: ", StringComparison.Ordinal))
            .ToList();
        return lines.Count > 0 ? string.Join("\n", lines) : $"failed with exit code {code} ({ExitCodes.Kind(code)})";
    }

    /// <summary>Passes everything through; notes that something was written, and keeps the text when asked (bounded).</summary>
    private sealed class WatchedWriter(TextWriter inner, bool record) : TextWriter
    {
        private const int MaxKept = 64 * 1024;
        private readonly StringBuilder _text = new();

        public bool Written { get; private set; }
        public string Text { get { lock (_text) return _text.ToString(); } }
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            Seen(value.ToString());
            inner.Write(value);
        }

        public override void Write(string? value)
        {
            Seen(value);
            inner.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Seen(new string(buffer, index, count));
            inner.Write(buffer, index, count);
        }

        public override void Flush() => inner.Flush();

        private void Seen(string? s)
        {
            if (string.IsNullOrEmpty(s)) return;
            Written = true;
            if (!record) return;
            lock (_text)
                if (_text.Length < MaxKept) _text.Append(s);
        }
    }
}
