using System.CommandLine;
using BkTui.Core.Archive;
using Humanizer;

namespace BkTui.Cli;

/// <summary><c>bktui dumps …</c>: the archive verbs. Each subcommand lives in its own Dumps*.cs file.</summary>
internal static class DumpsCommand
{
    public static Command Create()
    {
        var cmd = new Command("dumps", "The dump archive: import, list, show, export, diff, label, name, attach, devices, check.");
        cmd.Subcommands.Add(DumpsImportCommand.Create());
        cmd.Subcommands.Add(DumpsListCommand.CreateList());
        cmd.Subcommands.Add(DumpsShowCommand.CreateShow());
        cmd.Subcommands.Add(DumpsShowCommand.CreateExport());
        cmd.Subcommands.Add(DumpsDiffCommand.Create());
        cmd.Subcommands.Add(DumpsShowCommand.CreateLabel());
        cmd.Subcommands.Add(DumpsShowCommand.CreateName());
        cmd.Subcommands.Add(DumpsShowCommand.CreateAttach());
        cmd.Subcommands.Add(DumpsListCommand.CreateDevices());
        cmd.Subcommands.Add(DumpsCheckCommand.Create());
        return cmd;
    }

    /// <summary>The <c>--archive DIR</c> option every archive verb takes (also used by <c>read</c>).</summary>
    public static Option<string?> ArchiveOption() => new("--archive")
    {
        Description = $"Archive folder (default: ${ArchiveLocation.EnvironmentVariable}, else the checkout's dumps/, else ~/.local/share/bktui).",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of text." };

    /// <summary>
    /// Opens the archive, runs <paramref name="body"/>, and turns archive failures into a message and exit code.
    /// A <paramref name="readOnly"/> verb never creates the folder it was pointed at: a missing one is an archive error.
    /// </summary>
    public static int WithArchive(string? archiveOption, Func<DumpArchive, int> body, bool readOnly = false)
    {
        try
        {
            if (readOnly && archiveOption is not null && !Directory.Exists(archiveOption))
            {
                var message = $"no archive at {archiveOption}: the folder does not exist (nothing was created).";
                var next = $"check the path, or archive a dump there first (`bktui dumps import FILE --archive {archiveOption}`)";
                Console.Error.WriteLine($"bktui: {message} {char.ToUpperInvariant(next[0])}{next[1..]}.");
                CliFailure.Remember(ExitCodes.ArchiveError, message, next: next);
                return ExitCodes.ArchiveError;
            }
            using var archive = DumpArchive.Open(ArchiveLocation.Resolve(archiveOption));
            return body(archive);
        }
        catch (ArchiveException e)
        {
            Console.Error.WriteLine($"bktui: {e.Message}");
            CliFailure.Remember(ExitCodeFor(e), e.Message, next: e.Problem == ArchiveProblem.NotFound ? "`bktui dumps list` lists the dumps" : null);
            return ExitCodeFor(e);
        }
    }

    public static int ExitCodeFor(ArchiveException e) => e.Problem switch
    {
        ArchiveProblem.BadInput => ExitCodes.BadInput,
        ArchiveProblem.NotFound => ExitCodes.Failed,
        _ => ExitCodes.ArchiveError,
    };

    // Readable-output helpers shared by the dumps verbs.
    public static string Ago(DateTimeOffset t) => Ago(t, DateTimeOffset.UtcNow);
    public static string Ago(DateTimeOffset t, DateTimeOffset now) => t.ToUnixTimeMilliseconds() == 0 ? "never" : t.Humanize(now);
    public static string Size(long bytes) => bytes.Bytes().Humanize("0.#");
    public static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
    public static string Or(string? s, string fallback = "-") => string.IsNullOrEmpty(s) ? fallback : s;

    /// <summary>Prints rows as left-aligned columns (two spaces apart), header first.</summary>
    public static void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var r in all)
            Console.Out.WriteLine(string.Join("  ", r.Select((cell, i) => i == r.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }
}
