namespace BkTui.Core.Formats.Crc16;

/// <summary>
/// CRC-16/CMS: poly 0x8005, init 0xFFFF, not reflected, no final XOR (flash-formats.md §1.1).
/// Check value of "123456789" is 0xAEE7.
/// </summary>
public static class Crc16Cms
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        return crc;
    }

    private static ushort[] BuildTable()
    {
        var t = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var c = (ushort)(i << 8);
            for (var k = 0; k < 8; k++)
                c = (c & 0x8000) != 0 ? (ushort)((c << 1) ^ 0x8005) : (ushort)(c << 1);
            t[i] = c;
        }
        return t;
    }
}
