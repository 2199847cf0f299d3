using System.Globalization;

namespace BkTui.Tui.Panes.Hex;

/// <summary>Offsets as users type them: 0x11000, 11000h, 69632.</summary>
public static class Offsets
{
    public static long? Parse(string text)
    {
        text = text.Trim().Replace("_", "");
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h) && h >= 0 ? h : null;
        if (text.EndsWith('h') || text.EndsWith('H'))
            return long.TryParse(text[..^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h) && h >= 0 ? h : null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
