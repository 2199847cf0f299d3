using BkTui.Core.Chips;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Rbl;
using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Formats;

/// <summary>
/// Reads a flash dump like an expert (flash-formats.md §11): chip, bootloader, key, partitions, app
/// containers, MAC and RF, Tuya storage, OpenBeken config and a quality grade. Pure: bytes in, report
/// out; never throws on content, every loop is bounded by the input size.
/// </summary>
public static partial class DumpAnalyzer
{
    /// <summary>Problem code of a report whose analysis hit a bug; the fuzz tests require it never to appear.</summary>
    public const string AnalysisErrorCode = "analysis-error";

    /// <summary>Problem code of bytes that hold nothing a BK72xx flash holds (random data, a foreign file).</summary>
    public const string NotBk72xxCode = "not-bk72xx";

    public static DumpReport Analyze(ReadOnlySpan<byte> input) => Analyze(input, null);

    /// <summary>
    /// The same for bytes already in an array: the analysis reads it in place instead of copying it
    /// (2 MiB and its page faults are a measurable part of <c>bktui analyze</c>'s start-up). The
    /// analysis never writes to it (tests check every real dump's bytes after it).
    /// </summary>
    public static DumpReport Analyze(byte[] input) => Analyze(input, input);

    private static DumpReport Analyze(ReadOnlySpan<byte> input, byte[]? array)
    {
        var baseReport = new DumpReport { Size = input.Length, Sha256 = Crypto.Sha256.HexOf(input) };
        try
        {
            return AnalyzeCore(input, array, baseReport);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug must not cost the user the rest of the session (or the dump): say so, keep size and hash.
            var quality = new QualityGrader();
            quality.Add(AnalysisErrorCode, QualityGrader.Fatal, $"The analysis failed ({e.GetType().Name}: {e.Message}); the file is untouched. Please report it with the dump.");
            return baseReport with { Quality = quality.Result(), Partial = true };
        }
    }

    private static DumpReport AnalyzeCore(ReadOnlySpan<byte> input, byte[]? array, DumpReport baseReport)
    {
        var quality = new QualityGrader();
        if (input.Length == 0)
        {
            quality.Add("empty", QualityGrader.Fatal, "The file is empty.");
            return baseReport with { Quality = quality.Result(), Partial = true };
        }
        if (input.IndexOfAnyExcept((byte)0xFF) < 0 || input.IndexOfAnyExcept((byte)0x00) < 0)
        {
            var ff = input[0] == 0xFF;
            quality.Add(ff ? "all-ff" : "all-00", QualityGrader.Fatal,
                ff ? "Every byte is 0xFF: the flash was erased or the read returned nothing." : "Every byte is 0x00: the read failed (wiring, or read-out disabled).");
            return baseReport with { Quality = quality.Result(), Partial = true };
        }

        var rawRbls = RblLocator.FindAll(input);
        var rotatedBy = RotationDetector.Detect(input, rawRbls);
        var d = rotatedBy != 0 ? RotationDetector.Unrotate(input, rotatedBy) : array ?? input.ToArray();
        var rbls = rotatedBy == 0 ? rawRbls : RblLocator.FindAll(d);
        if (rotatedBy != 0)
            quality.Add("rotated", QualityGrader.Warning,
                $"The dump starts at flash address 0x{rotatedBy:X} and wraps around; it was rotated back before analysis. Keep it, but re-read from 0 before restoring it.");

        var code = CodeRegions.Read(d);
        var data = DataRegions.Read(d);
        var encryption = Encryption(code);
        var tuya = data.Tuya is null ? null : DataRegions.Describe(data.Tuya);
        var chip = InferChip(code, data, tuya, encryption.Key);
        var family = Enum.TryParse<ChipFamily>(chip.Family, out var f) ? f : ChipFamily.Unknown;
        var bootloader = Bootloader(code, family);
        var fullImage = RotationDetector.IsFlashSize(d.Length);
        var (rf, mac, macSource) = Rf(data, family, fullImage);
        var obkHit = PickObk(data, family);
        var partial = !fullImage;

        var rblInfos = rbls.Select(r => Describe(r, d)).ToList();
        // Nothing a BK72xx flash holds: say so plainly instead of grading it as a damaged dump (no Restore-RF advice for noise,
        // no "truncated" before the verdict that matters).
        var recognised = code.BootPresent || code.AppPresent || data.RfSectors.Count > 0 || tuya is not null || data.ObkConfigs.Count > 0 || rbls.Count > 0 || family != ChipFamily.Unknown;
        if (recognised && !fullImage && tuya is not null && !code.BootPresent)
            quality.Add("tuya-region-only", QualityGrader.Warning, $"0x{d.Length:X} bytes: not a whole flash image but the Tuya storage alone; only that part was analysed.");
        else if (recognised && !fullImage)
            quality.Add("truncated", QualityGrader.Error, $"0x{d.Length:X} bytes is not a flash size (1, 2, 4 … MiB): the dump is truncated or padded; results are partial.");
        if (recognised) Grade(quality, code, bootloader, encryption, rf, rblInfos, data, fullImage);
        else quality.Add(NotBk72xxCode, QualityGrader.Fatal,
            "Nothing in these bytes is BK72xx flash content (no CRC-16 code, RF calibration, Tuya storage, OpenBeken config or RBL header): not a BK72xx dump.");

        var report = baseReport with
        {
            Chip = chip,
            Bootloader = bootloader,
            RotatedBy = rotatedBy,
            Encryption = encryption,
            Partitions = Partitions(d, code, data, family, rf),
            App = new AppInfo
            {
                Rbls = rblInfos,
                VersionStrings = code.AppStrings,
                TuyaFirmwareVersion = tuya?.FirmwareVersion,
                OpenBeken = code.OpenBeken,
            },
            Mac = mac?.ToString(),
            MacSource = macSource,
            Rf = rf,
            Tuya = tuya,
            Obk = obkHit is { } o ? DataRegions.Describe(o.Offset, o.Config) : null,
            Partial = partial,
        };
        report = report with { Quality = quality.Result() };
        return report with { Advice = recognised ? Advice(report, family) : [] };
    }

