namespace BkTui.Core.Firmware;

/// <summary>One release of the firmware feed (GitHub releases API shape, only the fields BkTui uses).</summary>
public sealed record FirmwareRelease(
    string Tag,
    string? Name,
    DateTimeOffset? PublishedAt,
    bool Prerelease,
    IReadOnlyList<FirmwareAsset> Assets);

/// <summary>One downloadable file of a release. <see cref="Digest"/> is "sha256:…" when the API gives one.</summary>
public sealed record FirmwareAsset(string Name, long? Size, Uri DownloadUrl, string? Digest)
{
    /// <summary>The lowercase hex SHA-256 from <see cref="Digest"/>, or null when absent or another algorithm.</summary>
    public string? Sha256 =>
        Digest is { } d && d.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) && d.Length == 7 + 64
            ? d[7..].ToLowerInvariant()
            : null;
}

/// <summary>Download progress: bytes so far, expected total (when known) and the average speed.</summary>
public readonly record struct DownloadProgress(long Done, long? Total, double BytesPerSecond);
