using System.Text.RegularExpressions;

namespace BkTui.Tui.ViewModels;

/// <summary>
/// A job's log file as read in the detail view: the file's own time of each line, shortened to the
/// clock time, and the level only when it is not plain information — the same form as the Log pane.
/// </summary>
public static partial class JobLogText
{
    /// <summary>Lines shown at most: the newest ones (a log is bounded on screen as everywhere else).</summary>
    public const int MaxLines = 2000;

    public static IReadOnlyList<string> Lines(string path, IEnumerable<string> fileLines)
    {
        var all = fileLines.ToList();
        var lines = new List<string> { $"file: {path}" };
        if (all.Count > MaxLines) lines.Add($"(the first {all.Count - MaxLines} lines are only in the file)");
        lines.Add("");
        lines.AddRange(all.TakeLast(MaxLines).Select(Compact));
        return lines;
    }

    /// <summary>"2026-12-03T19:38:36.960+00:00 [INF] chip BK7231T" → "19:38:36 chip BK7231T".</summary>
    public static string Compact(string line)
    {
        var m = Entry().Match(line);
        if (!m.Success) return "         " + line; // an exception's lines, under the text column
        string level = m.Groups["level"].Value;
        return level == "INF" ? $"{m.Groups["time"].Value} {m.Groups["text"].Value}" : $"{m.Groups["time"].Value} {level} {m.Groups["text"].Value}";
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT(?<time>\d\d:\d\d:\d\d)\.\d+(?:Z|[+-]\d\d:\d\d) \[(?<level>[A-Z]{3})\] (?<text>.*)$")]
    private static partial Regex Entry();
}
