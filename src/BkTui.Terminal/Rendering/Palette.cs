using Spectre.Console;

namespace BkTui.Terminal.Rendering;

/// <summary>
/// Recovers xterm palette indices from Spectre colours (Color.Number is internal in 0.49.1, so the
/// index is found through the colour's markup name) and maps RGB to the nearest palette entry.
/// </summary>
internal static class Palette
{
    private static readonly Dictionary<string, int> ByName = BuildNames();
    private static readonly Color[] Entries = Enumerable.Range(0, 256).Select(Color.FromInt32).ToArray();

    private static Dictionary<string, int> BuildNames()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < 256; i++)
            map.TryAdd(Color.FromInt32(i).ToMarkup(), i);
        return map;
    }

    /// <summary>Palette index 0..255 of a colour (nearest entry for arbitrary RGB).</summary>
    public static int IndexOf(Color color) =>
        ByName.TryGetValue(color.ToMarkup(), out var i) ? i : Nearest(color, 16, 256);

    public static int Nearest16(Color color) => Nearest(color, 0, 16);

    private static int Nearest(Color c, int from, int to)
    {
        int best = from, bestDistance = int.MaxValue;
        for (int i = from; i < to; i++)
        {
            var e = Entries[i];
            int dr = e.R - c.R, dg = e.G - c.G, db = e.B - c.B;
            int distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) { bestDistance = distance; best = i; }
        }
        return best;
    }
}
