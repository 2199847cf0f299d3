using BkTui.Core.Formats.Crc16;

namespace BkTui.Tests.TestSupport;

/// <summary>Edits that give a synthetic dump a shape the analyzer has to recognise: wrapped, or a bootloader nothing names.</summary>
public static class DumpEdits
{
    /// <summary>The image as a read that started <paramref name="by"/> bytes in saves it: the start wrapped to the end.</summary>
    public static byte[] Rotated(byte[] image, int by)
    {
        var rotated = new byte[image.Length];
        image.AsSpan(by).CopyTo(rotated);
        image.AsSpan(0, by).CopyTo(rotated.AsSpan(image.Length - by));
        return rotated;
    }

    /// <summary>A copy whose bootloader range is random code in valid CRC-16 blocks: present, yet no key, text or known CRC-32 names it.</summary>
    public static byte[] WithNamelessBootloader(byte[] image, int seed)
    {
        var copy = (byte[])image.Clone();
        var code = new byte[CrcBlocks.DataSize];
        var random = new Random(seed);
        for (int at = 0; at + CrcBlocks.BlockSize <= 0x11000; at += CrcBlocks.BlockSize)
        {
            random.NextBytes(code);
            CrcBlocks.WriteBlock(code, copy.AsSpan(at, CrcBlocks.BlockSize));
        }
        return copy;
    }
}
