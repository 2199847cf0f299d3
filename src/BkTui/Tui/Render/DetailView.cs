using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>
/// A text read whole (a job's detail, a dump's analysis, the messages): a box over the panes with
/// every line word-wrapped to its width, scrolled with ↓/↑, closed with Esc.
/// </summary>
public static class DetailView
{
    private const int MaxWidth = 100;

    public static void Draw(DetailOverlay detail, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        var area = Area(body);
        var inner = Box.Draw(buffer, area, detail.Title + " — Esc closes", Role.Border, kit.Unicode);
        var lines = Wrapped(detail, inner.Width);
        int scroll = Math.Clamp(detail.Scroll, 0, MaxScroll(lines.Count, inner.Height));
        int y = inner.Y;
        foreach (var line in lines.Skip(scroll).Take(inner.Height))
            buffer.Put(inner.X, y++, TextSanitizer.Clean(line), Theme.Id(line.StartsWith("Error", StringComparison.Ordinal) || line.Contains(" Error: ") ? Role.Error : Role.Normal), inner.Right);
        int more = lines.Count - scroll - inner.Height;
        if (more > 0)
        {
            var text = $" {(kit.Unicode ? "↓" : "v")} {more} more ";
            buffer.Put(area.Right - text.Length - 2, area.Bottom - 1, text, Theme.Id(Role.Border), area.Right - 1);
        }
    }

    /// <summary>The scroll position kept inside the text at the current screen size.</summary>
    public static int ClampScroll(DetailOverlay detail, AppState state, int scroll)
    {
        var inner = Area(ScreenLayout.Compute(state).Body).Inset(1);
        int width = Math.Max(1, inner.Width - 2);
        return Math.Clamp(scroll, 0, MaxScroll(Wrapped(detail, width).Count, inner.Height));
    }

    /// <summary>The whole body up to <see cref="MaxWidth"/> columns: a one-column margin showed stray cells of the pane below at 80×24.</summary>
    private static Rect Area(Rect body) => body.Centered(Math.Min(body.Width, MaxWidth), body.Height);

    private static int MaxScroll(int lines, int height) => Math.Max(0, lines - Math.Max(1, height));

    /// <summary>Each line wrapped to <paramref name="width"/>; continuation lines keep the line's indentation.</summary>
    public static List<string> Wrapped(DetailOverlay detail, int width) => detail.Lines.SelectMany(l => WrapIndented(l, width)).ToList();

    /// <summary>
    /// Wraps one line; continuation lines start under its text: after its indentation, or after a
    /// "Label       value" column (a label padded by two or more spaces), so reports stay readable.
    /// </summary>
    public static IEnumerable<string> WrapIndented(string line, int width)
    {
        int indent = line.Length - line.TrimStart(' ').Length;
        int column = line.IndexOf("  ", indent, StringComparison.Ordinal);
        int hang = column > indent ? column + line[column..].TakeWhile(c => c == ' ').Count() : indent;
        if (hang >= width / 2 || hang >= line.Length) hang = indent;
        if (indent >= width / 2) indent = hang = 0;
        var parts = Box.Wrap(line[hang..], width - hang);
        var first = hang > indent ? line[..hang] : new string(' ', indent);
        return parts.Select((p, i) => (i == 0 ? first : new string(' ', hang)) + p);
    }
}
