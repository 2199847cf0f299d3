using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace BkTui.Cli;

/// <summary>
/// A command line that does not parse gets one line on stderr — what is wrong, the nearest option or
/// subcommand, where the options are listed — instead of the parser's separate lines and the whole
/// help on stdout (which also broke <c>--json</c>: its stdout must be one JSON document).
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>The verb's path ("run flash", "dumps show"), empty for the root.</summary>
    public static string PathOf(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult c; r = r.Parent)
            if (c.Parent is not null) names.Insert(0, c.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>
    /// Words that look like options but were taken as a verb's argument (the parser gives an unknown
    /// "--x" to FILE or ID when the verb has one): not a file or folder, so an unknown option.
    /// </summary>
    public static IReadOnlyList<string> OptionsTakenAsArguments(ParseResult parse) =>
        parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Where(v => v.StartsWith("--", StringComparison.Ordinal) && !File.Exists(v) && !Directory.Exists(v))
            .ToList();

    /// <summary>True when the line does not parse, or names an unknown option where an argument goes.</summary>
    public static bool Any(ParseResult parse) => parse.Errors.Count > 0 || OptionsTakenAsArguments(parse).Count > 0;

    /// <summary>The one-line message (without the "bktui VERB: " prefix).</summary>
    public static string Message(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = PathOf(parse);
        var parts = new List<string>();
        var unknown = parse.UnmatchedTokens.Concat(OptionsTakenAsArguments(parse)).ToList();
        foreach (var token in OptionsTakenAsArguments(parse)) parts.Add(Unmatched(command, path, token));
        string? previous = null;
        foreach (var token in parse.UnmatchedTokens)
        {
            // A word after an unknown option is that option's value, not a second mistake.
            if (!(previous?.StartsWith('-') == true && !token.StartsWith('-'))) parts.Add(Unmatched(command, path, token));
            previous = token;
        }
        foreach (var e in parse.Errors)
        {
            if (unknown.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) continue; // said above
            parts.Add(e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)
                ? $"which {(path.Length == 0 ? "verb" : $"`bktui {path}` command")}? {string.Join(", ", command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name))}"
                : Plain(e.Message));
        }
        var help = path.Length == 0 ? "`bktui --help`" : $"`bktui {path} --help`";
        return $"{string.Join("; ", parts.Distinct())}. See {help}.";
    }

    private static string Unmatched(Command command, string path, string token)
    {
        var where = path.Length == 0 ? "bktui" : $"bktui {path}";
        if (token.StartsWith('-'))
        {
            var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
            // Typed before the verb ("bktui --json ports"): the option is the verb's, it only goes after it.
            if (path.Length > 0 && names.Contains(token)) return $"'{token}' goes after the verb: `{where} {token}`";
            return $"'{token}' is not an option of `{where}`{Nearest(token, names, "--")}";
        }
        if (command.Subcommands.Count > 0)
            return $"'{token}' is not a `{where}` command{Nearest(token, command.Subcommands.Select(s => s.Name), "")}";
        return $"unexpected argument '{token}'";
    }

    private static string Nearest(string typed, IEnumerable<string> names, string prefix)
    {
        var bare = typed.TrimStart('-');
        var near = names.Distinct()
            .Where(n => UnknownVerb.Distance(n.TrimStart('-'), bare) <= Math.Max(1, bare.Length / 3)
                        || (bare.Length >= 3 && n.TrimStart('-').StartsWith(bare, StringComparison.Ordinal)))
            .ToList();
        return near.Count == 0 ? "" : $" (did you mean {string.Join(" or ", near)}?)";
    }

    /// <summary>The parser's wording in the line's style: no .NET type names, lower case, no full stop.</summary>
    private static string Plain(string message)
    {
        var m = BadValueRx().Match(message);
        var text = !m.Success ? message
            : m.Groups["kind"].Value == "option" ? $"{m.Groups["name"].Value} '{m.Groups["value"].Value}' is not a number"
            : $"'{m.Groups["value"].Value}' is not a number";
        text = text.TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>"Cannot parse argument 'abc' for option '--baud' as expected type 'System.Int32'": every typed option and argument here is a number.</summary>
    [GeneratedRegex(@"^Cannot parse argument '(?<value>[^']*)' for (?<kind>option|command|argument) '(?<name>[^']*)' as expected type 'System\.(Int64|Int32|UInt32|Double|Nullable`1)")]
    private static partial Regex BadValueRx();
}
