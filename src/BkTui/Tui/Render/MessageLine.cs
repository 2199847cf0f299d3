using BkTui.Tui.Canvas;
using BkTui.Tui.Commands;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>The line above the hints: an open prompt (with cursor and suggestion) or the flash message.</summary>
public static class MessageLine
{
    public static void Draw(AppState state, ScreenBuffer buffer, Rect area, RenderKit kit)
    {
        int S(Role r) => Theme.Id(r);
        if (state.Overlay is PromptOverlay prompt)
        {
            // A long question is shown whole in a dialog above (PromptView); the line keeps only the field.
            var label = PromptView.IsLong(prompt, area.Width) ? "› " : prompt.Label;
            int x = buffer.Put(area.X, area.Y, label, S(Role.PromptLabel), area.Right);
            int room = Math.Max(1, area.Right - x - 1);
            int at = prompt.At;
            // Scroll the field so the cursor is always visible.
            int start = Math.Max(0, at - room + 1);
            var visible = prompt.Text.Substring(start, Math.Min(prompt.Text.Length - start, room));
            buffer.Put(x, area.Y, visible, S(Role.Normal), area.Right);
            var suggestion = prompt.IsCommandLine && at == prompt.Text.Length ? CommandLine.Suggest(prompt.Text, state.History) : null;
            int cx = x + at - start;
            // The cursor is a reverse cell; a suggestion's next character sits under it, the rest dim.
            if (suggestion is not null && suggestion.Length > prompt.Text.Length)
            {
                buffer.Put(cx, area.Y, suggestion[prompt.Text.Length], S(Role.Selection), area.Right);
                buffer.Put(cx + 1, area.Y, suggestion.AsSpan(prompt.Text.Length + 1), S(Role.Suggestion), area.Right);
            }
            else buffer.Put(cx, area.Y, at < prompt.Text.Length ? prompt.Text[at] : ' ', S(Role.Selection), area.Right);
            // Several completions after Tab: listed after the field, dim.
            if (!prompt.Candidates.IsEmpty)
                buffer.Put(cx + 2, area.Y, string.Join("  ", prompt.Candidates), S(Role.Suggestion), area.Right);
            return;
        }
        if (state.Flash is { } flash)
        {
            var (prefix, role) = flash.Level switch
            {
                FlashLevel.Error => ("Error: ", Role.Error),
                FlashLevel.Warning => ("Warning: ", Role.Warning),
                _ => ("", Role.Normal),
            };
            var text = prefix + flash.Text;
            // A message that does not fit says where to read it whole.
            const string more = " … M reads it all";
            if (CellWidth.Of(text) > area.Width - 1)
            {
                int end = buffer.Put(area.X + 1, area.Y, text, S(role), area.Right - more.Length);
                buffer.Put(end, area.Y, more, S(Role.HintKey), area.Right);
            }
            else buffer.Put(area.X + 1, area.Y, text, S(role), area.Right);
        }
    }
}
