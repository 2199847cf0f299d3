using System.Text;
using BkTui.Tui.Panes;

namespace BkTui.Tui.Keys;

/// <summary>One line of the help: a section heading (Keys empty) or a key and what it does.</summary>
public sealed record HelpLine(string Section, string Keys, string Label, bool Dangerous);

/// <summary>Help text generated from the keymap: the '?' overlay and the README key table.</summary>
public static class HelpContent
{
    /// <summary>The help's lines; the focused pane's keys come first, then the general keys, then every other pane by number.</summary>
    public static IReadOnlyList<HelpLine> Lines(Keymap keymap, IReadOnlyList<IPane> panes, string? focusedPaneId = null)
    {
        var paneSections = panes.Select(p => (Context: p.Id, Name: p.Title)).ToList();
        var sections = paneSections.Where(p => p.Context == focusedPaneId).ToList();
        sections.Add((Contexts.Global, "General"));
        sections.AddRange(paneSections.Where(p => p.Context != focusedPaneId));
        sections.Add((Contexts.Prompt, "Command line and prompts"));
        sections.Add((Contexts.PathPrompt, "File prompts (firmware, compare)"));
        sections.Add((Contexts.Picker, "File picker"));
        sections.Add((Contexts.Confirm, "Confirmation"));
        sections.Add((Contexts.Detail, "Detail and messages"));
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
