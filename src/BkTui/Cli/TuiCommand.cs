using System.CommandLine;
using BkTui.Tui.Render;
using BkTui.Tui;

namespace BkTui.Cli;

/// <summary><c>bktui tui</c>: the full-screen workstation (also what <c>bktui</c> alone opens on a terminal).</summary>
internal static class TuiCommand
{
    public static readonly Option<string?> Color = new("--color") { Description = "Colour mode: auto (from NO_COLOR and TERM), none, mono, 16 or 256." };
    public static readonly Option<bool> Ascii = new("--ascii") { Description = "ASCII borders instead of Unicode box drawing." };
    public static readonly Option<bool> RevealSecrets = new("--reveal-secrets") { Description = "Show passwords in the hex view (masked by default; S toggles)." };
    public static readonly Option<bool> ReadOnly = new("--read-only") { Description = "Bench mode: write, erase and other dangerous actions are removed." };

    public static Command Create()
    {
        var hex = new Option<FileInfo?>("--hex") { Description = "Open this file in the hex viewer." };
        var compare = new Option<FileInfo?>("--compare") { Description = "Compare the --hex file with this one (changed bytes highlighted)." };
        var archive = new Option<string?>("--archive") { Description = "Archive folder for the bench panes (default: BKTUI_ARCHIVE, the checkout's dumps/, or ~/.local/share/bktui)." };
        var cmd = new Command("tui", "Open the full-screen terminal UI (needs a terminal on stdin and stdout).");
        foreach (var o in new Option[] { hex, compare, archive, Color, Ascii, ReadOnly, RevealSecrets }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            TuiOptions options;
            try
            {
                options = Options(pr) with
                {
                    HexFile = pr.GetValue(hex)?.FullName,
                    CompareFile = pr.GetValue(compare)?.FullName,
                    RevealSecrets = pr.GetValue(RevealSecrets),
                };
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                Console.Error.WriteLine($"bktui tui: {e.Message}");
                return ExitCodes.Usage;
            }
            if (options.HexFile is { } f && !File.Exists(f))
            {
                Console.Error.WriteLine($"bktui tui: no such file: {f}");
                return ExitCodes.BadInput;
            }
            return await RunAsync(options, ct, pr.GetValue(archive));
        });
        return cmd;
    }

    /// <summary>Options shared by every command that opens the TUI (colour, borders, read-only).</summary>
    public static TuiOptions Options(ParseResult pr)
    {
        var mode = ColorModes.Detect(pr.GetValue(Color));
        return new TuiOptions { Color = mode, Unicode = !pr.GetValue(Ascii) && Utf8Locale(), ReadOnly = pr.GetValue(ReadOnly) };
    }

    /// <summary>Opens the TUI, or explains why it cannot (exit 2).</summary>
    public static async Task<int> RunAsync(TuiOptions options, CancellationToken ct, string? archiveOption = null)
    {
        if (!TuiLauncher.CanRun)
        {
            Console.Error.WriteLine("bktui: the TUI needs a terminal on stdin and stdout; use a verb instead (bktui --help).");
            return ExitCodes.Usage;
        }
        if (Environment.GetEnvironmentVariable("TERM") is "dumb")
        {
            Console.Error.WriteLine("bktui: TERM=dumb cannot show the TUI; use the verbs (bktui --help).");
            return ExitCodes.Usage;
        }
        return await WorkstationLaunch.RunRealAsync(options, archiveOption, ct);
    }

    private static bool Utf8Locale()
    {
        var lang = Environment.GetEnvironmentVariable("LC_ALL") ?? Environment.GetEnvironmentVariable("LC_CTYPE") ?? Environment.GetEnvironmentVariable("LANG");
        // No locale at all (containers, CI): assume UTF-8, which every terminal we target speaks.
        return string.IsNullOrEmpty(lang) || lang.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || lang.Contains("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
