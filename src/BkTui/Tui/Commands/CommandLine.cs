using System.Text;
using BkTui.Cli;

namespace BkTui.Tui.Commands;

/// <summary>
/// The ':' command line: the same grammar as <c>bktui &lt;verb&gt;</c> (parsed by the CLI's own
/// System.CommandLine tree), plus a few TUI words (quit, help, goto).
/// </summary>
public static class CommandLine
{
    /// <summary>Words handled by the TUI itself rather than the CLI tree.</summary>
    public static readonly string[] TuiWords = ["quit", "help", "goto", "open"];

    /// <summary>
    /// Top-level verbs that change a chip: asked in the workstation's write dialog first
    /// (<see cref="CommandWrites"/>) and refused in --read-only mode. `run` recipes are judged by <see cref="IsDangerous"/>.
    /// </summary>
    public static readonly HashSet<string> DangerousVerbs = new(StringComparer.OrdinalIgnoreCase) { "write", "erase" };

    /// <summary>
    /// Whether a command line changes a chip: a dangerous verb, or `run` with any recipe but the
    /// read-only backup (`run flash`, `run wifi`, `run custom --write`… write to the chip too).
    /// </summary>
    public static bool IsDangerous(string[] tokens) =>
        tokens.Length > 0 && (DangerousVerbs.Contains(tokens[0])
            || (tokens[0].Equals("run", StringComparison.OrdinalIgnoreCase) && !(tokens.Length > 1 && tokens[1].Equals("backup", StringComparison.OrdinalIgnoreCase))));

    /// <summary>Verbs that make no sense inside the TUI.</summary>
    public static readonly HashSet<string> RefusedVerbs = new(StringComparer.OrdinalIgnoreCase) { "tui", "demo" };

    private static readonly Lazy<string[]> VerbNames = new(() =>
        CliApp.BuildRoot().Subcommands.Select(c => c.Name).Concat(TuiWords).Order(StringComparer.Ordinal).ToArray());

    public static IReadOnlyList<string> Verbs => VerbNames.Value;

    /// <summary>
    /// What to say when <paramref name="word"/> (the line's first word) is no command: what was typed,
    /// that it is not a command, and the commands. Null for a command (or an option such as --help).
    /// </summary>
    public static string? Unknown(string word) =>
        word.StartsWith('-') || Verbs.Contains(word, StringComparer.OrdinalIgnoreCase) ? null
        : $"':{word}' is not a command. Commands: {string.Join(", ", Verbs.Where(v => !RefusedVerbs.Contains(v)))} (':VERB --help' explains one)";

    /// <summary>
    /// Where the path being typed starts, when Tab should complete a file name rather than a command:
    /// the argument of `open`, or a last word that reads as a path (/…, ~…, ./…, or with a slash).
    /// Null otherwise (and for quoted words, which this simple split does not follow).
    /// </summary>
    public static int? PathArgumentStart(string text)
    {
        int space = text.LastIndexOf(' ');
        if (space < 0 || text.Contains('"') || text.Contains('\'')) return null;
        var word = text[(space + 1)..];
        var line = text.TrimStart();
        bool openArgument = line.StartsWith("open ", StringComparison.OrdinalIgnoreCase) && line.IndexOf(' ') == line.LastIndexOf(' ');
        bool path = word.StartsWith('/') || word.StartsWith('~') || word.StartsWith('.') || word.Contains('/');
        return openArgument || path ? space + 1 : null;
    }

    /// <summary>Splits a line like a shell would (double/single quotes, backslash escapes).</summary>
    public static string[] Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        bool inToken = false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '\\' && quote == '"' && i + 1 < line.Length) current.Append(line[++i]);
                else current.Append(c);
            }
            else if (c is '"' or '\'') { quote = c; inToken = true; }
            else if (c == '\\' && i + 1 < line.Length) { current.Append(line[++i]); inToken = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken) tokens.Add(current.ToString());
                current.Clear();
                inToken = false;
            }
            else { current.Append(c); inToken = true; }
        }
        if (inToken) tokens.Add(current.ToString());
        return tokens.ToArray();
    }

    /// <summary>
    /// A completion for what is typed (fish style): the newest history entry starting with it, else
    /// the first verb it prefixes. Null when there is nothing to suggest.
    /// </summary>
    public static string? Suggest(string text, IReadOnlyList<string> history)
    {
        if (text.Length == 0) return null;
        for (int i = history.Count - 1; i >= 0; i--)
            if (history[i].Length > text.Length && history[i].StartsWith(text, StringComparison.Ordinal)) return history[i];
        if (text.Contains(' ')) return null;
        return Verbs.FirstOrDefault(v => v.Length > text.Length && v.StartsWith(text, StringComparison.OrdinalIgnoreCase));
    }
}
