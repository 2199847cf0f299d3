using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using TgCell = Terminal.Gui.Drawing.Cell;

namespace BkTui.Tui.Views.Drawing;

/// <summary>
/// One row of single-width glyphs staged by a view, then written into the driver's screen buffer
/// where it differs from what is there.
/// <para>Why not <c>AddRune</c>/<c>AddStr</c>: Terminal.Gui 2.5 splits every cell it is given into
/// graphemes and measures their width several times over, allocating about 700 bytes a cell; a
/// hex scroll step at 80×24 allocated 1.7 MB and spent most of its frame there. It also marks the
/// cell after each one written as changed, so the terminal got one extra cell per run. Writing the
/// cells (prebuilt glyph strings, so nothing is allocated) and marking their row is what those calls
/// end in for a single-width glyph; Terminal.Gui then sends the changed cells as before.</para>
/// Only single-width glyphs go this way (wide ones need Terminal.Gui's bookkeeping of the cell they
/// cover); a null glyph leaves its cell alone (another view's area).
/// </summary>
public sealed class RowWriter
{
    /// <summary>Unchanged cells worth rewriting rather than jumping over (a cursor jump is about this many bytes).</summary>
    public const int JumpCost = 8;

    private string?[] _glyphs = [];
    private Attribute[] _attributes = [];

    public int Width { get; private set; }
    public ReadOnlySpan<string?> Glyphs => _glyphs.AsSpan(0, Width);
    public ReadOnlySpan<Attribute> Attributes => _attributes.AsSpan(0, Width);

    /// <summary>Starts a row of <paramref name="width"/> blanks in <paramref name="blank"/>.</summary>
    public void Reset(int width, Attribute blank)
    {
        if (_glyphs.Length < width) (_glyphs, _attributes) = (new string?[width], new Attribute[width]);
        Width = width;
        Array.Fill(_glyphs, Glyph.Space, 0, width);
        Array.Fill(_attributes, blank, 0, width);
    }

    public void Put(int x, char c, Attribute a) => Put(x, Glyph.Of(c), a);

    public void Put(int x, string? glyph, Attribute a)
    {
        if (x < 0 || x >= Width) return;
        (_glyphs[x], _attributes[x]) = (glyph, a);
    }

    /// <summary>Each character of <paramref name="s"/> in a cell of its own (the caller's text is single-width).</summary>
    public void PutText(int x, string s, Attribute a)
    {
        for (int i = 0; i < s.Length; i++) Put(x + i, s[i], a);
    }

    /// <summary>
    /// Writes the staged row at viewport row <paramref name="y"/> of <paramref name="view"/>: cells
    /// that differ from the screen buffer, and unchanged gaps shorter than a cursor jump between them.
    /// Cells outside the driver's clip (covered or off screen) are left alone.
    /// </summary>
    public void Flush(View view, int y)
    {
        if (view.App?.Driver is not { } driver) return;
        var buffer = driver.GetOutputBuffer();
        var contents = buffer.Contents;
        if (contents is null) return;
        var origin = view.ViewportToScreen(new System.Drawing.Point(0, y));
        int sy = origin.Y;
        if (sy < 0 || sy >= contents.GetLength(0) || sy >= buffer.DirtyLines.Length) return;
        var clip = driver.Clip;
        int width = Width, columns = contents.GetLength(1);
        bool Writable(int i)
        {
            int sx = origin.X + i;
            return _glyphs[i] is not null && sx >= 0 && sx < columns && (clip is null || clip.Contains(sx, sy));
        }
        bool Same(int i)
        {
            var cell = contents[sy, origin.X + i];
            return cell.Attribute == _attributes[i] && string.Equals(cell.Grapheme, _glyphs[i]);
        }
        bool wrote = false;
        int x = 0;
        while (x < width)
        {
            if (!Writable(x) || Same(x)) { x++; continue; }
            int end = x + 1, gap = 0;
            for (int i = end; i < width && gap < JumpCost && Writable(i); i++)
            {
                if (Same(i)) gap++;
                else (end, gap) = (i + 1, 0);
            }
            for (int i = x; i < end; i++) contents[sy, origin.X + i] = new TgCell(_attributes[i], IsDirty: true, Grapheme: _glyphs[i]!);
            wrote = true;
            x = end;
        }
        if (wrote) buffer.DirtyLines[sy] = true;
    }
}
