using System.Globalization;

namespace BkTui.Tui.Panes.Hex;

/// <summary>A named range of the file, coloured and named in the hex viewer's margin.</summary>
public sealed record PartitionRange(string Name, long Start, long Size)
{
    public long End => Start + Size;
    public bool Contains(long offset) => offset >= Start && offset < End;

    /// <summary>Parses "name:start:size[,name:start:size...]" (numbers decimal or 0x-hex).</summary>
    public static IReadOnlyList<PartitionRange> ParseList(string text)
    {
        var result = new List<PartitionRange>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            if (parts.Length != 3 || parts[0].Length == 0 || Offsets.Parse(parts[1]) is not { } start || Offsets.Parse(parts[2]) is not { } size || size <= 0)
                throw new FormatException($"bad partition '{item}': expected name:start:size, e.g. app:0x11000:0x121000");
            result.Add(new PartitionRange(parts[0], start, size));
        }
        return result.OrderBy(p => p.Start).ToList();
    }
}

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
