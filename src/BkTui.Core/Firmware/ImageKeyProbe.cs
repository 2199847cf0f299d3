using System.Buffers.Binary;

namespace BkTui.Core.Firmware;

/// <summary>
/// Interim recogniser until Formats' FirmwareInspector lands in main: finds the first CRC-16 block of
/// the app (at 0 for UA files, at physical 0x11000 for whole/QIO images) and reads its key from
/// the ARM vector table: plaintext = zero key, the known ciphertext = Tuya key (flash-formats.md §3.3, §10.3).
/// </summary>
internal static class ImageKeyProbe
{
    private static readonly byte[] PlainVector = [0x0E, 0x00, 0x00, 0xEA, 0x14, 0xF0, 0x9F, 0xE5];
    private static readonly byte[] TuyaVector = [0x2F, 0x07, 0xB5, 0x94, 0x35, 0xFF, 0x2A, 0x9B];
    private const int AppOffset = 0x11000;

    public static FirmwareImageVerdict? Probe(ReadOnlySpan<byte> image)
    {
        if (image.Length >= 4 && image[..4].SequenceEqual("RBL\0"u8)) return new FirmwareImageVerdict("ota", "unknown");
        if (image.Length >= AppOffset + 34 && KeyOfBlock(image.Slice(AppOffset, 34)) is { } full)
            return new FirmwareImageVerdict("full", full);
        if (image.Length >= 34 && KeyOfBlock(image[..34]) is { } app)
            return new FirmwareImageVerdict("app", app);
        return null;
    }

    private static string? KeyOfBlock(ReadOnlySpan<byte> block)
    {
        if (Crc16Cms(block[..32]) != BinaryPrimitives.ReadUInt16BigEndian(block[32..])) return null;
        if (block[..8].SequenceEqual(TuyaVector)) return "tuya";
        if (block[..8].SequenceEqual(PlainVector)) return "zero";
        return null;
    }

    internal static ushort Crc16Cms(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x8005) : (ushort)(crc << 1);
        }
        return crc;
    }
}
