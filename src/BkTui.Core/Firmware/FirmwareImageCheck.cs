using BkTui.Core.Chips;
using BkTui.Core.Compatibility;
using BkTui.Core.Formats;

namespace BkTui.Core.Firmware;

/// <summary>
/// Refuses downloads that are not flashable release builds, or whose key does not suit the family:
/// an image built for the Tuya key is garbage on a zero-key BK7231M and vice versa (flash-formats.md §3.4).
/// The content decides (Formats' <see cref="FirmwareInspector"/>), not the file name.
/// </summary>
public static class FirmwareImageCheck
{
    /// <summary>
    /// The key an OpenBeken UART image must carry. §10.1: UA files (T, U, BK7252) and N QIO files are
    /// Tuya-key builds; BK7231M files are the zero-key build. BK7238 follows its profile's key.
    /// </summary>
    public static string ExpectedKey(ChipFamily family) => family switch
    {
        ChipFamily.BK7231M => "zero",
        ChipFamily.BK7231T or ChipFamily.BK7231N or ChipFamily.BK7231U or ChipFamily.BK7252 => "tuya",
        _ => ChipProfiles.For(family).DefaultKey,
    };

    /// <summary>
    /// The inspector's verdict when the file is a QIO or UA build for the family (by its own content,
    /// as the flash pre-flight reads it: <see cref="ImageFamilyReader"/>) with the family's key; else a
    /// FirmwareException. <paramref name="url"/> and <paramref name="outcome"/> go into a wrong family's message.
    /// </summary>
    public static FirmwareImage Check(ChipFamily family, ReadOnlySpan<byte> image, string fileName, string? url = null, string outcome = "It was not cached.")
    {
        var v = FirmwareInspector.Inspect(image, fileName);
        var why = v.Evidence.Count > 0 ? $" ({string.Join("; ", v.Evidence)})" : "";
        switch (v.Kind)
        {
            case FirmwareKind.Qio or FirmwareKind.App:
                break;
            case FirmwareKind.RblOta:
                throw new FirmwareException(FirmwareError.NotFirmware, $"{fileName} is an OTA package (RBL), which is never written over UART; not cached.");
            case FirmwareKind.FullDump:
                throw new FirmwareException(FirmwareError.NotFirmware, $"{fileName} is a whole flash dump (another device's RF and settings), not a release build; not cached.");
            case FirmwareKind.Bootloader:
                throw new FirmwareException(FirmwareError.NotFirmware, $"{fileName} holds a bootloader without an app; not cached.");
            default:
                throw new FirmwareException(FirmwareError.NotFirmware, $"{fileName} ({image.Length} bytes) is not a BK72xx firmware image{why}; not cached.");
        }
        // The name chose the asset; the content must agree, or the flash gate refuses it later (BK7231M runs N builds: same silicon, its key is checked next).
        var built = ImageFamilyReader.Read(image, v);
        if (built.Family is { } found && !ImageFamilyReader.SameSilicon(found, family))
            throw new FirmwareException(FirmwareError.WrongFamily,
                $"{fileName}{(url is null ? "" : $" (from {url})")} was chosen as the {family} build, but its content is built for {found} " +
                $"({string.Join("; ", built.Evidence)}): the release or mirror mislabels it, and it would not boot on a {family}. {outcome} " +
                $"Try another --version or --source, or flash a {family} build ({CompatibilityGate.RightBuild(family)}) you checked yourself with --firmware FILE.");
        var expected = ExpectedKey(family);
        if (!v.Key.Equals(expected, StringComparison.OrdinalIgnoreCase))
            throw new FirmwareException(FirmwareError.WrongKey,
                $"{fileName} is a {(v.Key is "tuya" or "zero" ? v.Key : "unknown")}-key build but {family} needs the {expected} key; it would not boot, so it was not cached. " +
                $"Try another --version, or download {fileName} yourself and re-encrypt it for this chip: " +
                $"`bktui image convert {fileName} --to-key {expected} --out {Path.GetFileNameWithoutExtension(fileName)}_{expected}key.bin`, then flash that file with --firmware.");
        return v;
    }

    /// <summary>How the cache records the kind: "qio" (bootloader + app, app part written at 0x11000) or "app" (UA).</summary>
    public static string KindName(FirmwareImage image) => image.Kind == FirmwareKind.Qio ? "qio" : "app";
}
