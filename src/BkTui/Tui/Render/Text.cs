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
}
