using BkTui.Terminal.Screen;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BkTui.Terminal.Rendering;

/// <summary>
/// Renders Spectre.Console widgets into rectangles of a <see cref="ScreenBuffer"/> without ever
/// writing to a console: Render → Segment.SplitLines → Put, with Spectre's own width model.
/// </summary>
public sealed class SpectreHost
{
    private readonly IReadOnlyCapabilities _capabilities;

    /// <param name="unicode">false draws ASCII borders (non-UTF-8 locales, --ascii).</param>
    public SpectreHost(bool unicode = true)
    {
        // Fixed capabilities instead of a probing console: no environment detection at start-up
        // (it cost tens of ms before the first frame), and colours are downgraded by StyleTable.
        _capabilities = new FixedCapabilities(unicode);
        Unicode = unicode;
    }

    public bool Unicode { get; }

    public RenderOptions Options(int width, int height) =>
        new(_capabilities, new Size(width, height)) { Height = height };

    /// <summary>
    /// Draws <paramref name="widget"/> into <paramref name="area"/> (clipped to the buffer): rows
    /// beyond the widget's output and cells right of each line are blanked with style 0.
    /// </summary>
    public void Draw(ScreenBuffer buffer, IRenderable widget, Rect area)
    {
        area = area.Intersect(buffer.Bounds);
        if (area.IsEmpty) return;
        var segments = widget.Render(Options(area.Width, area.Height), area.Width);
        var lines = Segment.SplitLines(segments, area.Width, area.Height);
        for (int row = 0; row < area.Height; row++)
        {
            int y = area.Y + row, x = area.X;
            if (row < lines.Count)
            {
                foreach (var segment in lines[row])
                {
                    if (segment.IsControlCode || segment.IsLineBreak || segment.Text.Length == 0) continue;
                    x = buffer.Put(x, y, segment.Text, buffer.Styles.Id(segment.Style), area.Right);
                    if (x >= area.Right) break;
                }
            }
            buffer.Fill(x, y, area.Right, 0);
        }
    }

    private sealed record FixedCapabilities(bool Unicode) : IReadOnlyCapabilities
    {
        public ColorSystem ColorSystem => ColorSystem.TrueColor;
        public bool Ansi => true;
        public bool Links => false;
        public bool Legacy => false;
        public bool IsTerminal => false;
        public bool Interactive => false;
    }
}
