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

    public static Command CreateLabel() => TwoArguments("label", "Label a dump (e.g. \"factory\", \"before OBK 1.17\").",
        IdArgument(), new Argument<string>("TEXT") { Description = "The label (replaces the previous one)." },
        (a, id, text) => { a.LabelDump(id, text); return $"dump #{id} labelled \"{text.Trim()}\""; });

    public static Command CreateName() => TwoArguments("name", "Name a device (e.g. \"kitchen plug\"): lists show the name before its MAC.",
        new Argument<string>("DEVICE") { Description = "The device: its MAC (AA:BB:CC:DD:EE:FF) or identity key, as `bktui dumps devices` lists it." },
        new Argument<string>("NAME") { Description = "What you call it (e.g. \"kitchen plug\"); shown before the MAC." },
        (a, device, name) => $"{a.NameDevice(device, name).Name} is now named \"{name.Trim()}\"");

    public static Command CreateAttach() => TwoArguments("attach", "Attach a dump (e.g. an unidentified one) to the device with this MAC.",
        IdArgument(), new Argument<string>("MAC") { Description = "The device it came from (AA:BB:CC:DD:EE:FF)." },
        (a, id, mac) => $"dump #{id} attached to {a.AttachDump(id, mac).Name}");

    /// <summary>A verb that changes one thing in the archive, named by two arguments, and says what it did.</summary>
    private static Command TwoArguments<T>(string name, string description, Argument<T> first, Argument<string> second, Func<DumpArchive, T, string, string> change)
    {
        var archive = DumpsCommand.ArchiveOption();
        var cmd = new Command(name, description);
        cmd.Arguments.Add(first);
        cmd.Arguments.Add(second);
        cmd.Options.Add(archive);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            Console.Out.WriteLine(change(a, pr.GetValue(first)!, pr.GetValue(second)!));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    internal sealed record ShowJson(DumpSummary Dump, int SectorCount, int ErasedSectors, JsonElement Analysis);
}
