namespace BkTui.Core.Formats.Rf;

/// <summary>
/// MACs that firmware or tools fall back to when a board has no calibration of its own: they are
/// shared by many devices, so they are never a device's identity (docs/identity.md).
/// </summary>
public static class PlaceholderMac
{
    /// <summary>The Beken/Tuya OUI the SDK puts in front of a zeroed tail (SEED-M: c8:47:8c:00:00:01).</summary>
    private static readonly (byte, byte, byte) BekenDefaultOui = (0xC8, 0x47, 0x8C);

    /// <summary>The template MACs GFT's "Restore RF" starts from (its random tail is real; these exact ones are not).</summary>
    private static readonly MacAddress[] TemplateMacs =
        [new(0x38, 0x1F, 0x8D, 0x38, 0x57, 0x0E), new(0x84, 0xE3, 0x42, 0xB2, 0x61, 0xBF)];

    /// <summary>Null when the MAC can be a device's own, else why it cannot.</summary>
    public static string? Why(MacAddress mac) => mac switch
    {
        _ when mac.IsAllZero => "all zero",
        _ when mac.IsAllFF => "all FF (erased)",
        _ when (mac.B0, mac.B1, mac.B2) == BekenDefaultOui && mac.B3 == 0 && mac.B4 == 0 => "the Beken default C8:47:8C:00:00:xx",
        _ when mac.B3 == 0 && mac.B4 == 0 && mac.B5 == 0 => "a template with a zeroed tail",
        _ when mac.B4 == 0 && mac.B5 == 0 => "ends in 00:00, the firmware's fallback without RF data",
        _ when TemplateMacs.Contains(mac) => "the RF template's own MAC, shared by every device restored with it",
        _ => null,
    };

    public static bool Is(MacAddress mac) => Why(mac) is not null;

    /// <summary>True for text that is not a MAC at all, or a placeholder one.</summary>
    public static bool Is(string? mac) => !MacAddress.TryParse(mac, out var m) || Is(m);
}
