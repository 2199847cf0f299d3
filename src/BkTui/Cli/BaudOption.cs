using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace BkTui.Cli;

/// <summary>
/// <c>--baud N</c> of the verbs that link a chip: a whole number of at least 300, or the line exits 2
/// with a sentence (a 0 reached the serial layer and came back as .NET's own argument text).
/// </summary>
internal static class BaudOption
{
    private const int Lowest = 300;

    public static Option<int?> Create(string description) => new("--baud", "-b")
    {
        Description = description,
        CustomParser = Parse,
    };

    private static int? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var baud) && baud >= Lowest) return baud;
        result.AddError($"--baud '{text}' is not a rate: give a whole number of bits per second, {Lowest} or more (e.g. 921600), or leave it out to let the ladder choose");
        return null;
    }
}
