using BkTui.Tui.Commands;

namespace BkTui.Tui.State;

public sealed partial class AppReducer
{
    private Transition ReducePrompt(AppState s, AppAction action)
    {
        if (s.Overlay is not PromptOverlay p) return s;
        switch (action)
        {
            case PromptInput i:
                return s with { Overlay = p with { Text = p.Text + i.Char, HistoryIndex = -1 } };
            case PromptBackspace:
                return p.Text.Length == 0 ? s : s with { Overlay = p with { Text = p.Text[..^1] } };
            case PromptComplete:
                var suggestion = p.IsCommandLine ? CommandLine.Suggest(p.Text, s.History) : null;
                return suggestion is null ? s : s with { Overlay = p with { Text = suggestion + (suggestion.Contains(' ') ? "" : " ") } };
            case PromptHistory h when p.IsCommandLine && s.History.Count > 0:
                // HistoryIndex -1 means "a new line, after the newest entry".
                int index = (p.HistoryIndex < 0 ? s.History.Count : p.HistoryIndex) + h.Delta;
                if (index >= s.History.Count) return s with { Overlay = p with { HistoryIndex = -1, Text = "" } };
                index = Math.Max(0, index);
                return s with { Overlay = p with { HistoryIndex = index, Text = s.History[index] } };
            case PromptSubmit:
                var closed = s with { Overlay = null };
                var text = p.Text.Trim();
                if (text.Length == 0) return closed;
                if (p.IsCommandLine)
                {
                    var history = s.History.Remove(text).Add(text);
                    if (history.Count > HistoryLimit) history = history.RemoveAt(0);
                    return Reduce(closed with { History = history }, new RunCommand(text));
                }
                return Reduce(closed, new PromptSubmitted(p.PaneId, p.Purpose, text));
            default:
                return s;
        }
    }

    private Transition OnCommand(AppState s, string line, bool confirmed)
    {
        var tokens = CommandLine.Tokenize(line);
        if (tokens.Length == 0) return s;
        var verb = tokens[0].ToLowerInvariant();
        switch (verb)
        {
            case "q" or "quit":
                return Reduce(s, new Quit(Force: tokens.Length > 1 && tokens[1] == "!"));
            case "help":
                return Reduce(s, new ShowHelp());
            case "open" when tokens.Length == 2:
                return Reduce(Reduce(s, new FocusPaneById("hex")).State, new Panes.Hex.HexOpenFile(tokens[1]));
            case "goto":
                // Addressed to the hex viewer, which owns offsets.
                return Reduce(Reduce(s, new FocusPaneById("hex")).State, new PromptSubmitted("hex", "goto", string.Join(' ', tokens.Skip(1))));
        }
        if (CommandLine.RefusedVerbs.Contains(verb)) return Flash(s, $"'{verb}' cannot run inside the TUI", FlashLevel.Warning);
        if (CommandLine.IsDangerous(tokens))
        {
            if (s.ReadOnly) return Flash(s, $"read-only mode: '{verb}' is disabled", FlashLevel.Warning);
            if (!confirmed) return s with { Overlay = new ConfirmOverlay(CommandLine.DescribeDangerous(tokens), new Confirmed(new RunCommand(line))) };
        }
        return new Transition(Flash(s, $"running '{line}'…"), [new RunVerbEffect(tokens)]);
    }
}
