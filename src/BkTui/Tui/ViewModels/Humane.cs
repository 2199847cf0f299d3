using Humanizer;

namespace BkTui.Tui.ViewModels;

/// <summary>Sizes, speeds, durations and ages as people say them (Humanizer, fixed en-US wording).</summary>
public static class Humane
{
    // Explicit: Humanizer follows the thread's UI culture, which other code (and invariant mode) may change.
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    public static string Bytes(long bytes) => bytes.Bytes().Humanize("0.#");

    public static string Speed(double bytesPerSecond) =>
        bytesPerSecond <= 0 ? "" : ((long)bytesPerSecond).Bytes().Humanize("0") + "/s";

    public static string Duration(TimeSpan? span) =>
        span is not { } s ? "" : s < TimeSpan.FromSeconds(1) ? "<1 second" : s.Humanize(1, English, minUnit: TimeUnit.Second);

    /// <summary>"3 minutes ago" relative to <paramref name="now"/> (the app's clock, fixed in tests).</summary>
    public static string Ago(DateTimeOffset when, DateTimeOffset now) =>
        when.ToUnixTimeMilliseconds() == 0 ? "never" : when.Humanize(now, English);
}
