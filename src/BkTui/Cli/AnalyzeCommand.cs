using System.CommandLine;
using System.Text.Json;
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
            // The analysis itself succeeded; a file with no usable content, or a truncated dump, is still reported, but flagged.
            var truncated = report.Quality.Problems.Any(p => p.Code == "truncated");
            var verdict = report.Quality.Grade == "F" || truncated ? ExitCodes.BadInput : ExitCodes.Ok;
            if (!pr.GetValue(json))
                Console.Out.Write(DumpReportText.Render(report, pr.GetValue(reveal), Path.GetFileName(path)));
            else if (verdict == ExitCodes.Ok)
                Console.Out.WriteLine(report.ToJson(pr.GetValue(reveal)));
            else
            {
                // As every --json failure: ok false and the error object, the report beside it.
                using var doc = JsonDocument.Parse(report.ToJson(pr.GetValue(reveal)));
                // Nothing BK72xx comes first: random bytes of an odd length are not a truncated dump.
                var why = report.Quality.Grade == "F" ? "nothing BK72xx was found in it (grade F)" : "the dump is truncated";
                CliJson.Write(new AnalyzeFailureJson(false, CliFailure.Error(verdict, $"{path}: {why}; the report says what was found"), doc.RootElement));
            }
            return verdict;
        });
        return cmd;
    }

    internal sealed record AnalyzeFailureJson(bool Ok, ErrorJson Error, JsonElement Report);
}
