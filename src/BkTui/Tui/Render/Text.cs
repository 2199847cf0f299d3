using BkTui.Tui.Canvas;

namespace BkTui.Tui.Render;

/// <summary>Small drawing helpers shared by panes.</summary>
public static class Text
{
    /// <summary>Puts text, ending with '…' when it does not fit before <paramref name="right"/>.</summary>
    public static int PutEllipsized(ScreenBuffer buffer, int x, int y, string text, int style, int right)
    {
        if (x >= right) return x;
        if (CellWidth.Of(text) <= right - x) return buffer.Put(x, y, text, style, right);
        int end = buffer.Put(x, y, text, style, right - 1);
        return buffer.Put(end, y, "…", style, right);
    }

    /// <summary>Pads or cuts to exactly <paramref name="width"/> characters (ASCII-oriented).</summary>
    public static string Fit(string text, int width) =>
        text.Length > width ? text[..Math.Max(0, width)] : text.PadRight(width);

    /// <summary>Pads or cuts to exactly <paramref name="width"/> characters; a cut text ends with '…' so it never reads as another word.</summary>
    public static string Cut(string text, int width) =>
        width <= 0 ? "" : text.Length > width ? text[..(width - 1)] + "…" : text.PadRight(width);

    /// <summary>Word-wraps text into an area from its top-left (one cell in); returns the rows used.</summary>
    public static int PutWrapped(ScreenBuffer buffer, Rect area, string text, int style)
    {
        int y = area.Y;
        foreach (var line in Box.Wrap(text, Math.Max(1, area.Width - 1)))
        {
            if (y >= area.Bottom) break;
            buffer.Put(area.X + 1, y++, line, style, area.Right);
        }
        return y - area.Y;
    }
}
