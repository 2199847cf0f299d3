namespace BkTui.Tui.Views.Hex;

/// <summary>
/// Column positions of one hex row for a width. A row is
/// <c>[letter][mark][name ][address]  [hex bytes]│[ASCII]</c>. The hex bytes are spaced one by one
/// with an extra space after 8 (<c>2f 07 b5 96 …  35 e7</c>) where that fits, else in pairs as xxd
/// writes them (<c>2f07 b596 …</c>), so 16 bytes still fit a 67-column tile; only below that 8 bytes
/// per row. Every 4 KiB sector starts a row either way. The partition name column appears only
/// where the width leaves room for it.
/// </summary>
public sealed record HexLayout(int BytesPerRow, int AddressDigits, int NameWidth, bool Paired = false)
{
    public const int MinimumAddressDigits = 6;
    private const int MaxNameWidth = 12;

    /// <param name="names">Whether there are partition names to show (else no name column).</param>
    public static HexLayout For(int width, long length, bool names = true)
    {
        int digits = Math.Max(MinimumAddressDigits, (64 - (int)long.LeadingZeroCount(Math.Max(1, length - 1)) + 3) / 4);
        var (bytes, paired) = CoreWidth(16, digits, false) <= width ? (16, false)
            : CoreWidth(16, digits, true) <= width ? (16, true)
            : (8, false);
        int spare = width - CoreWidth(bytes, digits, paired);
        int name = names && spare >= 5 ? Math.Min(MaxNameWidth, spare - 1) : 0;
        return new HexLayout(bytes, digits, name, paired);
    }

    /// <summary>Letter, mark, address, two spaces, hex block (with its trailing space), separator, ASCII.</summary>
    private static int CoreWidth(int bytes, int digits, bool paired) => 2 + digits + 2 + HexBlockWidth(bytes, paired) + 1 + bytes;

    private static int HexBlockWidth(int bytes, bool paired) => paired ? 5 * (bytes / 2) : 3 * bytes + (bytes > 8 ? 1 : 0);

    public int LetterX => 0;
    public int MarkX => 1;
    public int NameX => 2;
    public int AddressX => 2 + (NameWidth > 0 ? NameWidth + 1 : 0);
    public int HexX(int i) => AddressX + AddressDigits + 2 + (Paired ? 5 * (i / 2) + 2 * (i % 2) : 3 * i + (i >= 8 ? 1 : 0));
    public int SeparatorX => AddressX + AddressDigits + 2 + HexBlockWidth(BytesPerRow, Paired);
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
