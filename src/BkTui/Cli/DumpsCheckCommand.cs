using System.CommandLine;
using Humanizer;

namespace BkTui.Cli;

/// <summary><c>dumps check [--clean]</c>: database integrity, every blob present and matching its hash; non-zero exit when not ok.</summary>
internal static class DumpsCheckCommand
{
    public static Command Create()
    {
        var archive = DumpsCommand.ArchiveOption();
        var json = DumpsCommand.JsonOption();
        var clean = new Option<bool>("--clean") { Description = "Also delete orphan blob files left by interrupted imports." };
        var cmd = new Command("check", "Verify the archive; exit 9 when something is missing or damaged.");
        cmd.Options.Add(archive);
        cmd.Options.Add(json);
        cmd.Options.Add(clean);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            var r = a.Check(pr.GetValue(clean));
            if (pr.GetValue(json)) CliJson.Write(new CheckJson(a.Root, r.Ok, r.Ok ? null : CliFailure.Error(ExitCodes.ArchiveError, $"{a.Root}: not ok: {string.Join("; ", r.Problems.DefaultIfEmpty($"database {r.IntegrityCheck}"))}",
                next: "keep a copy of this folder before changing anything; re-import the originals of damaged dumps if you have them"), r.IntegrityCheck, r.Dumps, r.Sectors, r.Packs, r.Problems, r.OrphanFiles, r.OrphansRemoved, r.Notes));
            else
            {
                Console.Out.WriteLine($"{a.Root}: {(r.Ok ? "ok" : "NOT OK")} — {"dump".ToQuantity(r.Dumps)}, {"stored sector".ToQuantity(r.Sectors)} in {"pack".ToQuantity(r.Packs)}, database {r.IntegrityCheck}");
                foreach (var p in r.Problems) Console.Out.WriteLine($"  problem: {p}");
                if (r.OrphanFiles.Count > 0)
                    Console.Out.WriteLine(r.OrphansRemoved > 0
                        ? $"  removed {"orphan file".ToQuantity(r.OrphansRemoved)} left by interrupted imports"
                        : $"  {"orphan file".ToQuantity(r.OrphanFiles.Count)} left by interrupted imports (harmless; `dumps check --clean` removes them)");
                foreach (var n in r.Notes) Console.Out.WriteLine($"  note: {n}");
                if (!r.Ok) Console.Out.WriteLine("  Keep a copy of this folder before changing anything; re-import the originals of damaged dumps if you have them.");
            }
            return r.Ok ? ExitCodes.Ok : ExitCodes.ArchiveError;
        }, readOnly: true));
        return cmd;
    }

    internal sealed record CheckJson(string Archive, bool Ok, ErrorJson? Error, string IntegrityCheck, int Dumps, int Sectors, int Packs,
        IReadOnlyList<string> Problems, IReadOnlyList<string> OrphanFiles, int OrphansRemoved, IReadOnlyList<string> Notes);
}
