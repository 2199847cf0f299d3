using System.CommandLine;
using BkTui.Core.Formats;
using BkTui.Core.Formats.HexView;
using BkTui.Core.Formats.Obk;

namespace BkTui.Cli;

/// <summary><c>bktui hexdump FILE [--start A] [--length N]</c>: hex dump with partition labels in the margin.</summary>
internal static class HexdumpCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A flash dump or firmware image." };
        var start = new Option<string?>("--start") { Description = "First file offset (decimal or 0x hex). Default 0." };
        var length = new Option<string?>("--length") { Description = "Bytes to show (decimal or 0x hex). Default 0x200; 'all' for the rest of the file." };
        var reveal = new Option<bool>("--reveal-secrets") { Description = "Show the OpenBeken config's Wi-Fi and MQTT passwords (masked by default)." };
        var cmd = new Command("hexdump", "Hex dump of a file with the partition each line belongs to in the margin.");
        cmd.Arguments.Add(file);
        cmd.Options.Add(start);
        cmd.Options.Add(length);
        cmd.Options.Add(reveal);
        cmd.SetAction(pr =>
        {
            long from, count;
            try
            {
                from = FlashVerb.ParseNumber(pr.GetValue(start), "--start") ?? 0;
                var len = pr.GetValue(length);
                count = string.Equals(len, "all", StringComparison.OrdinalIgnoreCase) ? long.MaxValue : FlashVerb.ParseNumber(len, "--length") ?? 0x200;
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine("bktui hexdump: " + e.Message);
                return ExitCodes.Usage;
            }
            var path = pr.GetValue(file);
            if (!InputFile.TryRead("hexdump", path, out var data, out var code)) return code;
            if (from >= data.Length)
            {
                Console.Error.WriteLine($"bktui hexdump: --start 0x{from:X} is beyond the end of {path} (0x{data.Length:X} bytes).");
                return ExitCodes.Usage;
            }
            var report = DumpAnalyzer.Analyze(data);
            var size = data.Length;
            if (report.RotatedBy != 0)
                Console.Out.WriteLine($"# rotated dump: flash address = (file offset + 0x{report.RotatedBy:X}) mod 0x{size:X}; labels use flash addresses");
            string? Label(long off) => report.PartitionAt((off + report.RotatedBy) % size)?.Name;
            var secrets = pr.GetValue(reveal) ? [] : ObkSecretRanges.Find(data);
            var shown = secrets.Where(r => r.Start + r.Length > from && r.Start < from + Math.Min(count, data.Length - from)).ToList();
            if (shown.Count > 0)
                Console.Out.WriteLine($"# secrets masked ({string.Join(", ", shown.Select(r => $"{r.What} at 0x{r.Start:X}"))}); --reveal-secrets shows them");
            bool Masked(long off) => shown.Any(r => r.Contains(off));
            foreach (var line in HexDumpLines.Render(data, from, count, Label, Masked))
                Console.Out.WriteLine(line);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
