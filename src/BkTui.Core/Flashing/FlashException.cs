namespace BkTui.Core.Flashing;

/// <summary>
/// Base of every flashing failure. The message names the port, the address when there is one, and
/// says what to do next; <see cref="Port"/> and <see cref="Address"/> are there for the UI and logs.
/// </summary>
public class FlashException(string port, uint? address, string message, Exception? inner = null)
    : IOException(Compose(port, address, message), inner)
{
    public string Port { get; } = port;
    public uint? Address { get; } = address;

    private static string Compose(string port, uint? address, string message) =>
        address is null ? $"{port}: {message}" : $"{port} @ 0x{address:X6}: {message}";
}

/// <summary>The chip never answered the link check (or stopped answering and could not be re-linked).</summary>
public sealed class NoLinkException(string port, string message, Exception? inner = null) : FlashException(port, null, message, inner);

/// <summary>A safety guard refused the request before a byte was sent.</summary>
public sealed class GuardRefusedException(string port, uint? address, string message) : FlashException(port, address, message);

/// <summary>Data moved but the chip's CRC does not match what was expected.</summary>
public sealed class VerifyFailedException(string port, uint? address, string message) : FlashException(port, address, message);

/// <summary>A command kept failing after its bounded retries (timeouts, bad status).</summary>
public sealed class RetriesExhaustedException(string port, uint? address, string message, Exception? inner = null) : FlashException(port, address, message, inner);

/// <summary>The chip answered but is not one BkTui can identify or handle safely.</summary>
public sealed class UnsupportedChipException(string port, string message) : FlashException(port, null, message);
