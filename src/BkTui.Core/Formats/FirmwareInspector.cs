using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rbl;

namespace BkTui.Core.Formats;

/// <summary>
/// Recognises a firmware file by its content — never by its name alone (GFT keys bootloader skipping
/// on "_QIO_" in the name, which traps renamed files): kind, key, whether it holds a bootloader, and
/// which bytes go where. Pure and bounded.
/// </summary>
public static class FirmwareInspector
{
    private const int AppPhysical = 0x11000;
    private const int DefaultAppEnd = 0x129F70;
    private static ReadOnlySpan<byte> RawArmVector => [0x0E, 0x00, 0x00, 0xEA, 0x14, 0xF0, 0x9F, 0xE5];

    public static FirmwareImage Inspect(ReadOnlySpan<byte> image, string? fileName = null)
    {
        var evidence = new List<string>();
        var warnings = new List<string>();
        var hint = FamilyFromName(fileName);
        var nameKind = KindFromName(fileName);
        var result = Classify(image, evidence, warnings);
        if (nameKind is { } nk && Group(nk) != Group(result.Kind) && result.Kind != FirmwareKind.Unknown)
            warnings.Add($"The file name suggests {Describe(nk)} but the content is {Describe(result.Kind)}; it is placed by content.");
        return result with { Size = image.Length, FamilyHint = hint, Evidence = evidence, Warnings = warnings };
    }

    private static FirmwareImage Classify(ReadOnlySpan<byte> d, List<string> evidence, List<string> warnings)
    {
        if (d.Length < CrcBlocks.BlockSize)
        {
            evidence.Add($"only {d.Length} bytes");
            return new FirmwareImage { Kind = FirmwareKind.Unknown };
        }
        if (RblHeader.TryParse(d) is { HeaderCrcOk: true } ota)
        {
            evidence.Add($"RBL header at 0 ('{ota.Name}' {ota.Version}, encryption {ota.Encryption}, compression {ota.Compression})");
            warnings.Add("OTA packages are installed by the running firmware (or cloudcutter), not written over UART.");
            return new FirmwareImage { Kind = FirmwareKind.RblOta };
        }
        if (d[..8].SequenceEqual(RawArmVector) && CrcBlocks.Classify(d[..CrcBlocks.BlockSize]) != BlockState.Valid)
        {
            evidence.Add("plain ARM vector at 0 without CRC-16 blocks");
            warnings.Add("This is a raw binary (no CRC-16 blocks): it must be packaged before it can be flashed.");
            return new FirmwareImage { Kind = FirmwareKind.Unknown };
        }
        if (CrcBlocks.Classify(d[..CrcBlocks.BlockSize]) != BlockState.Valid)
        {
            evidence.Add("the first 34 bytes are not a CRC-16 block");
            return new FirmwareImage { Kind = FirmwareKind.Unknown };
        }

        var first = d[..CrcBlocks.DataSize];
        var bootKey = KeyProbe.Identify(first, CodeImage.BootloaderLogical);
        var appKeyAtZero = bootKey is null ? KeyProbe.Identify(first, CodeImage.AppLogical) : null;
        var marker = d.Length >= 0x118 && d.Slice(0x110, 8).SequenceEqual("BK7231\0\0"u8);
        var bootRbl = d.Length >= 0x10F9A + 102 && RblLocator.TryAt(d, 0x10F9A) is { InCrcForm: true, Header.Name: "bootloader" };
        var knownCrc = d.Length >= 257 && (ChipProfiles.Bootloader(BekenCrc32.Standard(d[..256])) is not null || ChipProfiles.Bootloader(BekenCrc32.Standard(d[..257])) is not null);
        // A bypass (zero) key stores code in clear, so a vector table at 0 fits both a bootloader and an
        // app: then only structure tells (marker, bootloader RBL, known CRC, erased padding before 0x10F9A).
        var padding = d.Length >= 0x10F9A && CrcBlocks.Classify(d.Slice(0x10F9A - CrcBlocks.BlockSize, CrcBlocks.BlockSize)) == BlockState.Erased;
        var structural = marker || bootRbl || knownCrc || padding;
        var isBoot = bootKey is { } probe && !new CodeCipher(probe.Key).IsBypass ? true
            : bootKey is not null ? structural
            : appKeyAtZero is null && structural;
        if (bootKey is not null && !isBoot) appKeyAtZero = bootKey;

        if (!isBoot)
        {
            if (appKeyAtZero is { } ak) evidence.Add($"the first block decrypts to an ARM vector table at logical 0x10000 with the {ak.Name} key");
            else evidence.Add("CRC-16 blocks from 0 that decrypt with neither known key (app assumed)");
            return new FirmwareImage
            {
                Kind = FirmwareKind.App, Key = appKeyAtZero?.Name ?? "other", KeyWords = appKeyAtZero?.Key,
                TargetOffset = AppPhysical, SourceOffset = 0, WriteLength = d.Length,
                LogicalStart = CodeImage.AppLogical, CodeLength = d.Length,
            };
        }

        if (bootKey is { } bk) evidence.Add($"the first block decrypts to an ARM vector table at logical 0 with the {bk.Name} key");
        if (marker) evidence.Add("plaintext \"BK7231\" marker at 0x110");
        if (bootRbl) evidence.Add("bootloader RBL header at 0x10F9A");
        if (knownCrc) evidence.Add("known bootloader CRC-32 of the first bytes");
        var hasApp = d.Length >= AppPhysical + CrcBlocks.BlockSize && CrcBlocks.Classify(d.Slice(AppPhysical, CrcBlocks.BlockSize)) == BlockState.Valid;
        if (!hasApp)
        {
            evidence.Add("no CRC-16 app block at 0x11000");
            return new FirmwareImage
            {
                Kind = FirmwareKind.Bootloader, Key = bootKey?.Name ?? "other", KeyWords = bootKey?.Key, ContainsBootloader = true,
                LogicalStart = CodeImage.BootloaderLogical, CodeLength = Math.Min(d.Length, AppPhysical),
            };
        }
        var appKey = KeyProbe.Identify(CrcBlocks.ToLogical(d.Slice(AppPhysical, CrcBlocks.BlockSize)), CodeImage.AppLogical);
        if (appKey is { } a) evidence.Add($"the app at 0x11000 decrypts with the {a.Name} key");
        if (bootKey is not null && appKey is not null && bootKey.Value.Name != appKey.Value.Name)
            warnings.Add($"The bootloader uses the {bootKey.Value.Name} key but the app the {appKey.Value.Name} key.");
        var key = appKey ?? bootKey;
        // OpenBK7231T's QIO build is exactly 1 MiB: a flash size, but it ends with the app partition's RBL header, which no dump does.
        var wholeBlocksEnd = AppPhysical + (d.Length - AppPhysical) / CrcBlocks.BlockSize * CrcBlocks.BlockSize;
        var endsWithAppRbl = RblLocator.TryAt(d, wholeBlocksEnd - 3 * CrcBlocks.BlockSize) is { InCrcForm: true, Header.Name: "app" };
        var full = d.Length >= 0x100000 && (d.Length & (d.Length - 1)) == 0 && !endsWithAppRbl;
        var codeEnd = full ? AppEnd(d) : d.Length;
        return new FirmwareImage
        {
            Kind = full ? FirmwareKind.FullDump : FirmwareKind.Qio,
            Key = key?.Name ?? "other", KeyWords = key?.Key, ContainsBootloader = true,
            TargetOffset = AppPhysical, SourceOffset = AppPhysical, WriteLength = d.Length - AppPhysical,
            LogicalStart = CodeImage.BootloaderLogical, CodeLength = codeEnd,
        };
    }

