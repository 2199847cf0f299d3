using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Tests.Compatibility;

/// <summary>OpenBeken-style builds per family, as their release files are shaped (docs/compatibility.md).</summary>
internal static class GateImages
{
    /// <summary>The family's own build: QIO (bootloader + app) for N/M/BK7238, UA (app only) for T/U/BK7252; the app names its platform.</summary>
    public static byte[] Build(ChipFamily family, EfuseKey? key = null, int seed = 7)
    {
        var spec = new FlashImageSpec { Family = family, Seed = seed, AppPayloadSize = 0x4000, AppBanner = $"Open{family}_1.18.21" };
        var k = key ?? ChipProfiles.For(family).DefaultEfuseKey;
        return family is ChipFamily.BK7231N or ChipFamily.BK7231M or ChipFamily.BK7238
            ? FlashImageBuilder.Qio(spec, k)
            : FlashImageBuilder.App(spec, k);
    }

    /// <summary>An app that names no platform (a Tuya SDK app): its family cannot be told.</summary>
    public static byte[] Anonymous(ChipFamily family, int seed = 8) =>
        FlashImageBuilder.App(new FlashImageSpec { Family = family, Seed = seed, AppPayloadSize = 0x4000 }, ChipProfiles.For(family).DefaultEfuseKey);
}
