using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// A prompt that names what is at stake (a typed consent: the bootloader, an image's family) or whose
/// question is too long for the message line is a dialog: the stakes, the question wrapped whole, and
/// the text field inside the box. Other prompts stay on the message line.
/// </summary>
public static class PromptView
{
    public const int MaxWidth = 90;

    /// <summary>True when the prompt is drawn as a dialog (stakes, or less than 24 cells left to type in on the message line).</summary>
    public static bool IsLong(PromptOverlay prompt, int width) => !prompt.Stakes.IsEmpty || CellWidth.Of(prompt.Label) > width - 24;

    public static void Draw(PromptOverlay prompt, AppState state, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        int width = Math.Min(body.Width - 4, MaxWidth);
        int text = width - 4;
        var lines = StakeLines.Wrap(prompt.Stakes, text);
        if (lines.Count > 0) lines.Add(DialogLine.Blank);
        lines.AddRange(StakeLines.Plain(prompt.Label, text, Role.PromptLabel));
        // The field, a blank row, the keys; stakes give way first on a short screen.
        int room = Math.Max(1, body.Height - 2 - 3);
        if (lines.Count > room) lines = lines.Skip(lines.Count - room).ToList();
        var area = body.Centered(width, Math.Min(body.Height, lines.Count + 5));
        var inner = Box.Draw(buffer, area, prompt.Title ?? "Answer", Role.Danger, kit.Unicode);
        int y = inner.Y;
        foreach (var line in lines) StakeLines.Draw(buffer, inner.X, y++, inner.Right, line);
        int fieldRow = inner.Bottom - 3;
        int x = buffer.Put(inner.X, fieldRow, kit.Unicode ? "› " : "> ", Theme.Id(Role.PromptLabel), inner.Right);
        TextField.Draw(prompt, state, buffer, x, fieldRow, inner.Right);
        x = buffer.Put(inner.X, inner.Bottom - 1, "Enter", Theme.Id(Role.HintKey), inner.Right);
        x = buffer.Put(x, inner.Bottom - 1, " accepts what you typed    ", Theme.Id(Role.Normal), inner.Right);
        x = buffer.Put(x, inner.Bottom - 1, "Esc", Theme.Id(Role.HintKey), inner.Right);
        buffer.Put(x, inner.Bottom - 1, " cancels", Theme.Id(Role.Normal), inner.Right);
    }
}
