namespace BkTui.Simulator;

/// <summary>
/// The chip's end of the wire: a pty master in <see cref="SimHost"/>, an in-memory pipe in unit
/// tests (<see cref="MemoryWire"/>). Bytes carry no timing of their own; the chip paces them.
/// </summary>
public interface IChipLine : IDisposable
{
    /// <summary>Reads what the host sent, waiting up to <paramref name="timeout"/>. 0 on timeout or while no host is attached.</summary>
    int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel);

    /// <summary>Sends bytes to the host. Bytes sent while no host is attached are lost, as on a real wire.</summary>
    void Write(ReadOnlySpan<byte> data, CancellationToken cancel);

    /// <summary>The baud the host's port is set to, or null when the line cannot tell (then it is assumed to match).</summary>
    int? HostBaud { get; }

    /// <summary>
    /// Counts how often a host has opened the line. A change means "a client opened the port":
    /// real adapters pulse DTR on open, which resets boards wired for auto-reset.
    /// </summary>
    long OpenCount { get; }

    /// <summary>Drops bytes the host sent that were not read yet.</summary>
    void DiscardInput();

    /// <summary>Pulls the plug: the host sees a hang-up and the line is dead afterwards.</summary>
    void Hangup();

    /// <summary>True once <see cref="Hangup"/> ran or the line was disposed.</summary>
    bool IsClosed { get; }
}
