using BkTui.Tui.Canvas;
using BkTui.Tui.Commands;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// A prompt's editable text on one row: scrolled so the cursor (a reverse cell) stays visible, the
/// ':' line's suggestion dim after it, and what Tab found listed after the field.
/// </summary>
public static class TextField
{
    /// <summary>Draws the field; returns false when what Tab found did not fit after it (the caller lists it elsewhere).</summary>
    public static bool Draw(PromptOverlay prompt, AppState state, ScreenBuffer buffer, int x, int y, int right)
    {
        int S(Role r) => Theme.Id(r);
        int room = Math.Max(1, right - x - 1);
        int at = prompt.At;
        int start = Math.Max(0, at - room + 1);
        var visible = prompt.Text.Substring(start, Math.Min(prompt.Text.Length - start, room));
        buffer.Put(x, y, visible, S(Role.Normal), right);
        var suggestion = prompt.IsCommandLine && at == prompt.Text.Length ? CommandLine.Suggest(prompt.Text, state.History) : null;
        int cx = x + at - start;
        // The cursor is a reverse cell; a suggestion's next character sits under it, the rest dim.
        if (suggestion is not null && suggestion.Length > prompt.Text.Length)
        {
            buffer.Put(cx, y, suggestion[prompt.Text.Length], S(Role.Selection), right);
            buffer.Put(cx + 1, y, suggestion.AsSpan(prompt.Text.Length + 1), S(Role.Suggestion), right);
        }
        else buffer.Put(cx, y, at < prompt.Text.Length ? prompt.Text[at] : ' ', S(Role.Selection), right);
        if (!ListFits(prompt, x, right)) return false;
        if (!prompt.Candidates.IsEmpty)
            buffer.Put(Math.Max(cx, x + visible.Length) + 2, y, string.Join("  ", Shown(prompt.Candidates)), S(Role.Suggestion), right);
        return true;
    }

    /// <summary>True when what Tab found (if anything) fits after the field that starts at <paramref name="x"/>.</summary>
    public static bool ListFits(PromptOverlay prompt, int x, int right)
    {
        if (prompt.Candidates.IsEmpty) return true;
        int room = Math.Max(1, right - x - 1);
        int start = Math.Max(0, prompt.At - room + 1);
        int end = x + Math.Max(prompt.At - start, Math.Min(prompt.Text.Length - start, room));
        return end + 2 + CellWidth.Of(string.Join("  ", Shown(prompt.Candidates))) <= right;
    }

    /// <summary>What Tab found, one per row in a box that sits on <paramref name="bottom"/> (above the message line), from column <paramref name="x"/>.</summary>
    public static void DrawList(PromptOverlay prompt, ScreenBuffer buffer, int x, int bottom, int screenWidth, int maxRows, bool unicode)
    {
        var names = Shown(prompt.Candidates).ToList();
        int rows = Math.Min(names.Count, Math.Max(1, maxRows - 2));
        if (rows < names.Count) names = [.. names.Take(rows - 1), $"… {names.Count - rows + 1} more: type more letters"];
        int width = Math.Min(screenWidth, names.Max(n => CellWidth.Of(n)) + 4);
        x = Math.Clamp(x, 0, Math.Max(0, screenWidth - width));
        var inner = Box.Draw(buffer, new Rect(x, bottom - rows - 2, width, rows + 2), "", Role.Border, unicode);
        for (int i = 0; i < names.Count; i++) buffer.Put(inner.X, inner.Y + i, names[i], Theme.Id(Role.Suggestion), inner.Right);
    }

    /// <summary>Path candidates without the folder they share ("a/b/", "a/c.bin" → "b/", "c.bin").</summary>
    public static IEnumerable<string> Shown(IReadOnlyList<string> candidates)
    {
        int cut = candidates[0].TrimEnd('/').LastIndexOf('/') + 1;
        bool sameFolder = cut > 0 && candidates.All(c => c.Length > cut && c.TrimEnd('/').LastIndexOf('/') + 1 == cut && c.StartsWith(candidates[0][..cut], StringComparison.Ordinal));
        return sameFolder ? candidates.Select(c => c[cut..]) : candidates;
    }
}
