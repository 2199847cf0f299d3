namespace BkTui.Tui.Canvas;

/// <summary>
/// A grid of cells a frame is composed into; style ids are <see cref="Render.Role"/> ordinals.
/// The Terminal.Gui view copies it to the driver, which writes only the cells that changed.
/// </summary>
public sealed class ScreenBuffer
{
    private static readonly string[] AsciiStrings = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

    private Cell[] _back = [];

    public ScreenBuffer(int width, int height) => Resize(width, height);

    public int Width { get; private set; }
    public int Height { get; private set; }
    public Rect Bounds => new(0, 0, Width, Height);

    /// <summary>Reallocates the grid (blank).</summary>
    public void Resize(int width, int height)
    {
        Width = Math.Max(0, width);
        Height = Math.Max(0, height);
        _back = new Cell[Width * Height];
        Array.Fill(_back, Cell.Blank);
    }

    /// <summary>Blanks the back buffer before composing a frame.</summary>
    public void Clear(int style = 0) => Array.Fill(_back, new Cell(" ", style, 1));

    public Cell this[int x, int y] => _back[y * Width + x];

    /// <summary>
    /// Writes text at (x, y) clipped to [x, clipRight) and the screen, cluster by cluster, control
    /// characters replaced by spaces. Returns the column after the last cell written.
    /// </summary>
    public int Put(int x, int y, ReadOnlySpan<char> text, int style, int clipRight = int.MaxValue)
    {
        if (y < 0 || y >= Height) return x;
        clipRight = Math.Min(clipRight, Width);
        while (!text.IsEmpty && x < clipRight)
        {
            int len = CellWidth.NextCluster(text);
            var cluster = text[..len];
            text = text[len..];
            if (len == 1 && cluster[0] < 0x80)
            {
                char c = TextSanitizer.IsControl(cluster[0]) ? ' ' : cluster[0];
                if (x >= 0) SetCell(x, y, new Cell(AsciiStrings[c], style, 1));
                x++;
                continue;
            }
            x = PutCluster(x, y, cluster, style, clipRight);
        }
        return x;
    }

    /// <summary>Writes a single character (control characters become spaces).</summary>
    public int Put(int x, int y, char c, int style, int clipRight = int.MaxValue) =>
        Put(x, y, new ReadOnlySpan<char>(in c), style, clipRight);

    /// <summary>Fills [x0, x1) on row y with a character.</summary>
    public void Fill(int x0, int y, int x1, int style, char c = ' ')
    {
        if (y < 0 || y >= Height) return;
        var s = TextSanitizer.IsControl(c) || CellWidth.Of(c) != 1 ? " " : c < 0x80 ? AsciiStrings[c] : c.ToString();
        for (int x = Math.Max(0, x0); x < Math.Min(x1, Width); x++) SetCell(x, y, new Cell(s, style, 1));
    }

    /// <summary>Fills a rectangle.</summary>
    public void Fill(Rect area, int style, char c = ' ')
    {
        for (int y = area.Y; y < area.Bottom; y++) Fill(area.X, y, area.Right, style, c);
    }

    /// <summary>Changes the style of the cells in [x0, x1) on row y, keeping their text.</summary>
    public void Restyle(int x0, int y, int x1, int style)
    {
        if (y < 0 || y >= Height) return;
        for (int x = Math.Max(0, x0); x < Math.Min(x1, Width); x++)
        {
            ref var cell = ref _back[y * Width + x];
            cell = cell with { Style = style };
        }
    }

    /// <summary>True when both grids hold the same cells (a frame that changed nothing).</summary>
    public bool SameAs(ScreenBuffer other) =>
        Width == other.Width && Height == other.Height && _back.AsSpan().SequenceEqual(other._back);

    /// <summary>Row y holds the same cells in both (same size assumed).</summary>
    public bool RowSameAs(ScreenBuffer other, int y) =>
        _back.AsSpan(y * Width, Width).SequenceEqual(other._back.AsSpan(y * other.Width, other.Width));

    /// <summary>Becomes a copy of <paramref name="other"/> (resizing if needed).</summary>
    public void CopyFrom(ScreenBuffer other)
    {
        if (Width != other.Width || Height != other.Height) Resize(other.Width, other.Height);
        other._back.AsSpan().CopyTo(_back);
    }

    /// <summary>The text of row y as composed (for tests and golden screens).</summary>
    public string RowText(int y)
    {
        var sb = new System.Text.StringBuilder(Width);
        for (int x = 0; x < Width; x++)
        {
            var cell = _back[y * Width + x];
            if (!cell.IsContinuation) sb.Append(cell.Text);
        }
        return sb.ToString();
    }

    private int PutCluster(int x, int y, ReadOnlySpan<char> cluster, int style, int clipRight)
    {
        int width = CellWidth.Of(cluster);
        bool control = false;
        foreach (var c in cluster) control |= TextSanitizer.IsControl(c);
        if (control) width = Math.Max(1, width);
        else if (width == 0) return x; // zero-width on its own (e.g. U+200B) takes no cell
        if (x + width > clipRight || control)
        {
            // A glyph that does not fit (or carries control chars) becomes blanks of the same width.
            for (int i = 0; i < width && x < clipRight; i++, x++)
                if (x >= 0) SetCell(x, y, new Cell(" ", style, 1));
            return x;
        }
        if (x >= 0)
        {
            SetCell(x, y, new Cell(cluster.ToString(), style, (byte)width));
            for (int i = 1; i < width; i++) SetCell(x + i, y, new Cell("", style, 0));
        }
        return x + width;
    }

    private void SetCell(int x, int y, Cell cell)
    {
        int i = y * Width + x;
        var old = _back[i];
        // Overwriting half of a wide glyph blanks its other half so no stale half survives.
        if (old.IsContinuation && !cell.IsContinuation)
        {
            for (int k = x - 1; k >= 0; k--)
            {
                var lead = _back[y * Width + k];
                _back[y * Width + k] = new Cell(" ", lead.Style, 1);
                if (!lead.IsContinuation) break;
            }
        }
        else if (old.Width > 1 && cell.Width != old.Width)
        {
            for (int k = x + 1; k < Math.Min(Width, x + old.Width); k++)
                if (_back[y * Width + k].IsContinuation) _back[y * Width + k] = new Cell(" ", old.Style, 1);
        }
        _back[i] = cell;
    }
}
