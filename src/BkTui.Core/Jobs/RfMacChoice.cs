using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Jobs;

/// <summary>The MAC Restore RF writes, and where it came from (said in the log and the step detail).</summary>
internal sealed record RfMacChoice(MacAddress Mac, string Source, bool FromUser)
{
    public const string Random = "random";

    /// <summary>Null when the `--mac` text is usable, else why not (said before anything runs).</summary>
    public static string? Problem(string text)
    {
        if (text.Trim().Equals(Random, StringComparison.OrdinalIgnoreCase)) return null;
        if (!MacAddress.TryParse(text, out var m)) return $"--mac '{text}' is not a MAC address (expected e.g. FC:58:4A:B8:CF:D2, or 'random')";
        if ((m.B0 & 1) != 0) return $"--mac {m} is a multicast address; a device MAC has the lowest bit of its first byte clear";
        return PlaceholderMac.Why(m) is { } why ? $"--mac {m} is a placeholder ({why}), not a device's own MAC" : null;
    }

    /// <summary>
    /// The user's MAC first, else the calibration's own MAC when real, else a MAC the device is already
    /// known by in the archive; null when no true MAC is known.
    /// </summary>
    public static RfMacChoice? Choose(JobContext ctx, byte[]? calibration)
    {
        if (ctx.Request.Mac is { } text)
        {
            if (Problem(text) is { } bad) throw new JobInputException(bad);
            return text.Trim().Equals(Random, StringComparison.OrdinalIgnoreCase)
                ? new(RandomMac(ctx), "a made-up MAC (--mac random): no true MAC of this device is known", true)
                : new(Parse(text), "--mac", true);
        }
        if (calibration is not null && RfCalibration.TryParse(calibration)?.Mac is { } own && !PlaceholderMac.Is(own))
            return new(own, "the calibration's own MAC", false);
        if (ctx.DeviceKeys.FirstOrDefault(k => k.Mac is not null) is { } key)
            return new(Parse(key.Mac!), $"the device's identity ({key})", false);
        return null;
    }

    private static MacAddress Parse(string text) => MacAddress.TryParse(text, out var m) ? m : throw new JobInputException($"'{text}' is not a MAC address");

    /// <summary>GFT's choice: the family template's OUI with a random tail.</summary>
    private static MacAddress RandomMac(JobContext ctx) =>
        RfCalibration.TryParse(RfTemplate.Build(ctx.Info.Family))!.Mac!.Value;
}
