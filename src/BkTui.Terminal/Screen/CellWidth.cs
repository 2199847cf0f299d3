using System.Globalization;
using Spectre.Console.Rendering;

namespace BkTui.Terminal.Screen;

/// <summary>
/// Cell widths following Spectre.Console's model (a per-UTF-16-unit wcwidth, summed), so that its
/// borders and padding line up with what we blit. Table filled lazily from Spectre itself.
/// </summary>
public static class CellWidth
{
    private static readonly sbyte[] Table = CreateTable();

    private static sbyte[] CreateTable()
    {
        var t = new sbyte[65536];
        Array.Fill(t, (sbyte)-1);
        for (int c = 0x20; c < 0x7f; c++) t[c] = 1;
        return t;
    }

    /// <summary>Width of one UTF-16 unit in Spectre's model.</summary>
    public static int Of(char c)
    {
        int w = Table[c];
        if (w >= 0) return w;
        w = char.IsSurrogate(c) ? 1 : Math.Max(0, new Segment(c.ToString()).CellCount());
        Table[c] = (sbyte)w;
        return w;
    }

    /// <summary>Width of a text (sum over its UTF-16 units).</summary>
    public static int Of(ReadOnlySpan<char> text)
    {
        int w = 0;
        foreach (var c in text) w += Of(c);
        return w;
    }

    /// <summary>Length in UTF-16 units of the grapheme cluster starting at the beginning of <paramref name="text"/>.</summary>
    public static int NextCluster(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        // ASCII fast path: a printable ASCII char followed by ASCII is a cluster on its own.
        if (text[0] < 0x80 && (text.Length == 1 || text[1] < 0x80)) return 1;
        return StringInfo.GetNextTextElementLength(text);
    }
}
