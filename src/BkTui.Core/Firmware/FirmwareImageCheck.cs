using BkTui.Core.Chips;

namespace BkTui.Core.Firmware;

/// <summary>What a downloaded file is and which code-encryption key it was built for.</summary>
public sealed record FirmwareImageVerdict(string Kind, string Key);

/// <summary>
/// Refuses files that are not flashable images, or whose key does not suit the family: an image
/// built for the Tuya key is garbage on a zero-key BK7231M and vice versa (flash-formats.md §3.4).
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

    public static FirmwareImageVerdict Check(ChipFamily family, ReadOnlySpan<byte> image, string fileName)
    {
        var v = ImageKeyProbe.Probe(image);
        if (v is null)
            throw new FirmwareException(FirmwareError.NotFirmware,
                $"{fileName} ({image.Length} bytes) is not a BK72xx firmware image (no CRC-16 app block with an ARM vector table); not cached.");
        if (v.Kind == "ota")
            throw new FirmwareException(FirmwareError.NotFirmware, $"{fileName} is an OTA package (RBL), which is never written over UART; not cached.");
        var expected = ExpectedKey(family);
        if (!v.Key.Equals(expected, StringComparison.OrdinalIgnoreCase))
            throw new FirmwareException(FirmwareError.WrongKey,
                $"{fileName} is a {v.Key}-key build but {family} needs the {expected} key; it would not boot, so it was not cached. " +
                $"Try another --version, or re-encrypt a build for this chip: bktui image convert (to the {expected} key).");
        return v;
    }
}
