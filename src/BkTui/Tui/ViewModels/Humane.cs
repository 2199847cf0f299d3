using Humanizer;

namespace BkTui.Tui.ViewModels;

/// <summary>Sizes, speeds, durations and ages as people say them (Humanizer, fixed en-US wording).</summary>
public static class Humane
{
    // Explicit: Humanizer follows the thread's UI culture, which other code (and invariant mode) may change.
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    /// <summary>"1 job", "0 jobs", "3 dumps": regular English plurals only. Not Humanizer's ToQuantity: its first
    /// call builds ~100 inflection rules as compiled regular expressions, ~150 ms of CPU before the first frame
    /// under JIT or ReadyToRun (docs/performance.md, "First frame").</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public static string Bytes(long bytes) => bytes.Bytes().Humanize("0.#");

    public static string Speed(double bytesPerSecond) =>
        bytesPerSecond <= 0 ? "" : ((long)bytesPerSecond).Bytes().Humanize("0") + "/s";

    public static string Duration(TimeSpan? span) =>
        span is not { } s ? "" : s < TimeSpan.FromSeconds(1) ? "<1 second" : s.Humanize(1, English, minUnit: TimeUnit.Second);

    /// <summary>
    /// "3 minutes ago" relative to <paramref name="now"/> (the app's clock, fixed in tests). A minute is
    /// the finest step: "39 seconds ago" counting up redrew the screen every second while idle (over SSH).
    /// </summary>
    public static string Ago(DateTimeOffset when, DateTimeOffset now)
    {
        if (when.ToUnixTimeMilliseconds() == 0) return "never";
        var age = now - when;
        return age >= TimeSpan.Zero && age < TimeSpan.FromMinutes(1) ? "just now" : when.Humanize(now, English);
    }
}
