using System.Text;
using System.Text.RegularExpressions;
using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;

namespace BkTui.Core.Compatibility;

/// <summary>The chip family a firmware file is built for, told by its own content, with what it rests on.</summary>
public sealed record ImageFamily(ChipFamily? Family, IReadOnlyList<string> Evidence)
{
    public bool Known => Family is not null;
}

/// <summary>
/// Reads which family an image is built for: the platform its app names for itself ("OpenBK7231N",
/// "LibreTiny … on BK7231N"), decrypted with the image's own key; for images that carry a bootloader,
/// also the bootloader's identity and layout (known CRC-32, version text, plaintext marker, FAL table,
/// RF position) as <see cref="DumpAnalyzer"/> reads them. The app wins when both speak, because the
/// bootloader part of a file is skipped on write and only the app runs.
/// </summary>
public static partial class ImageFamilyReader
{
    /// <summary>App bytes searched for the platform string (banners sit near the start of the code).</summary>
    private const int ScanBytes = 0x40000;

    public static ImageFamily Read(ReadOnlySpan<byte> file, FirmwareImage image)
    {
        var evidence = new List<string>();
        var app = AppFamily(file, image, evidence);
        var layout = image.Kind is FirmwareKind.Qio or FirmwareKind.FullDump or FirmwareKind.Bootloader ? LayoutFamily(file, evidence) : null;
        if (app is { } a && layout is { } l && !SameSilicon(a, l))
            evidence.Add($"the app is built for {a} although the bootloader/layout is {l}: the app is what runs");
        return new ImageFamily(app ?? layout, evidence);
    }

    /// <summary>BK7231M is a BK7231N with an all-zero eFuse key: the same silicon runs the same builds (the key is checked on its own).</summary>
    public static bool SameSilicon(ChipFamily a, ChipFamily b) => Silicon(a) == Silicon(b);

    public static ChipFamily Silicon(ChipFamily f) => f == ChipFamily.BK7231M ? ChipFamily.BK7231N : f;

    private static ChipFamily? AppFamily(ReadOnlySpan<byte> file, FirmwareImage image, List<string> evidence)
    {
        var start = image.Kind switch
        {
            FirmwareKind.App => 0,
            FirmwareKind.Qio or FirmwareKind.FullDump => image.SourceOffset,
            _ => -1,
        };
        if (start < 0 || start >= file.Length) return null;
        if (image.KeyWords is not { } key)
        {
            evidence.Add($"the app is encrypted with an unknown key: its strings cannot be read");
            return null;
        }
        var length = Math.Min(ScanBytes, file.Length - start) / CrcBlocks.BlockSize * CrcBlocks.BlockSize;
        var logical = CrcBlocks.ToLogical(file.Slice(start, length));
        new CodeCipher(key).Apply(logical, CodeImage.AppLogical);
        var text = Encoding.Latin1.GetString(logical);
        var named = PlatformRx().Matches(text)
            .Select(m => (Text: m.Value, Family: ParseFamily(m.Groups["f"].Value)))
            .Where(m => m.Family is not null)
            .GroupBy(m => Silicon(m.Family!.Value))
            .Select(g => (Family: g.Key, Count: g.Count(), Example: g.First().Text))
            .OrderByDescending(g => g.Count)
            .ToList();
        if (named.Count == 0)
        {
            evidence.Add("the app names no platform (no \"OpenBK72xx\" or \"on BK72xx\" string)");
            return null;
        }
        if (named.Count > 1 && named[0].Count == named[1].Count)
        {
            evidence.Add($"the app names several platforms equally often ({string.Join(", ", named.Select(n => $"\"{n.Example}\""))})");
            return null;
        }
        var best = named[0];
        // The exact member (M rather than N) when the app says so.
        var exact = ParseFamily(PlatformRx().Match(best.Example).Groups["f"].Value) ?? best.Family;
        evidence.Add($"the app names its platform: \"{best.Example}\"{(best.Count > 1 ? $" ({best.Count}×)" : "")}");
        return exact;
    }

    private static ChipFamily? LayoutFamily(ReadOnlySpan<byte> file, List<string> evidence)
    {
        var report = DumpAnalyzer.Analyze(file);
        if (!Enum.TryParse<ChipFamily>(report.Chip.Family, out var family) || family == ChipFamily.Unknown)
        {
            evidence.Add("the bootloader and layout name no family");
            return null;
        }
        evidence.Add($"bootloader/layout: {family} ({string.Join("; ", report.Chip.Evidence.Take(3))})");
        return family;
    }

    private static ChipFamily? ParseFamily(string digits) => Enum.TryParse<ChipFamily>("BK" + digits.ToUpperInvariant(), out var f) ? f : null;

    [GeneratedRegex(@"(?:OpenBK| on BK)(?<f>7231[NTUMnt]|7238|7252)")] private static partial Regex PlatformRx();
}
