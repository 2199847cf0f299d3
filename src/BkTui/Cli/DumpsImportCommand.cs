using System.CommandLine;
using BkTui.Core.Archive;

namespace BkTui.Cli;

/// <summary><c>bktui dumps import PATH... [--json]</c>: files, or every *.bin under a folder; idempotent by sha256.</summary>
internal static class DumpsImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Dump files, or folders (every *.bin inside, recursively).", Arity = ArgumentArity.OneOrMore };
        var archive = DumpsCommand.ArchiveOption();
        var json = DumpsCommand.JsonOption();
        var label = new Option<string?>("--label") { Description = "Label for the new dumps." };
        var keep = new Option<bool>("--keep-unknown") { Description = "Archive files whose analysis finds nothing BK72xx in them (grade F) as unknown files, instead of refusing them." };
        var taken = TakenOption.Create();
        var cmd = new Command("import", "Archive dump files (the same bytes twice are stored once).");
        cmd.Arguments.Add(paths);
        cmd.Options.Add(archive);
        cmd.Options.Add(json);
        cmd.Options.Add(label);
        cmd.Options.Add(keep);
        cmd.Options.Add(taken);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a => Run(a, pr.GetValue(paths)!,
            new ImportOptions { Label = pr.GetValue(label), RefuseUnrecognised = !pr.GetValue(keep), TakenAt = pr.GetValue(taken) }, pr.GetValue(json))));
        return cmd;
    }

    private static int Run(DumpArchive archive, string[] paths, ImportOptions options, bool json)
    {
        var results = new List<ImportResult>();
        var failures = new List<(string Path, string Error)>();
        foreach (var file in Expand(paths, failures))
        {
            try
            {
                var r = archive.ImportFile(file, options);
                results.Add(r);
                if (!json)
                {
                    Console.Out.WriteLine(r.IsNew
                        ? $"+ #{r.DumpId}  {DumpsCommand.Or(r.Mac ?? r.Keys.FirstOrDefault()?.Key, "unidentified")}  grade {DumpsCommand.Or(r.Grade, "?")}  {DumpsCommand.Size(r.Size)} (+{DumpsCommand.Size(r.NewBytes)} stored)  {file}"
                        : $"= #{r.DumpId}  already archived  {file}");
                    Console.Out.WriteLine($"    {TakenLine(r)}");
                }
            }
            catch (ArchiveException e) when (e.Problem == ArchiveProblem.BadInput)
            {
                failures.Add((file, e.Message));
                if (!json) Console.Error.WriteLine($"bktui: {e.Message}");
            }
        }
        long raw = results.Where(r => r.IsNew).Sum(r => r.Size), stored = results.Sum(r => r.NewBytes);
        var code = failures.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        if (json)
            CliJson.Write(new ImportJson(code == ExitCodes.Ok,
                code == ExitCodes.Ok ? null : CliFailure.Error(code, string.Join("; ", failures.Select(f => f.Error))),
                archive.Root, results, failures.Select(f => new ImportFailureJson(f.Path, f.Error)).ToList()));
        else
            Console.Out.WriteLine($"{results.Count(r => r.IsNew)} imported, {results.Count(r => !r.IsNew)} already archived, {failures.Count} failed; " +
                $"{DumpsCommand.Size(stored)} stored for {DumpsCommand.Size(raw)} of new dumps, in {archive.Root}");
        return code;
    }

    /// <summary>The date and where it came from: a copied file's modification time is the copy's, so the default is said, with the way to set it.</summary>
    internal static string TakenLine(ImportResult r) => $"taken: {TakenOption.Text(r.TakenAt)}, " + r.TakenFrom switch
    {
        TakenAtSource.Given => "as --taken says",
        TakenAtSource.FileModified => "from the file's modification time; --taken sets it",
        TakenAtSource.Archived => "as archived the first time; --taken does not change it",
        _ => "when it was archived",
    };

    /// <summary>Files as given, folders expanded to their *.bin files (sorted, so runs are repeatable).</summary>
    private static IEnumerable<string> Expand(string[] paths, List<(string, string)> failures)
    {
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true })
                             .Where(f => f.EndsWith(".bin", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
                    yield return f;
            }
            else if (File.Exists(p)) yield return p;
            else
            {
                failures.Add((p, $"{p}: no such file or folder"));
                Console.Error.WriteLine($"bktui: {p}: no such file or folder. Check the path.");
            }
        }
    }

    /// <summary>The import's results; when a file failed (exit 7), ok is false and error says which, as every --json failure does.</summary>
    internal sealed record ImportJson(bool Ok, ErrorJson? Error, string Archive, IReadOnlyList<ImportResult> Imported, IReadOnlyList<ImportFailureJson> Failed);

    internal sealed record ImportFailureJson(string Path, string Error);
}