    private static EncryptionInfo Encryption(CodeFacts code)
    {
        var evidence = new List<string>();
        if (code.BootKey is not null) evidence.Add(code.ArmAnomalyInClear && code.BootKey == "zero"
            ? "bootloader text \"[ARM ANOMALY]\" is stored in clear (zero key)"
            : $"bootloader decrypts to an ARM vector table with the {code.BootKey} key");
        if (code.AppKey is not null) evidence.Add($"app at 0x11000 decrypts to an ARM vector table with the {code.AppKey} key");
        var key = code.BootKey ?? code.AppKey;
        if (key is null)
        {
            if (code.BootPresent || code.AppPresent)
            {
                evidence.Add("CRC-valid code decrypts with neither the Tuya nor the all-zero key");
                return new EncryptionInfo { Key = "other", Evidence = evidence };
            }
            evidence.Add("no code partition with valid CRC-16 blocks");
            return new EncryptionInfo { Key = "unknown", Evidence = evidence };
        }
        var k = key == "tuya" ? EfuseKey.Tuya : EfuseKey.Zero;
        return new EncryptionInfo { Key = key, Words = [$"{k.W0:x8}", $"{k.W1:x8}", $"{k.W2:x8}", $"{k.W3:x8}"], Evidence = evidence };
    }

