using BkTui.Tui.State;

namespace BkTui.Tui.Keys;

public sealed partial class Keymap
{
    /// <summary>
    /// For a key that does nothing in the focused pane but does something in others: one line naming
    /// what it does where ("f: Flash firmware in [1] Ports, [2] Queue; Filter in [7] Log — not in
    /// [3] Archive"), so a key pressed in the wrong pane is never met with silence. Short enough for the
    /// message line at 80 columns in the common case. Null for a key no pane binds, and whenever a
    /// dialog or prompt is open.
    /// </summary>
    public string? Elsewhere(Key key, AppState state)
    {
        if (state.Overlay is not null || key.Code == KeyCode.Unknown) return null;
        var here = state.FocusedPaneId;
        // What the key would have done here, taken away by --read-only, is said first (a cut line keeps it).
        var absent = Absent.Where(b => b.Keys.Contains(key)).OrderBy(b => b.Context == here ? 0 : 1).Select(b => b.BarLabel).Distinct()
            .Select(label => $"{label} is absent in --read-only").ToList();
        var parts = Bindings.Where(b => b.Context != here && PaneTitles.ContainsKey(b.Context) && b.Keys.Contains(key))
            .GroupBy(b => b.BarLabel)
            .Select(g => $"{g.Key} in {string.Join(", ", g.Select(b => Named(state, b.Context)))}")
            .ToList();
        if (parts.Count > 0) parts[^1] += $" — not in {Named(state, here)}";
        parts = AbsentHere(key, state) ? [.. absent, .. parts] : [.. parts, .. absent];
        return parts.Count == 0 ? null : $"{KeyName.Of(key)}: {string.Join("; ", parts)}";
    }

    /// <summary>The key would have done something in the focused pane (or anywhere) but --read-only took it away: a refusal.</summary>
    public bool AbsentHere(Key key, AppState state) =>
        Absent.Any(b => b.Keys.Contains(key) && (b.Context == state.FocusedPaneId || b.Context == Contexts.Global));

    private string Named(AppState state, string paneId) =>
        $"[{state.PaneOrder.IndexOf(paneId) + 1}] {(PaneTitles.TryGetValue(paneId, out var title) ? title : paneId)}";
}
