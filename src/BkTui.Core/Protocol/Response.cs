namespace BkTui.Core.Protocol;

/// <summary>
/// One chip→host frame (protocol.md §3.2). <see cref="Payload"/> is everything after the code for
/// short frames, and everything after the status byte for long frames.
/// </summary>
public sealed record Response(bool IsLong, byte Code, byte Status, byte[] Payload);

/// <summary>What the scanner waits for: family, response code and the acceptable payload lengths.</summary>
/// <param name="IsLong">Long ("flash") frame expected.</param>
/// <param name="Code">Response code (normally the opcode; LinkCheck answers 0x01).</param>
/// <param name="MinPayload">Smallest acceptable payload (after code, or after status for long frames).</param>
/// <param name="MaxPayload">Largest acceptable payload; larger length fields are treated as garbage.</param>
/// <param name="Accept">Extra check (echo of the request); a frame that fails it is skipped as stale.</param>
public sealed record ResponseSpec(bool IsLong, byte Code, int MinPayload, int MaxPayload, Func<Response, bool>? Accept = null)
{
    public static ResponseSpec ShortFixed(byte code, int payload, Func<Response, bool>? accept = null) => new(false, code, payload, payload, accept);
    public static ResponseSpec LongFixed(byte code, int payload, Func<Response, bool>? accept = null) => new(true, code, payload, payload, accept);
}

/// <summary>An erase or write the chip answered for <see cref="Echoed"/> instead of <see cref="Requested"/>: it acted on [Echoed, Echoed+Length) (aligned by the flash).</summary>
public sealed record MisdirectedCommand(string Command, uint Requested, uint Echoed, uint Length)
{
    /// <summary>The first byte the flash acted on: an erase ignores the address bits below its size, a page program stays in its sector.</summary>
    public uint Start => Echoed & ~(Length - 1);
}