    /// <summary>End of the app partition in a whole image: from the FAL table, else the standard 0x129F70.</summary>
    private static int AppEnd(ReadOnlySpan<byte> d) => (int)Math.Clamp(AppPartitionEnd(d), AppPhysical, d.Length);

    /// <summary>Where the bootloader's FAL table (else the standard layout, 0x129F70) ends the app partition; may lie beyond a cut file.</summary>
    public static long AppPartitionEnd(ReadOnlySpan<byte> d)
    {
        var boot = CrcBlocks.ToLogical(d[..Math.Min(d.Length, AppPhysical)]);
        var app = FalTable.Find(boot, out _).FirstOrDefault(e => e.Name == "app" && e.IsCrcSpace);
        return app is not null ? (long)app.PhysicalStart + app.PhysicalLength : DefaultAppEnd;
    }

    /// <summary>The family a build's file name names (OpenBK7231N_QIO_… → BK7231N), if any.</summary>
    public static ChipFamily? FamilyFromName(string? name) => string.IsNullOrEmpty(name) ? null : FamilyNamedIn(Path.GetFileName(name));

    /// <summary>The first family a text names ("virtual BK7231M / BL2028N: …" → BK7231M), in a fixed order; null if none.</summary>
    public static ChipFamily? FamilyNamedIn(string text)
    {
        foreach (var f in new[] { ChipFamily.BK7231N, ChipFamily.BK7231T, ChipFamily.BK7231M, ChipFamily.BK7231U, ChipFamily.BK7238, ChipFamily.BK7252 })
            if (text.Contains(f.ToString(), StringComparison.OrdinalIgnoreCase)) return f;
        return null;
    }

    private static FirmwareKind? KindFromName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        var n = Path.GetFileName(name).ToUpperInvariant();
        if (n.EndsWith(".RBL") || n.EndsWith(".OTA") || n.Contains("_OTA") || n.Contains("_UG_")) return FirmwareKind.RblOta;
        if (n.Contains("_QIO_")) return FirmwareKind.Qio;
        if (n.Contains("_UA_")) return FirmwareKind.App;
        return null;
    }

    private static FirmwareKind Group(FirmwareKind k) => k == FirmwareKind.FullDump ? FirmwareKind.Qio : k;

    private static string Describe(FirmwareKind k) => k switch
    {
        FirmwareKind.FullDump => "a whole flash dump",
        FirmwareKind.Qio => "a bootloader+app (QIO) image",
        FirmwareKind.App => "an app (UA) image",
        FirmwareKind.RblOta => "an OTA package",
        FirmwareKind.Bootloader => "a bootloader alone",
        _ => "unknown",
    };
}
