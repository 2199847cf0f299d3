using BkTui.Core.Chips;

namespace BkTui.Core.Formats.Synthesis;

/// <summary>
/// Chooses 4 bytes inside a buffer so its standard CRC-32 becomes a given value: lets synthetic
/// images identify as a known bootloader (identity = CRC-32 of the first 256/257 bytes).
/// </summary>
public static class Crc32Forge
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(i => BekenCrc32.Update(0, [(byte)i])).ToArray();
    private static readonly byte[] IndexOfTop = BuildInverse();

    /// <summary>Overwrites data[at..at+4] so that BekenCrc32.Standard(data) == target.</summary>
    public static void Force(Span<byte> data, int at, uint target)
    {
        if (at < 0 || at + 4 > data.Length) throw new ArgumentOutOfRangeException(nameof(at));
        var before = BekenCrc32.Update(0xFFFFFFFF, data[..at]);
        // Walk back from the wanted final register over the bytes after the patch.
        var reg = ~target;
        for (var i = data.Length - 1; i >= at + 4; i--) reg = Back(reg, data[i]);
        // Four more steps with unknown bytes leave register_before XOR patch in the register.
        for (var i = 0; i < 4; i++) reg = Back(reg, 0);
        var patch = reg ^ before;
        for (var i = 0; i < 4; i++) data[at + i] = (byte)(patch >> (8 * i));
    }

    private static uint Back(uint reg, byte b)
    {
        var idx = IndexOfTop[reg >> 24];
        return ((reg ^ Table[idx]) << 8) | (uint)(idx ^ b);
    }

    private static byte[] BuildInverse()
    {
        var inv = new byte[256];
        for (var i = 0; i < 256; i++) inv[Table[i] >> 24] = (byte)i;
        return inv;
    }
}
