using System.Collections.Immutable;
using BkTui.Tui.Commands;

namespace BkTui.Tui.State;

public sealed partial class AppReducer
{
    /// <summary>Prompts whose entries are not kept in a history (a typed consent is given each time).</summary>
    // A typed consent is asked afresh each time: recalling the last answer would make it one keystroke.
    /// <summary>Prompts whose answers are not kept: typed consents, and Wi-Fi (a password typed by mistake must not come back with ↑).</summary>
    private static readonly HashSet<string> NoHistory =
        [global::BkTui.Tui.Panes.Queue.QueuePane.BootloaderPurpose, global::BkTui.Tui.Panes.Queue.QueuePane.FamilyPurpose, global::BkTui.Tui.Panes.Queue.QueuePane.WifiPurpose];

    private Transition ReducePrompt(AppState s, AppAction action)
    {
        if (s.Overlay is not PromptOverlay p) return s;
        string text = p.Text;
        int at = p.At;
        AppState Edit(string t, int cursor) => s with { Overlay = p with { Text = t, Cursor = cursor, HistoryIndex = -1, Candidates = [] } };
        switch (action)
        {
            case PromptInput i:
                return Edit(text.Insert(at, i.Char.ToString()), at + 1);
            case PromptBackspace:
                return at == 0 ? s : Edit(text.Remove(at - 1, 1), at - 1);
            case PromptDelete:
                return at >= text.Length ? s : Edit(text.Remove(at, 1), at);
            case PromptKillStart:
                return Edit(text[at..], 0);
            case PromptDeleteWord:
                int from = at;
                while (from > 0 && text[from - 1] == ' ') from--;
                while (from > 0 && text[from - 1] != ' ') from--;
                return Edit(text.Remove(from, at - from), from);
            case PromptHome:
                return s with { Overlay = p with { Cursor = 0 } };
            case PromptEnd:
                return s with { Overlay = p with { Cursor = -1 } };
            case PromptCursor c when c.Delta > 0 && at >= text.Length:
                return ReducePrompt(s, new PromptComplete());
            case PromptCursor c:
                return s with { Overlay = p with { Cursor = Math.Clamp(at + c.Delta, 0, text.Length) } };
            case PromptComplete when p.PathField:
                return new Transition(s, [new Files.CompletePathEffect(p.Text)]);
            case Files.PromptPathCompleted c:
                return c.ForText == p.Text ? WithCompletions(s, p, c.Found, ignoreCase: false) : s;
            case PromptComplete when !p.IsCommandLine:
                return Complete(s, p);
            case PromptComplete when CommandLine.PathArgumentStart(text) is { } start:
                return new Transition(s, [new Files.CompletePathEffect(text) { PathStart = start }]);
            case PromptComplete:
                var suggestion = p.IsCommandLine ? CommandLine.Suggest(text, s.History) : null;
                return suggestion is null ? s : s with { Overlay = p with { Text = suggestion + (suggestion.Contains(' ') ? "" : " "), Cursor = -1 } };
            case PromptHistory h when Walked(s, p) is { Count: > 0 } history:
                // HistoryIndex -1 means "a new line, after the newest entry".
                int index = (p.HistoryIndex < 0 ? history.Count : p.HistoryIndex) + h.Delta;
                if (index >= history.Count) return s with { Overlay = p with { HistoryIndex = -1, Text = "", Cursor = -1 } };
                index = Math.Max(0, index);
                return s with { Overlay = p with { HistoryIndex = index, Text = history[index], Cursor = -1 } };
            case PromptSubmit:
                var closed = s with { Overlay = null };
                var entered = text.Trim();
                if (entered.Length == 0) return closed;
                if (p.IsCommandLine)
                    return Reduce(closed with { History = Remember(s.History, entered) }, new RunCommand(entered));
                if (entered.Length > 0 && !NoHistory.Contains(p.Purpose))
                    closed = closed with { PromptHistories = closed.PromptHistories.SetItem(p.Purpose, Remember(HistoryOf(s, p), entered)) };
                return Reduce(closed, new PromptSubmitted(p.PaneId, p.Purpose, entered));
            default:
                return s;
        }
    }

