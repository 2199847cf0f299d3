using System.CommandLine;
using System.Text.Json;
using BkTui.Core.Archive;

namespace BkTui.Cli;

/// <summary><c>dumps show ID</c>, <c>dumps export ID --out FILE</c>, <c>dumps label ID TEXT</c>, <c>dumps attach ID MAC</c>.</summary>
internal static class DumpsShowCommand
{
    private static Argument<long> IdArgument() => new("ID") { Description = "Dump id (see `dumps list`)." };

    public static Command CreateShow()
    {
        var id = IdArgument();
        var archive = DumpsCommand.ArchiveOption();
        var json = DumpsCommand.JsonOption();
        var cmd = new Command("show", "Show one dump: where it came from, its device and its analysis (secrets masked).");
        cmd.Arguments.Add(id);
        cmd.Options.Add(archive);
        cmd.Options.Add(json);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            var detail = a.RequireDump(pr.GetValue(id));
            using var analysis = JsonDocument.Parse(detail.AnalysisJson);
            if (pr.GetValue(json))
            {
                CliJson.Write(new ShowJson(detail.Dump, detail.SectorCount, detail.ErasedSectors, analysis.RootElement));
                return ExitCodes.Ok;
            }
            var d = detail.Dump;
            Console.Out.WriteLine($"""
                dump #{d.Id}  {DumpsCommand.Or(d.Label, "(no label)")}
                  sha256    {d.Sha256}
                  size      {DumpsCommand.Size(d.Size)} ({d.Size} bytes, {detail.SectorCount} sectors, {detail.ErasedSectors} erased)
                  device    {d.Device}  chip {DumpsCommand.Or(d.Chip)}  grade {DumpsCommand.Or(d.Grade)}
                  taken     {DumpsCommand.Ago(d.TakenAt)} ({d.TakenAt:u})
                  archived  {DumpsCommand.Ago(d.ImportedAt)}, {d.Source}{(d.JobId is { } j ? $", job {j}" : "")}
                  stored    +{DumpsCommand.Size(d.NewBytes)} in the blob store at import
                analysis (secrets masked):
                """);
            Console.Out.WriteLine(CliJson.Text(analysis.RootElement));
            return ExitCodes.Ok;
        }, readOnly: true));
        return cmd;
    }

    public static Command CreateExport()
    {
        var id = IdArgument();
        var archive = DumpsCommand.ArchiveOption();
        var output = new Option<string>("--out") { Description = "File to write (atomically; replaced if it exists).", Required = true };
        var cmd = new Command("export", "Write a dump's exact bytes to a file (verified against its sha256).");
        cmd.Arguments.Add(id);
        cmd.Options.Add(archive);
        cmd.Options.Add(output);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            var dumpId = pr.GetValue(id);
            var path = Path.GetFullPath(pr.GetValue(output)!);
            var d = a.RequireDump(dumpId);
            a.Export(dumpId, path);
            Console.Out.WriteLine($"exported dump #{dumpId} ({DumpsCommand.Size(d.Dump.Size)}, sha256 {DumpsCommand.Short(d.Dump.Sha256)}…, verified) to {path}");
            return ExitCodes.Ok;
        }, readOnly: true));
        return cmd;
    }

    public static Command CreateLabel()
    {
        var id = IdArgument();
        var text = new Argument<string>("TEXT") { Description = "The label (replaces the previous one)." };
        var archive = DumpsCommand.ArchiveOption();
        var cmd = new Command("label", "Label a dump (e.g. \"factory\", \"before OBK 1.17\").");
        cmd.Arguments.Add(id);
        cmd.Arguments.Add(text);
        cmd.Options.Add(archive);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            a.LabelDump(pr.GetValue(id), pr.GetValue(text)!);
            Console.Out.WriteLine($"dump #{pr.GetValue(id)} labelled \"{pr.GetValue(text)!.Trim()}\"");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static Command CreateAttach()
    {
        var id = IdArgument();
        var mac = new Argument<string>("MAC") { Description = "The device it came from (AA:BB:CC:DD:EE:FF)." };
        var archive = DumpsCommand.ArchiveOption();
        var cmd = new Command("attach", "Attach a dump (e.g. an unidentified one) to the device with this MAC.");
        cmd.Arguments.Add(id);
        cmd.Arguments.Add(mac);
        cmd.Options.Add(archive);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            var device = a.AttachDump(pr.GetValue(id), pr.GetValue(mac)!);
            Console.Out.WriteLine($"dump #{pr.GetValue(id)} attached to {device.Name}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    internal sealed record ShowJson(DumpSummary Dump, int SectorCount, int ErasedSectors, JsonElement Analysis);
}
