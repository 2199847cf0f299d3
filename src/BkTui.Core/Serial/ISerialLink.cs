namespace BkTui.Core.Serial;

/// <summary>
/// A byte pipe to one chip: a termios serial port in production, a pty to the virtual chip in
/// tests and the demo, or an in-memory fake in unit tests of the protocol layer. Not thread-safe:
/// one owner at a time (the port's worker).
/// </summary>
public interface ISerialLink : IDisposable
{
    /// <summary>What the user calls the port (path as given, e.g. /dev/ttyUSB0 or a by-id link).</summary>
    string PortName { get; }

    /// <summary>The host baud currently set (read back from the driver where it can tell).</summary>
    int Baud { get; }

    /// <summary>Sets the host side's baud rate; any rate, including 1,500,000 and 2,000,000.</summary>
    void SetBaud(int baud);

    /// <summary>Writes every byte (blocking until the kernel took them all). Throws <see cref="DeviceGoneException"/> on hang-up.</summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>
    /// Reads what is available, waiting up to <paramref name="timeout"/> for the first byte.
    /// Returns 0 on timeout. Throws <see cref="DeviceGoneException"/> on hang-up (EOF or EIO),
    /// <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires.
    /// </summary>
    int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default);

    /// <summary>Drops bytes already received and not yet read.</summary>
    void DiscardInput();

    /// <summary>Blocks until every written byte has left the host (tcdrain).</summary>
    void DrainOutput();

    /// <summary>Sets DTR and RTS together (one TIOCMSET). Returns false when the driver has no modem lines (ptys).</summary>
    bool SetModemLines(bool dtr, bool rts);
}

/// <summary>Base of every serial failure; the message names the port and says what to do next.</summary>
public class SerialException(string port, string message, Exception? inner = null) : IOException(message, inner)
{
    public string Port { get; } = port;
}

/// <summary>The adapter disappeared (unplugged, hung up, EIO).</summary>
public sealed class DeviceGoneException(string port, string? detail = null)
    : SerialException(port, $"{port}: the adapter went away{(detail is null ? "" : $" ({detail})")}. Check the USB cable and plug it back in, then retry.");

/// <summary>The port is held by another process or job.</summary>
public sealed class PortBusyException(string port, int? holderPid, string? holderName, string? hint = null)
    : SerialException(port, $"{port} is busy: held by {(holderPid is null ? "another process" : $"pid {holderPid}{(holderName is null ? "" : $" ({holderName})")}")}. {hint ?? "Close that program (or stop its job) and retry."}")
{
    public int? HolderPid { get; } = holderPid;
    public string? HolderName { get; } = holderName;
}

/// <summary>The port does not exist or cannot be opened (permissions, not a tty).</summary>
public sealed class PortUnavailableException(string port, string reason)
    : SerialException(port, $"{port}: {reason}");
