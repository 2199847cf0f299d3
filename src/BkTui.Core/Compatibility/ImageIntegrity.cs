using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Rbl;

namespace BkTui.Core.Compatibility;

/// <summary>Is the file whole and undamaged by its own structure? Problems are sentences; none = intact as far as the structure can tell.</summary>
public sealed record IntegrityVerdict(IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
    public string Text => Intact ? "intact" : string.Join(" ", Problems);
}

/// <summary>
/// Structural checks before a firmware file or dump is written (issue 11 item 7): its length against
/// what it is (a whole dump is 1/2/4… MiB; a QIO build ends at its app partition; CRC-16 images are
/// whole 34-byte blocks), every CRC-16 block of its code, the RBL headers against their payloads, no
/// erased gap inside the code, no 4 KiB run of zeros in a whole dump (real flash never holds one), and
/// for whole dumps the analyzer's own damage findings. Pure; docs/compatibility.md lists what it cannot see.
/// </summary>
public static class ImageIntegrity
{
    private const int AppPhysical = 0x11000;
    private const int DefaultAppEnd = 0x129F70;
    /// <summary>The Tuya layout's app partition end (N and T factory firmware, OpenBK7231N/M QIO builds).</summary>
    private const int QioTuyaLayout = 0x129F70;
    /// <summary>A "BL+APP" dump: bootloader and app partitions read to the next sector (1192 KiB).</summary>
    private const int BlAppDump = 0x12A000;
    private const int BootRblAt = 0x10F9A;
    private const int RblPhysical = 3 * CrcBlocks.BlockSize;

    /// <summary>Analyzer findings that mean a whole dump is damaged or not what it claims.</summary>
    private static readonly HashSet<string> DumpDamage =
        ["truncated", DumpAnalyzer.NotBk72xxCode, "rotated", "no-bootloader", "no-app", "bad-crc16-blocks", "rf-damaged", "tuya-kv-checksum", "obk-config-crc"];

    public static IntegrityVerdict Check(ReadOnlySpan<byte> file, FirmwareImage image)
    {
        var problems = new List<string>();
        switch (image.Kind)
        {
            case FirmwareKind.App:
                CheckCode(file, 0, file.Length, "the app", problems);
                break;
            case FirmwareKind.Qio:
                CheckQio(file, image, problems);
                break;
            case FirmwareKind.FullDump:
                CheckDump(file, problems);
                break;
        }
        return new IntegrityVerdict(problems);
    }

    /// <summary>
    /// A bootloader+app build is as long as its family's packager makes it (profiles/chips.yaml
    /// qioLengths, docs/compatibility.md "QIO lengths") and ends with its app partition's RBL header; a
    /// 1192 KiB "BL+APP" read is the 0x129F70 layout and erased flash to the next sector. The family is
    /// the image's own; an image that names none may have any known family's length.
    /// </summary>
    private static void CheckQio(ReadOnlySpan<byte> d, FirmwareImage image, List<string> problems)
    {
        var family = ImageFamilyReader.Read(d, image).Family;
        var lengths = QioLengths(family);
        var whose = family is { } f ? $"a {f}" : "any known";
        var appEnd = d.Length == BlAppDump && lengths.Contains(QioTuyaLayout) ? QioTuyaLayout : d.Length;
        if (!lengths.Contains(appEnd))
        {
            var list = string.Join(", ", lengths.Select(l => $"0x{l:X}"));
            problems.Add(d.Length > lengths.Max()
                ? $"{d.Length} bytes (0x{d.Length:X}) is longer than {whose} bootloader+app (QIO) build ({list}) and is not a flash size (1, 2, 4 … MiB): a whole dump cut short, or padded."
                : $"{d.Length} bytes (0x{d.Length:X}) is not the length of {whose} bootloader+app (QIO) build ({list}): the app partition is incomplete, the file cut short.");
            return;
        }
        // The app partition's code is whole CRC-16 blocks; a partition that is not a whole number of them (OpenBK7231T's) ends in erased bytes.
        var codeEnd = AppPhysical + (appEnd - AppPhysical) / CrcBlocks.BlockSize * CrcBlocks.BlockSize;
        if (d[codeEnd..].IndexOfAnyExcept((byte)0xFF) is >= 0 and var at)
            problems.Add($"the app partition's code ends at 0x{codeEnd:X} but the file holds data at 0x{codeEnd + at:X} after it: the file is not what its length says.");
        CheckBootloader(d, problems);
        if (RblLocator.TryAt(d, codeEnd - RblPhysical) is not { InCrcForm: true })
            problems.Add($"no RBL header ends the app partition (at 0x{codeEnd - RblPhysical:X}), where {whose} 0x{appEnd:X}-byte build has one: the file is cut short or damaged.");
        CheckCode(d, AppPhysical, codeEnd, "the app", problems);
    }

    /// <summary>The QIO lengths of a family (its silicon's), or of every family when it is unknown.</summary>
    public static IReadOnlyList<int> QioLengths(ChipFamily? family) =>
        ChipProfiles.All.Where(p => family is not { } f || p.Family == f).SelectMany(p => p.QioLengths).Select(l => (int)l).Distinct().Order().ToList();

