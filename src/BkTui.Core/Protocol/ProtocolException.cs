namespace BkTui.Core.Protocol;

public enum ProtocolFailure
{
    /// <summary>No acceptable reply before the deadline (silence, garbage, or only stale frames).</summary>
    Timeout,
    /// <summary>A well-formed reply carried a non-zero status byte.</summary>
    BadStatus,
    /// <summary>The reply is well-formed but says something other than what was asked (wrong count, wrong value).</summary>
    Mismatch,
}

/// <summary>
/// One command did not get a good answer. The flashing layer retries these (bounded) and turns the
/// last one into a FlashException that names port and address.
/// </summary>
public sealed class ProtocolException(ProtocolFailure failure, string message) : IOException(message)
{
    public ProtocolFailure Failure { get; } = failure;
}
