namespace BkTui.Core.Chips;

/// <summary>
/// CRC-32 (reflected, poly 0xEDB88320, init 0xFFFFFFFF). The chip's CheckCRC returns the register
/// without the final inversion (protocol.md §6.1); <see cref="Standard"/> is the usual zlib value.
/// </summary>
public static class BekenCrc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Value of an all-0xFF 4 KiB sector as the chip reports it (0x0EAB98F5).</summary>
    public static readonly uint ErasedSector4K = Chip(Enumerable.Repeat((byte)0xFF, 4096).ToArray());

    public static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
            register = Table[(register ^ b) & 0xFF] ^ (register >> 8);
        return register;
    }

    /// <summary>The value the chip's CheckCRC reports for these bytes.</summary>
    public static uint Chip(ReadOnlySpan<byte> data) => Update(0xFFFFFFFF, data);

    /// <summary>Standard CRC-32 (= NOT of the chip value).</summary>
    public static uint Standard(ReadOnlySpan<byte> data) => ~Chip(data);

    private static uint[] BuildTable()
    {
        var t = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }
}
