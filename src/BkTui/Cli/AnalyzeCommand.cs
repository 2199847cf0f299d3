using System.CommandLine;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;

namespace BkTui.Cli;

/// <summary><c>bktui analyze FILE [--json] [--reveal-secrets]</c>: what a flash dump contains.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A flash dump (.bin), any size up to 64 MiB." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var reveal = new Option<bool>("--reveal-secrets") { Description = "Show Wi-Fi passwords and Tuya keys instead of ***." };
        var cmd = new Command("analyze", "Analyse a flash dump: chip, bootloader, key, partitions, MAC, RF, Tuya and OpenBeken config.");
        cmd.Arguments.Add(file);
        cmd.Options.Add(json);
        cmd.Options.Add(reveal);
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(file);
            if (!InputFile.TryRead("analyze", path, out var data, out var code)) return code;
            var report = DumpAnalyzer.Analyze(data);
            if (pr.GetValue(json))
                Console.Out.WriteLine(report.ToJson(pr.GetValue(reveal)));
            else
                Console.Out.Write(DumpReportText.Render(report, pr.GetValue(reveal), Path.GetFileName(path)));
            // The analysis itself succeeded; a file with no usable content, or a truncated dump, is still reported, but flagged.
            return report.Quality.Grade == "F" || report.Quality.Problems.Any(p => p.Code == "truncated") ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return cmd;
    }
}
