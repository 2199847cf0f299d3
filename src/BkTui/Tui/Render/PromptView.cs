using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// A prompt whose question is too long for the message line (a typed consent naming what is at
/// stake) gets a dialog with the question wrapped whole; the text field stays on the message line.
/// </summary>
public static class PromptView
{
    /// <summary>True when the question leaves less than 24 cells to type in on the message line.</summary>
    public static bool IsLong(PromptOverlay prompt, int width) => CellWidth.Of(prompt.Label) > width - 24;

    public static void Draw(PromptOverlay prompt, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        int width = Math.Min(body.Width - 2, 76);
        var lines = Box.Wrap(prompt.Label.TrimEnd(), width - 4);
        var area = body.Centered(width, Math.Min(body.Height, lines.Count + 4));
        var inner = Box.Draw(buffer, area, "Answer below", Role.Danger, kit.Unicode);
        int y = inner.Y;
        foreach (var line in lines.Take(Math.Max(0, inner.Height - 1))) buffer.Put(inner.X, y++, line, Theme.Id(Role.Normal), inner.Right);
        int x = buffer.Put(inner.X, inner.Bottom - 1, "Enter", Theme.Id(Role.HintKey), inner.Right);
        x = buffer.Put(x, inner.Bottom - 1, " accepts what you typed    ", Theme.Id(Role.Normal), inner.Right);
        x = buffer.Put(x, inner.Bottom - 1, "Esc", Theme.Id(Role.HintKey), inner.Right);
        buffer.Put(x, inner.Bottom - 1, " cancels", Theme.Id(Role.Normal), inner.Right);
    }
}