    private static ChipVerdict InferChip(CodeFacts code, DataFacts data, TuyaInfo? tuya, string key)
    {
        var chip = new ChipInference();
        var known = KnownBootloader(code);
        if (known is not null) chip.Vote(known.Family, 5, $"bootloader CRC-32 0x{known.Crc32:X8} is {known.Name}");
        if (code.BootText is { } text && ChipInference.FromBootText(text) is var bf and not ChipFamily.Unknown)
            chip.Vote(bf, 3, $"bootloader text \"{text}\"");
        if (code.BekenMarker) chip.Vote(ChipFamily.BK7231N, 2, "plaintext \"BK7231\" marker at 0x110 (BootROM-type bootloader)");
        foreach (var (off, _) in data.RfSectors.Take(2))
        {
            if (off == 0x1D0000) chip.Vote(ChipFamily.BK7231N, 2, "RF calibration at 0x1D0000 (N/M layout)");
            else if (off == 0x1E0000) chip.Vote(ChipFamily.BK7231T, 1, "RF calibration at 0x1E0000 (T/U/BK7252/BK7238 layout)");
            else if (off == 0x1E3000) chip.Vote(ChipFamily.BK7238, 1, "RF calibration at 0x1E3000 (relocated BK7238 sector)");
        }
        if (code.Fal.FirstOrDefault(e => e.Name == "download") is { } dl)
        {
            if (dl.Offset == 0x12A000) chip.Vote(ChipFamily.BK7231N, 1, "FAL download partition at 0x12A000 (N layout)");
            else if (dl.Offset == 0x132000) chip.Vote(ChipFamily.BK7231T, 1, "FAL download partition at 0x132000 (T layout)");
        }
        if (tuya?.Module is { } module && ChipInference.FromTuyaModule(module) is var mf and not ChipFamily.Unknown)
            chip.Vote(mf, 2, $"Tuya module \"{module}\"");
        if (tuya?.Platform is { } platform && ChipInference.FromTuyaPlatform(platform) is var pf and not ChipFamily.Unknown)
            chip.Vote(pf, 2, $"Tuya platform \"{platform}\"");
        foreach (var (off, _) in data.ObkConfigs.Take(1))
        {
            if (off == 0x1D1000) chip.Vote(ChipFamily.BK7231N, 1, "OpenBeken config at 0x1D1000 (N/M)");
            else if (off == 0x1E1000) chip.Vote(ChipFamily.BK7231T, 1, "OpenBeken config at 0x1E1000 (T/U/BK7238/BK7252)");
        }
        if (key == "zero") chip.Note("code is stored with the all-zero key");
        return chip.Decide(key);
    }

    internal static KnownBootloader? KnownBootloader(CodeFacts code)
    {
        if (!code.BootPresent) return null;
        var incl = ChipProfiles.Bootloader(code.BootCrc257);
        if (incl is not null && ChipProfiles.For(incl.Family).CrcEndInclusive) return incl;
        var excl = ChipProfiles.Bootloader(code.BootCrc256);
        return excl is not null && !ChipProfiles.For(excl.Family).CrcEndInclusive ? excl : incl ?? excl;
    }

    private static BootloaderInfo Bootloader(CodeFacts code, ChipFamily family)
    {
        if (!code.BootPresent) return new BootloaderInfo { Present = false };
        var known = KnownBootloader(code);
        var inclusive = known is not null ? ChipProfiles.For(known.Family).CrcEndInclusive
            : family != ChipFamily.Unknown && ChipProfiles.For(family).CrcEndInclusive;
        var crc = inclusive ? code.BootCrc257 : code.BootCrc256;
        var textVersion = code.BootText?.Split('_').LastOrDefault();
        return new BootloaderInfo
        {
            Present = true,
            Name = known?.Name ?? code.BootText,
            Version = known?.Version ?? textVersion,
            Crc32 = $"0x{crc:X8}",
            CrcRange = ChipProfile.ProbeCrcRange(inclusive),
            Known = known is not null,
            Text = code.BootText,
        };
    }

    private static RblInfo Describe(RblFound r, byte[] d)
    {
        bool? ok = null;
        if (r.InCrcForm && r.Header.Name is "bootloader" or "app")
        {
            var start = r.Header.Name == "bootloader" ? 0 : 0x11000;
            if (r.Offset > start)
                ok = r.Header.MatchesPayload(CrcBlocks.ToLogical(d.AsSpan(start, (int)(r.Offset - start))));
        }
        return new RblInfo
        {
            Name = r.Header.Name,
            Version = r.Header.Version,
            Offset = r.Offset,
            Form = r.InCrcForm ? "crc-blocks" : "plain",
            RawSize = r.Header.RawSize,
            PackageSize = r.Header.PackageSize,
            Encryption = r.Header.Encryption,
            Compression = r.Header.Compression,
            PayloadOk = ok,
        };
    }
}
