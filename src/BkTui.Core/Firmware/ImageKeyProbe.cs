using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;

namespace BkTui.Core.Firmware;

/// <summary>
/// Interim recogniser until Formats' FirmwareInspector lands in main: takes the first CRC-16 block of
/// the app (at 0 for UA files, at physical 0x11000 for whole/QIO images) and asks Formats' KeyProbe
/// which known key turns it into an ARM vector table (flash-formats.md §3.3, §10.3).
/// </summary>
internal static class ImageKeyProbe
{
    private const int AppPhysical = 0x11000;

    public static FirmwareImageVerdict? Probe(ReadOnlySpan<byte> image)
    {
        if (image.Length >= 4 && image[..4].SequenceEqual("RBL\0"u8)) return new FirmwareImageVerdict("ota", "unknown");
        if (image.Length >= AppPhysical + CrcBlocks.BlockSize && KeyOfAppBlock(image.Slice(AppPhysical, CrcBlocks.BlockSize)) is { } full)
            return new FirmwareImageVerdict("full", full);
        if (image.Length >= CrcBlocks.BlockSize && KeyOfAppBlock(image[..CrcBlocks.BlockSize]) is { } app)
            return new FirmwareImageVerdict("app", app);
        return null;
    }

    private static string? KeyOfAppBlock(ReadOnlySpan<byte> block) =>
        CrcBlocks.Classify(block) == BlockState.Valid ? KeyProbe.Identify(block[..CrcBlocks.DataSize], CodeImage.AppLogical)?.Name : null;
}
