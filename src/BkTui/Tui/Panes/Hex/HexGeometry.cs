namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// Column positions of a hex row for a width: [partition margin][bookmark mark][address]  [hex bytes,
/// an extra space every 8]│[ASCII]. Bytes per line is the largest multiple of 4 (≤ 32) that fits.
/// </summary>
public sealed record HexGeometry(int Margin, int AddressDigits, int BytesPerLine)
{
    public const int MarginWidth = 11;

    public static HexGeometry For(int width, long length, bool partitions)
    {
        int margin = partitions ? MarginWidth : 0;
        int digits = Math.Max(8, (64 - (int)long.LeadingZeroCount(Math.Max(1, length - 1)) + 3) / 4);
        int n = 32;
        while (n > 4 && Needed(margin, digits, n) > width) n -= 4;
        return new HexGeometry(margin, digits, n);
    }

    private static int Needed(int margin, int digits, int n) => margin + 1 + digits + 2 + 3 * n + (n - 1) / 8 + 1 + n;

    public int MarkX => Margin;
    public int AddressX => Margin + 1;
    public int HexX(int i) => Margin + 1 + AddressDigits + 2 + 3 * i + i / 8;
    public int SeparatorX => HexX(BytesPerLine - 1) + 3;
    public int AsciiX(int i) => SeparatorX + 1 + i;
    public int Width => AsciiX(BytesPerLine);

    public long RowStart(long offset) => offset - offset % BytesPerLine;
}
