using BkTui.Tui.Canvas;
using BkTui.Tui.Render;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tui.Gui;

/// <summary>
/// The Terminal.Gui view that shows the composed frame: it copies the cells of a
/// <see cref="ScreenBuffer"/> to the driver (runs of one style per AddStr) and hands keys and mouse
/// events to the workstation. Terminal.Gui writes only the cells that changed.
/// </summary>
public sealed class ScreenCanvas : View
{
    private readonly Func<ScreenBuffer> _frame;
    private readonly Theme _theme;

    public ScreenCanvas(Func<ScreenBuffer> frame, Theme theme)
    {
        (_frame, _theme) = (frame, theme);
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>A key the keymap can name (returns true when it was used).</summary>
    public Func<Keys.Key, bool>? KeyPressed { get; set; }

    /// <summary>A click (Button1) or wheel step at a cell of the screen.</summary>
    public Action<int, int, MouseFlags>? MouseInput { get; set; }

    /// <summary>Areas covered by views of their own (hex, partition map): not drawn here.</summary>
    public IReadOnlyList<Rect> Holes { get; set; } = [];

    /// <summary>Every cell outside the holes is painted below; clearing would also blank the holes.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var frame = _frame();
        var run = new System.Text.StringBuilder(frame.Width);
        for (int y = 0; y < Math.Min(frame.Height, Viewport.Height); y++)
        {
            int x = 0;
            while (x < frame.Width)
            {
                if (HoleEnd(x, y) is { } end)
                {
                    x = end;
                    continue;
                }
                int style = frame[x, y].Style, start = x;
                run.Clear();
                for (; x < frame.Width && frame[x, y].Style == style && HoleEnd(x, y) is null; x++)
                    if (!frame[x, y].IsContinuation) run.Append(frame[x, y].Text);
                SetAttribute(_theme.Attribute(style));
                AddStr(start, y, run.ToString());
            }
        }
        return true;
    }

    /// <summary>The column after the hole holding (x, y), or null outside every hole.</summary>
    private int? HoleEnd(int x, int y)
    {
        foreach (var h in Holes)
            if (x >= h.X && x < h.Right && y >= h.Y && y < h.Bottom) return h.Right;
        return null;
    }

    protected override bool OnKeyDown(TgKey key)
    {
        if (KeyTranslation.From(key) is not { } k) return false;
        return KeyPressed?.Invoke(k) ?? false;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        var flags = mouse.Flags;
        if (!flags.HasFlag(MouseFlags.LeftButtonClicked) && !flags.HasFlag(MouseFlags.LeftButtonPressed)
            && !flags.HasFlag(MouseFlags.WheeledUp) && !flags.HasFlag(MouseFlags.WheeledDown)) return false;
        if (mouse.Position is not { } p) return false;
        MouseInput?.Invoke(p.X, p.Y, flags);
        return true;
    }
}
