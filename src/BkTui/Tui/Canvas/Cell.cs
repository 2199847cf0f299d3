namespace BkTui.Tui.Canvas;

/// <summary>
/// One screen cell: a grapheme cluster, its style id and its width in cells.
/// Width 0 marks the trailing half of a wide glyph (never emitted on its own).
/// </summary>
public readonly record struct Cell(string Text, int Style, byte Width)
{
    public static readonly Cell Blank = new(" ", 0, 1);
    public bool IsContinuation => Width == 0;
}
