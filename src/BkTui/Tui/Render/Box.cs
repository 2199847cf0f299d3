using BkTui.Tui.Canvas;

namespace BkTui.Tui.Render;

/// <summary>A bordered box with a title (dialogs and help): clears its inside, returns the inner rectangle.</summary>
public static class Box
{
    public static Rect Draw(ScreenBuffer buffer, Rect area, string title, Role border, bool unicode)
    {
        int s = Theme.Id(border);
        var (h, v, tl, tr, bl, br) = unicode ? ('─', "│", "┌", "┐", "└", "┘") : ('-', "|", "+", "+", "+", "+");
        buffer.Fill(area, Theme.Id(Role.Normal));
        buffer.Fill(area.X + 1, area.Y, area.Right - 1, s, h);
        buffer.Fill(area.X + 1, area.Bottom - 1, area.Right - 1, s, h);
        for (int y = area.Y + 1; y < area.Bottom - 1; y++)
        {
            buffer.Put(area.X, y, v, s);
            buffer.Put(area.Right - 1, y, v, s);
        }
        buffer.Put(area.X, area.Y, tl, s);
        buffer.Put(area.Right - 1, area.Y, tr, s);
        buffer.Put(area.X, area.Bottom - 1, bl, s);
        buffer.Put(area.Right - 1, area.Bottom - 1, br, s);
        if (title.Length > 0) Text.PutEllipsized(buffer, area.X + 2, area.Y, $" {title} ", Theme.Id(Role.Title), area.Right - 2);
        return new Rect(area.X + 2, area.Y + 1, Math.Max(0, area.Width - 4), Math.Max(0, area.Height - 2));
    }

    /// <summary>
    /// Word-wraps text to a width; keeps explicit newlines. A word longer than a line starts its own
    /// line and breaks after a '/' where it has one (a path is cut between names, never inside one, so
    /// each piece is selected whole), else at the width.
    /// </summary>
    public static List<string> Wrap(string text, int width)
    {
        width = Math.Max(1, width);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var w = word;
                while (w.Length > width)
                {
                    if (line.Length > 0) { lines.Add(line); line = ""; }
                    int cut = w.LastIndexOf('/', width - 1) + 1;
                    if (cut < 2) cut = width;
                    lines.Add(w[..cut]);
                    w = w[cut..];
                }
                if (line.Length == 0) line = w;
                else if (line.Length + 1 + w.Length <= width) line += " " + w;
                else { lines.Add(line); line = w; }
            }
            lines.Add(line);
        }
        return lines;
    }
}
