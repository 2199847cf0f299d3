using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>The confirmation dialog: the whole question (naming what is at stake), then "y / N"; default is No.</summary>
public static class ConfirmView
{
    public static void Draw(ConfirmOverlay confirm, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        int width = Math.Min(body.Width - 2, 76);
        var lines = Box.Wrap(confirm.Question, width - 4);
        var area = body.Centered(width, Math.Min(body.Height, lines.Count + 4));
        var inner = Box.Draw(buffer, area, "Confirm", Role.Danger, kit.Unicode);
        int y = inner.Y;
        // Keep the last lines (what to answer) when the question is taller than the screen.
        foreach (var line in lines.Skip(Math.Max(0, lines.Count - (inner.Height - 2)))) buffer.Put(inner.X, y++, line, Theme.Id(Role.Normal), inner.Right);
        y = inner.Bottom - 1;
        int x = buffer.Put(inner.X, y, "y", Theme.Id(Role.HintKey), inner.Right);
        x = buffer.Put(x, y, " yes    ", Theme.Id(Role.Normal), inner.Right);
        x = buffer.Put(x, y, "n", Theme.Id(Role.HintKey), inner.Right);
        x = buffer.Put(x, y, " / ", Theme.Id(Role.Normal), inner.Right);
        x = buffer.Put(x, y, "Esc", Theme.Id(Role.HintKey), inner.Right);
        x = buffer.Put(x, y, " / ", Theme.Id(Role.Normal), inner.Right);
        x = buffer.Put(x, y, "Enter", Theme.Id(Role.HintKey), inner.Right);
        buffer.Put(x, y, " no (default)", Theme.Id(Role.Normal), inner.Right);
    }
}
