using System.CommandLine;
using System.Text;
using BkTui.Cli;

namespace BkTui.Tui.Commands;

/// <summary>
/// Runs a CLI verb inside the TUI: the CLI's own tree parses it, and everything it prints (to the
/// invocation writers or Console.Out/Error) is delivered line by line. One verb at a time, since
/// Console.Out is process-wide (the TUI itself writes frames to the raw stdout stream, not Console.Out).
/// </summary>
public static class CommandRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<int> RunAsync(string[] args, Action<string> onLine, CancellationToken ct)
    {
        var parse = CliApp.BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // An unknown word under a verb (`dumps frobnicate`) also yields "Required command was not
            // provided." above the real error; the word is the one error to read.
            var errors = parse.Errors.Select(e => e.Message).ToList();
            if (errors.Count > 1) errors.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
            foreach (var e in errors) onLine(e);
            return ExitCodes.Usage;
        }
        await OneAtATime.WaitAsync(ct);
        var writer = new LineWriter(onLine);
        var (oldOut, oldError) = (Console.Out, Console.Error);
        try
        {
            Console.SetOut(writer);
            Console.SetError(writer);
            var config = new InvocationConfiguration { Output = writer, Error = writer, ProcessTerminationTimeout = null };
            return await Task.Run(() => parse.InvokeAsync(config, ct), ct);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            writer.Flush();
            OneAtATime.Release();
        }
    }

    /// <summary>A TextWriter that hands over complete lines.</summary>
    private sealed class LineWriter(Action<string> onLine) : TextWriter
    {
        private readonly StringBuilder _line = new();
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    onLine(_line.ToString().TrimEnd('\r'));
                    _line.Clear();
                }
                else _line.Append(value);
            }
        }

        public override void Flush()
        {
            lock (_line)
            {
                if (_line.Length == 0) return;
                onLine(_line.ToString());
                _line.Clear();
            }
        }
    }
}
