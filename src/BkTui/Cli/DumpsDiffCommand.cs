using System.CommandLine;
using Humanizer;
using BkTui.Core.Archive;

namespace BkTui.Cli;

/// <summary><c>dumps diff ID1 ID2</c>: changed byte ranges named by partition, and changed Tuya/OBK config keys.</summary>
internal static class DumpsDiffCommand
{
    private const int MaxRangesPrinted = 64;

    public static Command Create()
    {
        var first = new Argument<long>("ID1") { Description = "The older dump." };
        var second = new Argument<long>("ID2") { Description = "The newer dump." };
        var archive = DumpsCommand.ArchiveOption();
        var json = DumpsCommand.JsonOption();
        var cmd = new Command("diff", "Compare two dumps: changed ranges (by partition) and config keys.");
        cmd.Arguments.Add(first);
        cmd.Arguments.Add(second);
        cmd.Options.Add(archive);
        cmd.Options.Add(json);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            var diff = a.Diff(pr.GetValue(first), pr.GetValue(second));
            if (pr.GetValue(json)) { CliJson.Write(diff); return ExitCodes.Ok; }
            Print(diff);
            return ExitCodes.Ok;
        }, readOnly: true));
        return cmd;
    }

    private static void Print(DumpDiff d)
    {
        if (d.Identical) { Console.Out.WriteLine($"dumps #{d.FirstId} and #{d.SecondId} are identical"); return; }
        Console.Out.WriteLine($"dump #{d.FirstId} ({DumpsCommand.Size(d.FirstSize)}) vs #{d.SecondId} ({DumpsCommand.Size(d.SecondSize)}): " +
            $"{d.ChangedBytes:N0} bytes differ in {"range".ToQuantity(d.Ranges.Count)}");
        foreach (var r in d.Ranges.Take(MaxRangesPrinted))
            Console.Out.WriteLine($"  0x{r.Start:X6}..0x{r.End:X6}  {r.Length,9:N0} B  {(r.Partitions.Count == 0 ? "(no known partition)" : string.Join(", ", r.Partitions))}");
        if (d.Ranges.Count > MaxRangesPrinted) Console.Out.WriteLine($"  … {d.Ranges.Count - MaxRangesPrinted} more (use --json for all)");
        if (d.ConfigChanges.Count == 0) { Console.Out.WriteLine("config keys: no Tuya/OBK change found in the analyses"); return; }
        Console.Out.WriteLine("config keys (secrets masked):");
        foreach (var c in d.ConfigChanges)
            Console.Out.WriteLine($"  {c.Section}.{c.Key}: {c.Before ?? "(absent)"} -> {c.After ?? "(absent)"}");
    }
}