    private static void CheckDump(ReadOnlySpan<byte> d, List<string> problems)
    {
        var report = DumpAnalyzer.Analyze(d);
        foreach (var p in report.Quality.Problems.Where(p => DumpDamage.Contains(p.Code))) problems.Add(p.Message);
        if (problems.Count == 0)
        {
            // A UART flash rewrites the app without its RBL header and leaves erased tails: in a dump only broken blocks count.
            CheckBootloader(d, problems);
            var app = CrcBlocks.Count(d[AppPhysical..Math.Min(d.Length, DefaultAppEnd)]);
            if (app.Bad > 0) problems.Add($"{app.Bad} CRC-16 block(s) of the app partition are broken (first at 0x{AppPhysical + app.FirstBad:X}): the dump is damaged.");
        }
        // Flash ends with data sectors (RF, config, KV) after the app partition: a "1 MiB dump" that ends inside it is a longer file cut short.
        if (FirmwareInspector.AppPartitionEnd(d) is var appEnd && appEnd > d.Length)
            problems.Add($"the file ends at 0x{d.Length:X}, inside the app partition (which the bootloader's layout ends at 0x{appEnd:X}): a dump or QIO build cut short.");
        if (ZeroRun(d) is { } zero)
            problems.Add($"4 KiB or more of zero bytes from 0x{zero:X6} (flash is erased to FF; the longest zero run in the 24 real dumps is 0xFE4 bytes): the dump was damaged.");
    }

    /// <summary>The bootloader's own RBL header (0x10F9A) must match its payload when it is there.</summary>
    private static void CheckBootloader(ReadOnlySpan<byte> d, List<string> problems)
    {
        var bad = CrcBlocks.Count(d[..Math.Min(d.Length, AppPhysical)]);
        if (bad.Bad > 0) problems.Add($"{bad.Bad} CRC-16 block(s) of the bootloader are broken (first at 0x{bad.FirstBad:X}).");
        else CheckRbl(d[..Math.Min(d.Length, AppPhysical)], BootRblAt, "the bootloader", problems);
    }

    /// <summary>
    /// Code in CRC-16 blocks from <paramref name="start"/> to <paramref name="end"/>: whole blocks, none
    /// broken, its RBL header (when the partition ends with one) matching the code, no erased gap
    /// followed by code again before that header.
    /// </summary>
    private static void CheckCode(ReadOnlySpan<byte> d, int start, int end, string what, List<string> problems)
    {
        var length = end - start;
        if (length % CrcBlocks.BlockSize != 0)
            problems.Add($"{what} ends in the middle of a CRC-16 block ({length} bytes is not a whole number of 34-byte blocks): the file is cut short.");
        var region = d.Slice(start, length / CrcBlocks.BlockSize * CrcBlocks.BlockSize);
        var counts = CrcBlocks.Count(region);
        if (counts.Bad > 0)
        {
            problems.Add($"{counts.Bad} CRC-16 block(s) of {what} are broken (first at 0x{start + counts.FirstBad:X}): the file is damaged.");
            return;
        }
        var rblStart = region.Length - RblPhysical;
        var hasRbl = CheckRbl(region, rblStart, what, problems);
        var gap = ErasedGap(region, hasRbl ? rblStart : region.Length);
        if (gap is { } g) problems.Add($"{what} has erased (FF) blocks at 0x{start + g.Gap:X} followed by code again at 0x{start + g.Resume:X}: a range was wiped.");
    }

    /// <summary>An RBL header in CRC-16 form at <paramref name="at"/> must be intact and match the code before it; true when one is there.</summary>
    private static bool CheckRbl(ReadOnlySpan<byte> partition, int at, string what, List<string> problems)
    {
        if (at < 0 || at + RblPhysical > partition.Length) return false;
        if (RblLocator.TryAt(partition, at) is not { InCrcForm: true } rbl)
        {
            if (CrcBlocks.ToLogical(partition.Slice(at, CrcBlocks.BlockSize)).AsSpan().StartsWith(RblHeader.Magic))
                problems.Add($"the RBL header of {what} (at 0x{at:X} in it) is damaged: its header CRC does not match.");
            return false;
        }
        var payload = CrcBlocks.ToLogical(partition[..(at / CrcBlocks.BlockSize * CrcBlocks.BlockSize)]);
        if (rbl.Header.RawSize > payload.Length)
            problems.Add($"the RBL header of {what} claims {rbl.Header.RawSize} bytes of code but only {payload.Length} are there: the file is cut short.");
        else if (!rbl.Header.MatchesPayload(payload))
            problems.Add($"the code of {what} does not match its RBL header (CRC-32/hash over {rbl.Header.RawSize} bytes): the file is damaged.");
        return true;
    }

    /// <summary>Start of the first run of at least 4096 zero bytes, or null.</summary>
    private static int? ZeroRun(ReadOnlySpan<byte> d)
    {
        var run = 0;
        for (var i = 0; i < d.Length; i++)
        {
            run = d[i] == 0 ? run + 1 : 0;
            if (run == 0x1000) return i - 0xFFF;
        }
        return null;
    }

    /// <summary>The first erased block run followed by a non-erased block before <paramref name="limit"/>, or null.</summary>
    private static (int Gap, int Resume)? ErasedGap(ReadOnlySpan<byte> region, int limit)
    {
        int? gap = null;
        for (var at = 0; at + CrcBlocks.BlockSize <= limit; at += CrcBlocks.BlockSize)
        {
            var state = CrcBlocks.Classify(region.Slice(at, CrcBlocks.BlockSize));
            if (state == BlockState.Erased) gap ??= at;
            else if (gap is { } g) return (g, at);
        }
        return null;
    }
}
