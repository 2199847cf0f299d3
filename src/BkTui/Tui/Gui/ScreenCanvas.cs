using BkTui.Tui.Canvas;
using BkTui.Tui.Render;
using BkTui.Tui.Views.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tui.Gui;

/// <summary>
/// The Terminal.Gui view that shows the composed frame: it copies the cells of a
/// <see cref="ScreenBuffer"/> to the driver and hands keys and mouse events to the workstation. Only cells that differ from the driver's screen are written
/// (<see cref="RowWriter"/>), and Terminal.Gui sends only those.
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

    /// <summary>
    /// Rows the workstation changed since the last draw, or null for all of them. Terminal.Gui writes
    /// every cell a view draws, changed or not, so a hex scroll step rewrote the tab strip, message and
    /// hint rows too. Whatever Terminal.Gui redraws on its own (first frame, resize, a cleared screen,
    /// <see cref="InvalidateAll"/>) is drawn whole.
    /// </summary>
    private (int From, int To)? _changedRows;
    private bool _all = true;

    /// <summary>Redraws rows <paramref name="from"/>..<paramref name="to"/> (inclusive) at the next draw.</summary>
    public void InvalidateRows(int from, int to)
    {
        _changedRows = _changedRows is { } r ? (Math.Min(r.From, from), Math.Max(r.To, to)) : (from, to);
        SetNeedsDraw();
    }

    /// <summary>Redraws every row at the next draw.</summary>
    public void InvalidateAll()
    {
        _all = true;
        SetNeedsDraw();
    }

    /// <summary>Terminal.Gui emptied its screen buffer (forced redraw, resize): nothing of ours is on it any more.</summary>
    public void OnContentsCleared() => _all = true;

    /// <summary>Every cell outside the holes is painted below; clearing would also blank the holes.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var frame = _frame();
        var (from, to) = _all || _changedRows is null ? (0, frame.Height - 1) : _changedRows.Value;
        // Drawn into a viewport not laid out yet (or smaller than the frame): all again next time.
        if (Viewport.Width >= frame.Width && Viewport.Height >= frame.Height) (_all, _changedRows) = (false, null);
        else _all = true;
        if (_wideRows.Length != frame.Height) _wideRows = new bool[frame.Height];
        for (int y = Math.Max(0, from); y < Math.Min(Math.Min(frame.Height, Viewport.Height), to + 1); y++)
        {
            bool wide = HasWideGlyph(frame, y);
            // A wide glyph (now or drawn before on this row) needs Terminal.Gui's own bookkeeping of the cell it covers.
            if (wide || _wideRows[y]) DrawRowThroughTerminalGui(frame, y);
            else DrawRow(frame, y);
            _wideRows[y] = wide;
        }
        return true;
    }

    /// <summary>Rows last drawn with a wide glyph.</summary>
    private bool[] _wideRows = [];
    private readonly RowWriter _row = new();

    private static bool HasWideGlyph(ScreenBuffer frame, int y)
    {
        for (int x = 0; x < frame.Width; x++)
            if (frame[x, y].Width != 1) return true;
        return false;
    }

    /// <summary>A row of single-width cells, written where it differs from the screen (holes left alone).</summary>
    private void DrawRow(ScreenBuffer frame, int y)
    {
        _row.Reset(frame.Width, _theme.Attribute(0));
        for (int x = 0; x < frame.Width; x++)
        {
            if (HoleEnd(x, y) is { } end)
            {
                for (; x < end; x++) _row.Put(x, null, default);
                x--;
                continue;
            }
            var cell = frame[x, y];
            _row.Put(x, cell.Text, _theme.Attribute(cell.Style));
        }
        _row.Flush(this, y);
    }

    /// <summary>A row holding wide glyphs: runs of one style through AddStr.</summary>
    private void DrawRowThroughTerminalGui(ScreenBuffer frame, int y)
    {
        var run = new System.Text.StringBuilder(frame.Width);
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

    /// <summary>The column after the hole holding (x, y), or null outside every hole.</summary>
    private int? HoleEnd(int x, int y)
    {
        var holes = Holes;
        for (int i = 0; i < holes.Count; i++) // indexed: a foreach over the interface boxes an enumerator per cell
        {
            var h = holes[i];
            if (x >= h.X && x < h.Right && y >= h.Y && y < h.Bottom) return h.Right;
        }
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
