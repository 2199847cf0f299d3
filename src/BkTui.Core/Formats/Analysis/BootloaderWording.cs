namespace BkTui.Core.Formats.Analysis;

/// <summary>
/// How a write that rewrites the bootloader names what goes to 0x000000 (the TUI's recovery
/// question, the restore job's pre-flight line), so a consent is given to a named bootloader and
/// never to "the dump's": its name and whether it is in the known list, else plainly that it
/// cannot be identified, with the CRC-32 the known list is keyed by.
/// </summary>
public static class BootloaderWording
{
    /// <summary>
    /// What a raw write (<c>bktui write --start</c>, <c>run custom --write</c>) puts in the bootloader range
    /// [0, <paramref name="bootloaderSize"/>), named before it is sent; null when the write does not reach it.
    /// </summary>
    public static string? ForRawWrite(uint start, ReadOnlySpan<byte> data, uint bootloaderSize)
    {
        if (start >= bootloaderSize || data.IsEmpty) return null;
        var end = (uint)Math.Min(bootloaderSize, (ulong)start + (ulong)data.Length);
        if (start != 0)
            return $"0x{start:X6}–0x{end:X6} of the bootloader range gets the file's bytes: not a whole bootloader, so the chip may not start until a whole one is written back";
        var what = AtZero(DumpAnalyzer.Analyze(data));
        return end < bootloaderSize
            ? $"0x000000–0x{end:X6} gets {what}; the rest of the range up to 0x{bootloaderSize:X6} keeps its bytes"
            : $"0x000000–0x{bootloaderSize:X6} gets {what}";
    }

    /// <summary>"bootloader BK7231n_1.0.11 (not in the known list, CRC-32 0x78D89A2E of bytes 0-255)", "an unidentified bootloader, CRC-32 0x… of bytes 0-255", …</summary>
    public static string AtZero(DumpReport report)
    {
        // The analysis rotates a wrapped dump back; the write does not, so 0x0 gets other bytes than the bootloader it read.
        if (report.RotatedBy != 0)
            return $"not this dump's bootloader: the file starts at flash 0x{report.RotatedBy:X} (rotated), so other bytes land at 0x000000";
        var b = report.Bootloader;
        if (!b.Present) return "nothing the analysis recognises as a bootloader (the first block at 0x000000 is erased or fails its CRC-16)";
        var list = b.Known ? "in the known list" : "not in the known list";
        if ((b.Name ?? b.Text) is not { Length: > 0 } name) return $"an unidentified bootloader, {b.CrcText()}";
        return $"bootloader {b.NameWithVersion(name)} ({list}, {b.CrcText()})";
    }
}
