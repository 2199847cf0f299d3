namespace BkTui.Core.Firmware;

/// <summary>What went wrong, so shells can pick an exit code and a next step.</summary>
public enum FirmwareError
{
    /// <summary>Connect failure, DNS, timeout, connection reset, truncated body.</summary>
    Network,
    /// <summary>HTTP 403/429 from the API: the GitHub rate limit (unauthenticated: 60 requests per hour).</summary>
    RateLimited,
    /// <summary>HTTP 404 or a missing local file.</summary>
    NotFound,
    /// <summary>Any other unexpected HTTP status, or too many redirects.</summary>
    HttpStatus,
    /// <summary>The source answered, but not with releases JSON.</summary>
    BadSource,
    /// <summary>No release/asset matches the family and version asked for.</summary>
    NoMatch,
    /// <summary>The download's length or digest differs from what the source announced.</summary>
    Integrity,
    /// <summary>The file is bigger than any BK72xx flash image can be.</summary>
    TooLarge,
    /// <summary>The file is not a flashable firmware image.</summary>
    NotFirmware,
    /// <summary>The image is encrypted with a key that does not suit the chip family.</summary>
    WrongKey,
    /// <summary>The image's own content names another chip family than the one it was chosen for (a mislabelled asset).</summary>
    WrongFamily,
    /// <summary>The cache folder is full (ENOSPC).</summary>
    DiskFull,
    /// <summary>The cache folder or index is unusable.</summary>
    Cache,
}

/// <summary>A firmware catalog, download or cache failure with a message that says what to do next.</summary>
public sealed class FirmwareException(FirmwareError error, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public FirmwareError Error { get; } = error;

    /// <summary>True when a cached build may answer instead (the network, not the content, failed).</summary>
    public bool IsOffline => Error is FirmwareError.Network or FirmwareError.RateLimited;
}
