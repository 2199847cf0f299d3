using System.Buffers.Binary;

namespace BkTui.Core.Chips;

/// <summary>
/// CRC-32 (reflected, poly 0xEDB88320, init 0xFFFFFFFF). The chip's CheckCRC returns the register
/// without the final inversion (protocol.md §6.1); <see cref="Standard"/> is the usual zlib value.
/// </summary>
public static class BekenCrc32
{
    /// <summary>
    /// Eight 256-entry tables: table k maps a byte to its effect after k more zero bytes, so eight
    /// input bytes fold into the register with eight look-ups at once ("slicing by 8", ~4× the
    /// byte-at-a-time loop; the analysis and the archive run megabytes through here).
    /// </summary>
    private static readonly uint[] Tables = BuildTables();

    /// <summary>Value of an all-0xFF 4 KiB sector as the chip reports it (0x0EAB98F5).</summary>
    public static readonly uint ErasedSector4K = Chip(Enumerable.Repeat((byte)0xFF, 4096).ToArray());

    public static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        var t = Tables.AsSpan();
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ register;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            register = t[7 * 256 + (int)(low & 0xFF)] ^ t[6 * 256 + (int)((low >> 8) & 0xFF)]
                     ^ t[5 * 256 + (int)((low >> 16) & 0xFF)] ^ t[4 * 256 + (int)(low >> 24)]
                     ^ t[3 * 256 + (int)(high & 0xFF)] ^ t[2 * 256 + (int)((high >> 8) & 0xFF)]
                     ^ t[256 + (int)((high >> 16) & 0xFF)] ^ t[(int)(high >> 24)];
            data = data[8..];
        }
        foreach (var b in data)
            register = t[(int)((register ^ b) & 0xFF)] ^ (register >> 8);
        return register;
    }

    /// <summary>The value the chip's CheckCRC reports for these bytes.</summary>
    public static uint Chip(ReadOnlySpan<byte> data) => Update(0xFFFFFFFF, data);

    /// <summary>Standard CRC-32 (= NOT of the chip value).</summary>
    public static uint Standard(ReadOnlySpan<byte> data) => ~Chip(data);

    private static uint[] BuildTables()
    {
        var t = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        for (var k = 1; k < 8; k++)
            for (var i = 0; i < 256; i++)
                t[k * 256 + i] = (t[(k - 1) * 256 + i] >> 8) ^ t[(int)(t[(k - 1) * 256 + i] & 0xFF)];
        return t;
    }
}
