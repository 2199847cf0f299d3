using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Monitor;

/// <summary>
/// Which boot logs come from a device's original (vendor) firmware, whose printed MAC is the unit's
/// own: the Tuya IoT SDK, the Beken SDK, vendor SDKs (VeSync). OpenBeken, LibreTiny and ESPHome never
/// count: without RF calibration their MAC may be derived from the chip or random.
/// </summary>
public static class OriginalFirmware
{
    private static readonly string[] Vendor = ["Tuya IoT SDK", "Beken SDK", "VeSync SDK"];
    private static readonly string[] Replacement = ["OpenBeken", "LibreTiny", "ESPHome"];

    /// <summary>True when <paramref name="firmware"/> (as <see cref="BootProof.Firmware"/> names it) is a vendor firmware and no replacement.</summary>
    public static bool Is(string? firmware) =>
        firmware is not null
        && Vendor.Any(v => firmware.Contains(v, StringComparison.Ordinal))
        && !Replacement.Any(r => firmware.Contains(r, StringComparison.Ordinal));

    /// <summary>The MAC the original firmware printed when it is a real one (never a placeholder); null otherwise.</summary>
    public static string? MacOf(BootProof proof) =>
        Is(proof.Firmware) && proof.Mac is { } mac && !PlaceholderMac.Is(mac) ? mac : null;
}
