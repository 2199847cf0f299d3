namespace BkTui.Tui.Views.Drawing;

/// <summary>
/// One string per character, made once: a frame writes the same few glyphs thousands of times.
/// Control characters and lone surrogates become a space (never sent to the terminal raw).
/// </summary>
public static class Glyph
{
    private static readonly string[] Ascii = Enumerable.Range(0, 128).Select(i => char.IsControl((char)i) ? " " : ((char)i).ToString()).ToArray();
    private static readonly Dictionary<char, string> Others = [];

    public static string Space => Ascii[' '];

    /// <summary>The string of <paramref name="c"/> (UI thread: the cache is not locked).</summary>
    public static string Of(char c)
    {
        if (c < 128) return Ascii[c];
        if (char.IsControl(c) || char.IsSurrogate(c)) return Space;
        if (!Others.TryGetValue(c, out var s)) Others[c] = s = c.ToString();
        return s;
    }
}