    /// <summary>
    /// Tab in a pane's prompt: one match is taken whole; several complete to what they share and are
    /// listed after the field; none leaves the text as typed.
    /// </summary>
    private AppState Complete(AppState s, PromptOverlay p)
    {
        var pane = Panes.FirstOrDefault(x => x.Id == p.PaneId);
        var found = pane is null || !s.Panes.ContainsKey(pane.Id) ? [] : pane.Completions(s, p.Purpose, p.Text);
        return WithCompletions(s, p, found, ignoreCase: true);
    }

    /// <summary>Takes what several completions share (paths: case matters), listing them when there are several.</summary>
    private static AppState WithCompletions(AppState s, PromptOverlay p, IReadOnlyList<string> found, bool ignoreCase)
    {
        if (found.Count == 0) return s with { Overlay = p with { Candidates = [] } };
        char Fold(char c) => ignoreCase ? char.ToLowerInvariant(c) : c;
        string shared = found[0];
        foreach (var f in found.Skip(1))
        {
            int n = 0;
            while (n < shared.Length && n < f.Length && Fold(shared[n]) == Fold(f[n])) n++;
            shared = shared[..n];
        }
        var text = shared.Length >= p.Text.Trim().Length ? shared : p.Text;
        return s with { Overlay = p with { Text = text, Cursor = -1, HistoryIndex = -1, Candidates = found.Count > 1 ? [.. found] : [] } };
    }

    /// <summary>The history in the order ↑ walks it: the prompt's pane may put what suits its target newest.</summary>
    private IReadOnlyList<string> Walked(AppState s, PromptOverlay p) =>
        Panes.FirstOrDefault(x => x.Id == p.PaneId) is { } pane && s.Panes.ContainsKey(pane.Id) ? pane.History(s, p.Purpose, HistoryOf(s, p)) : HistoryOf(s, p);

    private static ImmutableList<string> HistoryOf(AppState s, PromptOverlay p) =>
        p.IsCommandLine ? s.History : s.PromptHistories.TryGetValue(p.Purpose, out var h) ? h : ImmutableList<string>.Empty;

    private static ImmutableList<string> Remember(ImmutableList<string> history, string entry)
    {
        history = history.Remove(entry).Add(entry);
        return history.Count > HistoryLimit ? history.RemoveAt(0) : history;
    }

    private Transition OnCommand(AppState s, string line)
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
                return Reduce(Reduce(s, new FocusPaneById("hex")).State, new Panes.Hex.HexOpenFile(tokens[1], EndCompare: true));
            case "goto":
                // Addressed to the hex viewer, which owns offsets.
                return Reduce(Reduce(s, new FocusPaneById("hex")).State, new PromptSubmitted("hex", "goto", string.Join(' ', tokens.Skip(1))));
        }
        if (CommandLine.RefusedVerbs.Contains(verb)) return Flash(s, $"'{verb}' cannot run inside the TUI", FlashLevel.Warning);
        // Said here, once: the CLI's parser would log "Required command was not provided." above its own error.
        if (CommandLine.Unknown(tokens[0]) is { } unknown) return Flash(s, unknown, FlashLevel.Error);
        // --port takes the names [Ports] shows, resolved before any dialog or job names them.
        var known = s.Panes.TryGetValue(global::BkTui.Tui.Panes.Ports.PortsPane.PaneIdValue, out var ports) && ports is global::BkTui.Tui.Panes.Ports.PortsState p
            ? p.Ports : [];
        (tokens, var refusal) = CommandPorts.Resolve(tokens, known);
        if (refusal is not null) return FlashLogged(s, $"{refusal}. Nothing was run or queued.");
        bool writes = CommandLine.IsDangerous(tokens);
        if (writes && s.ReadOnly)
            return FlashLogged(s, $"read-only mode: '{string.Join(' ', tokens.TakeWhile(t => !t.StartsWith('-')).Take(2))}' writes to a chip and is disabled. Nothing was run or queued.");
        // Jobs go to the workstation's own queue, and every write meets the dialog a key would give it.
        if (writes || verb == "run")
            return s.Panes.ContainsKey(global::BkTui.Tui.Panes.Queue.QueuePane.PaneIdValue)
                ? Reduce(s, CommandWrites.Route(tokens))
                : Flash(s, $"'{verb}' is queued from the workstation's [Queue]; this screen has none", FlashLevel.Warning);
        return RunVerb(s, tokens);
    }

    private static Transition RunVerb(AppState s, string[] tokens) =>
        new(Flash(s, $"running '{string.Join(' ', tokens)}'…"), [new RunVerbEffect(tokens)]);
}
