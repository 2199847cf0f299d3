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

    /// <summary>The keys that scroll a typed dialog's stakes (↑/↓ and letters belong to its field).</summary>
    public const string ScrollKeys = "PgDn/PgUp";

    /// <summary>The stakes' lines, the question's, and how many rows the stakes get: the question, field and keys always show.</summary>
    private static (List<DialogLine> Stakes, List<DialogLine> Question, int Room) Parts(PromptOverlay prompt, Rect body)
    {
        int text = Math.Min(body.Width - 4, MaxWidth) - 4;
        var stakes = StakeLines.Wrap(prompt.Stakes, text);
        if (stakes.Count > 0) stakes.Add(DialogLine.Blank);
        var question = StakeLines.Plain(prompt.Label, text, Role.PromptLabel).ToList();
        // Below them: the field, a blank row, the keys.
        return (stakes, question, Math.Max(1, body.Height - 2 - 3 - question.Count));
    }

    public static int ClampScroll(PromptOverlay prompt, Rect body, int scroll)
    {
        var (stakes, _, room) = Parts(prompt, body);
        return Math.Clamp(scroll, 0, StakeLines.MaxScroll(stakes.Count, room));
    }

    public static void Draw(PromptOverlay prompt, AppState state, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        int width = Math.Min(body.Width - 4, MaxWidth);
        var (stakes, question, room) = Parts(prompt, body);
        var lines = StakeLines.Window(stakes, room, prompt.StakesScroll, ScrollKeys);
        lines.AddRange(question);
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
