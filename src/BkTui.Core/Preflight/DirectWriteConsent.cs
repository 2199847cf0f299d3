namespace BkTui.Core.Preflight;

/// <summary>The named consents a direct <c>write</c> / <c>erase</c> may carry; each one is spelled out by the user, never implied.</summary>
public sealed record DirectWriteConsent
{
    /// <summary><c>--no-backup</c>: change a chip the archive holds no whole dump of, without taking one first.</summary>
    public bool NoBackup { get; init; }

    /// <summary><c>--allow-other-device-rf</c>: write an image whose RF calibration names another device's MAC.</summary>
    public bool AllowOtherDeviceRf { get; init; }

    /// <summary><c>--allow-rf-erase</c> (erase) / <c>--allow-rf-overwrite</c> (write): change this chip's own RF calibration sector.</summary>
    public bool AllowRfChange { get; init; }
}
