namespace BkTui.Tui.Views.Hex;

/// <summary>
/// Column positions of one hex row for a width. A row is
/// <c>[letter][mark][name ][address]  [hex bytes]│[ASCII]</c>. The hex bytes are spaced one by one
/// with an extra space after 8 (<c>2f 07 b5 96 …  35 e7</c>) where that fits, else in groups as xxd
/// writes them, pairs (<c>2f07 b596 …</c>) or, narrower, fours (<c>2f07b596 …</c>, xxd -g4), so 16
/// bytes still fit a 63-column tile; only below that 8 bytes per row. Every 4 KiB sector starts a row
/// either way. The partition name column appears only where the width leaves room for it.
/// </summary>
public sealed record HexLayout(int BytesPerRow, int AddressDigits, int NameWidth, int Group = 1)
{
    public const int MinimumAddressDigits = 6;
    private const int MaxNameWidth = 12;

    /// <param name="names">Whether there are partition names to show (else no name column).</param>
    public static HexLayout For(int width, long length, bool names = true)
    {
        int digits = Math.Max(MinimumAddressDigits, (64 - (int)long.LeadingZeroCount(Math.Max(1, length - 1)) + 3) / 4);
        int group = Groups.FirstOrDefault(g => CoreWidth(16, digits, g) <= width);
        int bytes = group == 0 ? 8 : 16;
        group = Math.Max(1, group);
        int spare = width - CoreWidth(bytes, digits, group);
        int name = names && spare >= 5 ? Math.Min(MaxNameWidth, spare - 1) : 0;
        return new HexLayout(bytes, digits, name, group);
    }

    /// <summary>Bytes per group, widest first: one by one, pairs, fours.</summary>
    private static readonly int[] Groups = [1, 2, 4];

    /// <summary>The narrowest width that still shows 16 bytes a row (in fours) of a dump up to 16 MiB.</summary>
    public static int SixteenBytesWidth => CoreWidth(16, MinimumAddressDigits, Groups[^1]);

    /// <summary>Letter, mark, address, two spaces, hex block (with its trailing space), separator, ASCII.</summary>
    private static int CoreWidth(int bytes, int digits, int group) => 2 + digits + 2 + HexBlockWidth(bytes, group) + 1 + bytes;

    /// <summary>Each group is its hex digits and a space; one by one, an extra space after the eighth byte.</summary>
    private static int HexBlockWidth(int bytes, int group) => group == 1 ? 3 * bytes + (bytes > 8 ? 1 : 0) : (2 * group + 1) * (bytes / group);

    public int LetterX => 0;
    public int MarkX => 1;
    public int NameX => 2;
    public int AddressX => 2 + (NameWidth > 0 ? NameWidth + 1 : 0);
    public int HexX(int i) => AddressX + AddressDigits + 2 + (Group == 1 ? 3 * i + (i >= 8 ? 1 : 0) : (2 * Group + 1) * (i / Group) + 2 * (i % Group));
    public int SeparatorX => AddressX + AddressDigits + 2 + HexBlockWidth(BytesPerRow, Group);
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
