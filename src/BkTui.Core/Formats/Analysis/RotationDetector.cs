using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Rbl;

namespace BkTui.Core.Formats.Analysis;

/// <summary>
/// Some readers produce dumps that start mid-flash and wrap (flash-formats.md §11: two real T dumps
/// begin at physical 0x11000). Detected by where the bootloader's RBL header (or the first app block)
/// sits, confirmed by a valid CRC-16 block at physical 0 after rotating back.
/// </summary>
public static class RotationDetector
{
    public const uint BootloaderRblOffset = 0x10F9A;
    public const uint AppStart = 0x11000;

    /// <summary>The physical address of file offset 0, or 0 when the dump is not rotated (or cannot be told).</summary>
    public static uint Detect(ReadOnlySpan<byte> dump, IReadOnlyList<RblFound> rbls)
    {
        var size = dump.Length;
        if (!IsFlashSize(size) || BlockAt(dump, 0) == BlockState.Valid && RblAt(rbls, BootloaderRblOffset)) return 0;
        foreach (var r in rbls)
        {
            if (!r.InCrcForm || r.Header.Name != "bootloader" || r.Offset == BootloaderRblOffset) continue;
            var rot = (uint)(((long)BootloaderRblOffset - r.Offset + size) % size);
            if (BlockAt(dump, (int)((size - rot) % size)) == BlockState.Valid) return rot;
        }
        return 0;
    }

    /// <summary>The dump as flash order: file offset f holds physical (f + rotatedBy) mod size.</summary>
    public static byte[] Unrotate(ReadOnlySpan<byte> dump, uint rotatedBy)
    {
        var result = new byte[dump.Length];
        if (dump.Length == 0) return result;
        var r = (int)(rotatedBy % (uint)dump.Length);
        // physical p ← file (p - r) mod size
        dump[(dump.Length - r)..].CopyTo(result);
        dump[..(dump.Length - r)].CopyTo(result.AsSpan(r));
        return result;
    }

    public static bool IsFlashSize(long size) => size >= 0x100000 && size <= 0x1000000 && (size & (size - 1)) == 0;

    private static bool RblAt(IReadOnlyList<RblFound> rbls, uint offset) => rbls.Any(r => r.Offset == offset);

    private static BlockState BlockAt(ReadOnlySpan<byte> d, int offset) =>
        offset >= 0 && offset + CrcBlocks.BlockSize <= d.Length ? CrcBlocks.Classify(d.Slice(offset, CrcBlocks.BlockSize)) : BlockState.BadCrc;
}
