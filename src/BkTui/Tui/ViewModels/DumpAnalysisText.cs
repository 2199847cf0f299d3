using BkTui.Core.Formats.Analysis;

namespace BkTui.Tui.ViewModels;

/// <summary>
/// A dump's analysis for the detail view: why it got its grade first (the problems, or that there
/// are none), then the engine's own report text with secrets masked (Wi-Fi and MQTT passwords, Tuya keys).
/// </summary>
public static class DumpAnalysisText
{
    public static IReadOnlyList<string> Lines(DumpReport report, string title)
    {
        var lines = new List<string>
        {
            $"Grade {report.Quality.Grade}: " + (report.Quality.Problems.Count == 0 ? "no problems found" : $"{report.Quality.Problems.Count} problem{(report.Quality.Problems.Count == 1 ? "" : "s")}"),
        };
        lines.AddRange(report.Quality.Problems.Select(p => $"  {p.Severity}: {p.Message}"));
        lines.Add("");
        lines.AddRange(DumpReportText.Render(report, revealSecrets: false, title).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
        return lines;
    }
}
