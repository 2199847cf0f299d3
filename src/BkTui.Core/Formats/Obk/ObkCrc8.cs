namespace BkTui.Core.Formats.Obk;

/// <summary>
/// The CRC-8 of the OpenBeken config (flash-formats.md §8.2): CRC-8/MAXIM bit loop (0x8C, LSB first).
/// On Beken chips the register is a signed byte, so each right shift keeps bit 7 (arithmetic shift);
/// GFT mirrors this and the firmware accepts it. Other chips use the logical shift.
/// </summary>
public static class ObkCrc8
{
    public static byte Compute(ReadOnlySpan<byte> data, bool bekenSigned = true)
    {
        byte crc = 0;
        foreach (var input in data)
        {
            var b = input;
            for (var i = 0; i < 8; i++)
            {
                var mix = ((crc ^ b) & 1) != 0;
                crc = bekenSigned ? (byte)((sbyte)crc >> 1) : (byte)(crc >> 1);
                if (mix) crc ^= 0x8C;
                b >>= 1;
            }
        }
        return crc;
    }
}
