using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>The line above the hints: an open prompt (with cursor and suggestion) or the flash message.</summary>
public static class MessageLine
{
    /// <summary>True when the open prompt draws over the panes: as a dialog, or with its completions in a box above the line.</summary>
    public static bool PromptCoversPanes(AppState state) => state.Overlay is PromptOverlay prompt &&
        (PromptView.IsLong(prompt, state.Width) || !TextField.ListFits(prompt, CellWidth.Of(LabelFor(prompt, state.Width)), state.Width));

    /// <summary>
    /// The prompt's label on a line this wide: its "(hint)" goes when the typed text would not fit
    /// beside it, so a long path shows its folders rather than only its tail.
    /// </summary>
    public static string LabelFor(PromptOverlay prompt, int width)
    {
        var label = prompt.Label;
        int open = label.IndexOf(" (", StringComparison.Ordinal), close = label.LastIndexOf("):", StringComparison.Ordinal);
        if (open < 0 || close < open || CellWidth.Of(label) + CellWidth.Of(prompt.Text) + 2 <= width) return label;
        return label[..open] + label[(close + 1)..];
    }

    public static void Draw(AppState state, ScreenBuffer buffer, Rect area, RenderKit kit)
    {
        int S(Role r) => Theme.Id(r);
        if (state.Overlay is PromptOverlay prompt)
        {
            // A prompt shown as a dialog (PromptView) has its field inside the dialog.
            if (PromptView.IsLong(prompt, area.Width)) return;
            int x = buffer.Put(area.X, area.Y, LabelFor(prompt, area.Width), S(Role.PromptLabel), area.Right);
            // Completions that do not fit after the field are listed in a box just above it.
            if (!TextField.Draw(prompt, state, buffer, x, area.Y, area.Right))
                TextField.DrawList(prompt, buffer, Math.Min(x, area.Width / 2), area.Y, area.Width, Math.Min(12, area.Y - 1), kit.Unicode);
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
