using System.Globalization;
using System.Text;
using Terminal.Gui.Text;

namespace BkTui.Tui.Canvas;

/// <summary>
/// Cell widths in Terminal.Gui's model (per rune, summed over a cluster), so that what a pane
/// composes lines up with what the driver puts on the screen.
/// </summary>
public static class CellWidth
{
    /// <summary>Width of a text in cells (control characters count 0).</summary>
    public static int Of(ReadOnlySpan<char> text)
    {
        int w = 0;
        foreach (var rune in text.EnumerateRunes()) w += Math.Max(0, rune.GetColumns());
        return w;
    }

    /// <summary>Width of one UTF-16 unit (a lone surrogate counts 1).</summary>
    public static int Of(char c) => char.IsSurrogate(c) ? 1 : Math.Max(0, new Rune(c).GetColumns());

    /// <summary>Length in UTF-16 units of the grapheme cluster starting at the beginning of <paramref name="text"/>.</summary>
    public static int NextCluster(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        // ASCII fast path: a printable ASCII char followed by ASCII is a cluster on its own.
        if (text[0] < 0x80 && (text.Length == 1 || text[1] < 0x80)) return 1;
        return StringInfo.GetNextTextElementLength(text);
    }
}
