using System.Text;
using BkTui.Tui.Panes;

namespace BkTui.Tui.Keys;

/// <summary>One line of the help: a section heading (Keys empty) or a key and what it does.</summary>
public sealed record HelpLine(string Section, string Keys, string Label, bool Dangerous);

/// <summary>Help text generated from the keymap: the '?' overlay and the README key table.</summary>
public static class HelpContent
{
    public static IReadOnlyList<HelpLine> Lines(Keymap keymap, IReadOnlyList<IPane> panes)
    {
        var sections = new List<(string Context, string Name)> { (Contexts.Global, "General") };
        sections.AddRange(panes.Select(p => (p.Id, p.Title)));
        sections.Add((Contexts.Prompt, "Command line and prompts"));
        sections.Add((Contexts.Confirm, "Confirmation"));
        sections.Add((Contexts.Help, "Help"));
        var lines = new List<HelpLine>();
        foreach (var (context, name) in sections)
        {
            var bindings = keymap.Bindings.Where(b => b.Context == context && !b.HideInHelp).ToList();
            if (bindings.Count == 0) continue;
            lines.Add(new HelpLine(name, "", "", false));
            lines.AddRange(bindings.Select(b => new HelpLine(name, b.KeysText, b.Label, b.Dangerous)));
        }
        return lines;
    }

    /// <summary>The README's key table (Markdown).</summary>
    public static string Markdown(Keymap keymap, IReadOnlyList<IPane> panes)
    {
        var sb = new StringBuilder("| where | keys | action |\n|---|---|---|\n");
        foreach (var line in Lines(keymap, panes).Where(l => l.Keys.Length > 0))
            sb.Append("| ").Append(line.Section).Append(" | `").Append(line.Keys.Replace("|", "\\|")).Append("` | ")
              .Append(line.Label).Append(line.Dangerous ? " (asks; absent in --read-only)" : "").Append(" |\n");
        return sb.ToString();
    }
}
