using System.Text;
using System.Text.RegularExpressions;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rf;

namespace BkTui.Simulator;

/// <summary>What happens when the chip boots its flash, decided the way the silicon does it.</summary>
internal enum BootOutcome
{
    /// <summary>The bootloader is erased, damaged or under another key: the CPU runs noise.</summary>
    NoBootloader,
    /// <summary>No app at 0x11000 (erased): the bootloader has nothing to start.</summary>
    AppErased,
    /// <summary>The app's CRC-16 blocks are broken, it is under another key, or built for another family: it crashes, the watchdog resets, forever.</summary>
    Crashes,
    Runs,
}

internal enum AppKind { Unknown, OpenBeken, LibreTiny, Tuya }

/// <summary>
/// The flash as the boot sees it: the bootloader and app decrypted with the chip's eFuse key (a
/// wrong key gives no vector table), the app's own strings naming its firmware, version and family.
/// </summary>
internal sealed partial record BootImage(BootOutcome Outcome, AppKind Kind, string? Version, string Why, string Mac, string? Name = null)
{
    /// <summary>App bytes searched for firmware strings (banners sit near the start of the image).</summary>
    private const int ScanBytes = 0x40000;
    private const uint AppPhysical = 0x11000;

    public static BootImage Inspect(ChipProfile profile, EfuseKey key, FlashMemory flash)
    {
        var mac = MacOf(profile, flash);
        var boot = flash.Read(0, CrcBlocks.BlockSize);
        if (CrcBlocks.Classify(boot) != BlockState.Valid || !Decrypts(boot, key, CodeImage.BootloaderLogical))
            return new(BootOutcome.NoBootloader, AppKind.Unknown, null, "no bootloader the chip can run", mac);
        var first = flash.Read(AppPhysical, CrcBlocks.BlockSize);
        var state = CrcBlocks.Classify(first);
        if (state == BlockState.Erased) return new(BootOutcome.AppErased, AppKind.Unknown, null, "the app partition is erased", mac);
        if (state != BlockState.Valid) return new(BootOutcome.Crashes, AppKind.Unknown, null, "the app's first CRC-16 block is broken", mac);
        if (!Decrypts(first, key, CodeImage.AppLogical)) return new(BootOutcome.Crashes, AppKind.Unknown, null, "the app is encrypted with another key", mac);

        var logical = CrcBlocks.ToLogical(flash.Read(AppPhysical, (int)Math.Min(ScanBytes, flash.Size - AppPhysical) / CrcBlocks.BlockSize * CrcBlocks.BlockSize));
        new CodeCipher(key).Apply(logical, CodeImage.AppLogical);
        var text = Encoding.Latin1.GetString(logical);
        var (kind, version, name) = Identify(text);
        if (FamilyNamed(text) is { } built && !SameSilicon(built, profile.Family))
            return new(BootOutcome.Crashes, kind, version, $"the app is built for {built}", mac, name);
        return new(BootOutcome.Runs, kind, version, "the app starts", mac, name);
    }

    private static bool Decrypts(byte[] block, EfuseKey key, uint address)
    {
        var logical = CrcBlocks.ToLogical(block);
        new CodeCipher(key).Apply(logical, address);
        return KeyProbe.LooksLikeVectorTable(logical);
    }

    private static (AppKind, string?, string?) Identify(string text)
    {
        if (ObkRx().Match(text) is { Success: true } obk) return (AppKind.OpenBeken, obk.Groups["v"].Success ? obk.Groups["v"].Value : null, obk.Groups["name"].Value);
        if (LibreTinyRx().Match(text) is { Success: true } lt) return (AppKind.LibreTiny, lt.Groups[1].Value, null);
        if (TuyaRx().Match(text) is { Success: true } tuya) return (AppKind.Tuya, tuya.Groups[1].Value, null);
        return (AppKind.Unknown, null, null);
    }

    /// <summary>The family an app names for itself ("OpenBK7231T", "LibreTiny … on BK7231N"), or null.</summary>
    private static ChipFamily? FamilyNamed(string text) =>
        PlatformRx().Match(text) is { Success: true } m && Enum.TryParse<ChipFamily>("BK" + m.Groups[1].Value.ToUpperInvariant(), out var f) ? f : null;

    /// <summary>BK7231M is a BK7231N with a zero key: their apps are interchangeable (the key is checked separately).</summary>
    private static bool SameSilicon(ChipFamily a, ChipFamily b) => Group(a) == Group(b);
    private static ChipFamily Group(ChipFamily f) => f == ChipFamily.BK7231M ? ChipFamily.BK7231N : f;

    /// <summary>The MAC the SDK loads from the RF sector; without calibration it falls back to the Beken default.</summary>
    private static string MacOf(ChipProfile profile, FlashMemory flash)
    {
        if (profile.RfOffset + 0x1000 > flash.Size) return "c8:47:8c:00:00:00";
        var sector = flash.Read(profile.RfOffset, 0x1000);
        return RfCalibration.HasMagic(sector) ? MacAddress.FromBytes(sector.AsSpan(0x24, 6)).ToString().ToLowerInvariant() : "c8:47:8c:00:00:00";
    }

    [GeneratedRegex(@"(?<name>OpenB(?:K|eken)[A-Za-z0-9]*)(?:[ ,_]+(?:version )?(?<v>\d+\.\d+(?:\.\d+)?))?")] private static partial Regex ObkRx();
    [GeneratedRegex(@"LibreTiny v(\d[\w.\-]*)")] private static partial Regex LibreTinyRx();
    [GeneratedRegex(@"< TUYA IOT SDK V:(\S+)")] private static partial Regex TuyaRx();
    [GeneratedRegex(@"(?:OpenBK| on BK)(7231[NTUMnt]|7238|7252)")] private static partial Regex PlatformRx();
}
