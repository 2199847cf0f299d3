namespace BkTui.Tui.Views.Hex;

/// <summary>
/// Column positions of one hex row for a width. A row is
/// <c>[letter][mark][name ][address]  [hex bytes, an extra space after 8]│[ASCII]</c>.
/// 16 bytes per row whenever they fit, else 8, so every 4 KiB sector starts a row; the partition
/// name column appears only where the width leaves room for it.
/// </summary>
public sealed record HexLayout(int BytesPerRow, int AddressDigits, int NameWidth)
{
    public const int MinimumAddressDigits = 6;
    private const int MaxNameWidth = 12;

    /// <param name="names">Whether there are partition names to show (else no name column).</param>
    public static HexLayout For(int width, long length, bool names = true)
    {
        int digits = Math.Max(MinimumAddressDigits, (64 - (int)long.LeadingZeroCount(Math.Max(1, length - 1)) + 3) / 4);
        int bytes = CoreWidth(16, digits) <= width ? 16 : 8;
        int spare = width - CoreWidth(bytes, digits);
        int name = names && spare >= 5 ? Math.Min(MaxNameWidth, spare - 1) : 0;
        return new HexLayout(bytes, digits, name);
    }

    /// <summary>Letter, mark, address, two spaces, hex block, separator, ASCII.</summary>
    private static int CoreWidth(int bytes, int digits) => 2 + digits + 2 + HexBlockWidth(bytes) + 1 + bytes;

    private static int HexBlockWidth(int bytes) => 3 * bytes + (bytes > 8 ? 1 : 0);

    public int LetterX => 0;
    public int MarkX => 1;
    public int NameX => 2;
    public int AddressX => 2 + (NameWidth > 0 ? NameWidth + 1 : 0);
    public int HexX(int i) => AddressX + AddressDigits + 2 + 3 * i + (i >= 8 ? 1 : 0);
    public int SeparatorX => AddressX + AddressDigits + 2 + HexBlockWidth(BytesPerRow);
    public int AsciiX(int i) => SeparatorX + 1 + i;
    public int Width => AsciiX(BytesPerRow);

    public long RowStart(long offset) => offset - offset % BytesPerRow;

    /// <summary>The byte under a column of a row (hex or ASCII side), or null for the margin and gaps.</summary>
    public int? ByteAtColumn(int x)
    {
        if (x >= AsciiX(0) && x < Width) return x - AsciiX(0);
        for (int i = 0; i < BytesPerRow; i++)
            if (x >= HexX(i) && x <= HexX(i) + 1) return i;
        return null;
    }
}
