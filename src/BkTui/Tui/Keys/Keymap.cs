using System.Collections.Immutable;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes;
using BkTui.Tui.State;

namespace BkTui.Tui.Keys;

/// <summary>
/// THE keymap: the global/overlay block plus every registered pane's block. It drives dispatch
/// (<see cref="Resolve"/>), the hint bar (<see cref="BarFor"/>), the '?' help and the README table.
/// In --read-only mode dangerous bindings are stripped here, so they are neither shown nor bound.
/// </summary>
public sealed partial class Keymap
{
    public Keymap(IEnumerable<Binding> bindings, bool readOnly, IReadOnlyDictionary<string, string>? paneTitles = null)
    {
        var all = bindings.ToList();
        Bindings = all.Where(b => !(readOnly && b.Dangerous)).ToImmutableArray();
        Absent = all.Where(b => readOnly && b.Dangerous).ToImmutableArray();
        ReadOnly = readOnly;
        PaneTitles = paneTitles ?? ImmutableDictionary<string, string>.Empty;
    }

    public static Keymap Build(IEnumerable<IPane> panes, bool readOnly)
    {
        var list = panes.ToList();
        var searchable = list.Where(p => p.SearchLabel is not null).Select(p => p.Id).ToHashSet();
        return new(GlobalKeys.All(list.Count, searchable).Concat(list.SelectMany(p => p.Keys)), readOnly, list.ToDictionary(p => p.Id, p => p.Title));
    }

    public ImmutableArray<Binding> Bindings { get; }
    /// <summary>The bindings --read-only took away (a key of theirs says so instead of doing nothing).</summary>
    public ImmutableArray<Binding> Absent { get; }
    public bool ReadOnly { get; }
    /// <summary>Pane titles by pane id, for saying where a key works.</summary>
    public IReadOnlyDictionary<string, string> PaneTitles { get; }

    /// <summary>The contexts consulted for a key, most specific first.</summary>
    public static IReadOnlyList<string> ContextsFor(AppState state) => state.Overlay switch
    {
        HelpOverlay => [Contexts.Help],
        ConfirmOverlay => [Contexts.Confirm],
        PromptOverlay { PathField: true } => [Contexts.PathPrompt, Contexts.Prompt],
        PromptOverlay => [Contexts.Prompt],
        Files.FilePickerOverlay => [Contexts.Picker],
        DetailOverlay => [Contexts.Detail],
        _ => [state.FocusedPaneId, Contexts.Global],
    };

    /// <summary>The binding a key triggers in this state, or null.</summary>
    public Binding? Find(Key key, AppState state)
    {
        foreach (var context in ContextsFor(state))
            foreach (var b in Bindings)
                if (b.Context == context && Array.IndexOf(b.Keys, key) >= 0) return b;
        return null;
    }

    /// <summary>The action for a key (printable keys type into an open prompt).</summary>
    public AppAction? Resolve(Key key, AppState state)
    {
        var binding = Find(key, state);
        if (binding is not null)
        {
            var reason = binding.DisabledReason?.Invoke(state);
            return reason is null ? binding.Action : new ShowFlash($"{binding.Label}: {reason}", FlashLevel.Warning);
        }
        if (state.Overlay is PromptOverlay && key.IsPrintable) return new PromptInput(key.Char);
        // A key --read-only took away here is a refusal, kept in [Log] like the others.
        return Elsewhere(key, state) is { } where ? new ShowFlash(where, Record: AbsentHere(key, state)) : null;
    }

    /// <summary>
    /// Hint-bar entries for the current state: the most specific context's entries first (the focused
    /// pane's, by Order), then the general ones; pinned ones (negative Order: help, quit) last, since
    /// the bar keeps them at its right end where they survive at 80 columns.
    /// </summary>
    public IEnumerable<Binding> BarFor(AppState state)
    {
        var contexts = ContextsFor(state);
        // A key that a more specific context rebinds (Tab in a path prompt) is shown once, with its meaning there.
        return contexts.SelectMany((c, rank) => Bindings.Where(b => b.Context == c && b.ShowInBar && b.BarWhen?.Invoke(state) != false
                    && !b.Keys.Any(k => contexts.Take(rank).Any(earlier => Bindings.Any(o => o.Context == earlier && o.Keys.Contains(k)))))
                .Select(b => (b, rank: b.Order < 0 ? int.MaxValue : rank)))
            .OrderBy(t => t.rank).ThenBy(t => t.b.Order).Select(t => t.b);
    }

    /// <summary>Bar entries kept at the right end whatever the width (help and quit).</summary>
    public static bool IsPinned(Binding b) => b.Order < 0;
}
