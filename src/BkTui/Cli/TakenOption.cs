using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BkTui.Cli;

/// <summary>
/// <c>dumps import --taken DATE</c>: when the bytes were really read, for a file whose modification
/// time is the copy's. ISO dates only (2024-05-01, 2024-05-01T10:00, …+02:00), UTC unless an offset
/// is written: a day-first or month-first date would be read wrong silently. A bad or future date is
/// a parse error, so the line exits 2 like any other bad command line.
/// </summary>
internal static partial class TakenOption
{
    public static Option<DateTimeOffset?> Create() => new("--taken")
    {
        Description = "When the dumps were read (2024-05-01, 2024-05-01T10:00, UTC unless an offset like +02:00 is given). Default: each file's modification time.",
        CustomParser = Parse,
    };

    private static DateTimeOffset? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        if (!IsoStart().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var taken))
        {
            result.AddError($"--taken '{text}' is not a date: write it as 2024-05-01, 2024-05-01T10:00 (UTC) or 2024-05-01T10:00+02:00");
            return null;
        }
        if (taken > DateTimeOffset.UtcNow)
        {
            result.AddError($"--taken '{text}' is in the future ({Text(taken)}): give the day the dump was read");
            return null;
        }
        return taken;
    }

    /// <summary>"2024-05-01 10:00 UTC", as the import's lines say it.</summary>
    public static string Text(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]|$)")]
    private static partial Regex IsoStart();
}
