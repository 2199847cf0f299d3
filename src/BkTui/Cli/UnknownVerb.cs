namespace BkTui.Cli;

/// <summary>
/// A first word that names no verb gets one clear line (and the nearest verbs), not the parser's
/// "Required command was not provided" followed by "Unrecognized command" and the whole help.
/// </summary>
internal static class UnknownVerb
{
    /// <summary>The message for <paramref name="args"/>, or null when the first word is a verb or an option.</summary>
    public static string? Message(string[] args)
    {
        if (args is not [var first, ..] || first.StartsWith('-') || CliVerbs.All.Any(v => v.Name == first)) return null;
        var near = CliVerbs.All.Select(v => v.Name)
            .Where(n => Distance(n, first) <= Math.Max(1, first.Length / 3) || (first.Length >= 3 && n.StartsWith(first, StringComparison.Ordinal)))
            .ToList();
        var hint = Meant.TryGetValue(first, out var meant) ? $" {meant}"
            : near.Count == 0 ? "" : $" Did you mean {string.Join(" or ", near.Select(n => $"`bktui {n}`"))}?";
        return $"bktui: '{first}' is not a verb.{hint} Every verb: `bktui --help`.";
    }

    /// <summary>The words a new user types for a job, and the verbs that do it.</summary>
    private static readonly Dictionary<string, string> Meant = new(StringComparer.OrdinalIgnoreCase)
    {
        ["backup"] = "A backup is `bktui run backup --port PORT` (identify, read, verify, archive) or `bktui read --port PORT --out FILE`.",
        ["flash"] = "Flashing is `bktui run flash --port PORT --firmware FILE` (a factory dump first, then write, verify, reboot) or `bktui write --port PORT --in FILE`.",
        ["restore"] = "Restoring is `bktui run restore-factory --port PORT --dump N` or `bktui run restore-rf --port PORT`.",
    };

    /// <summary>Edit distance (insert, delete, replace, swap of neighbours): 'analyse' is 1 from 'analyze'.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
