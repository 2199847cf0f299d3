namespace BkTui.Core.Firmware;

/// <summary>Limits for talking to the firmware source. Every wait is bounded.</summary>
public sealed record FirmwareHttpOptions
{
    public const string DefaultSource = "https://api.github.com/repos/openshwprojects/OpenBK7231T_App/releases";

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>Longest time without a single byte arriving (a stalled server).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Whole releases-list request, headers to last byte.</summary>
    public TimeSpan FeedTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Whole asset download, headers to last byte.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public int MaxRedirects { get; init; } = 5;
    /// <summary>The releases JSON is a few hundred KiB; anything far larger is not a feed.</summary>
    public long MaxFeedBytes { get; init; } = 16 << 20;
    /// <summary>No BK72xx image is larger than a 4 MiB flash; 8 MiB leaves room and bounds memory.</summary>
    public long MaxAssetBytes { get; init; } = 8 << 20;
    public string UserAgent { get; init; } = "BkTui-firmware/1.0 (+https://github.com/openshwprojects/OpenBK7231T_App)";

    /// <summary>Parses a --source value: an http(s) or file:// URL, or a local path.</summary>
    public static Uri ParseSource(string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return new Uri(DefaultSource);
        var s = source.Trim();
        if (Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme is "http" or "https" or "file")) return u;
        if (s.Contains("://", StringComparison.Ordinal))
            throw new FirmwareException(FirmwareError.BadSource, $"--source '{s}': only http, https, file:// or a local path are supported.");
        return new Uri(Path.GetFullPath(s));
    }
}
