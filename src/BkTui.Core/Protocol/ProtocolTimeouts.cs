namespace BkTui.Core.Protocol;

/// <summary>
/// Per-command time budgets (protocol.md §9). Each is the chip's own time; the wire time of the
/// request and reply at the current baud is added on top, so slow rates never time out early.
/// </summary>
public sealed record ProtocolTimeouts
{
    /// <summary>Register, status-register, flash ID, baud reply (BKT uses 1 s for every command).</summary>
    public TimeSpan Command { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Reply window of one LinkCheck while linking (GFT 1 ms, BKT 5 ms per attempt).</summary>
    public TimeSpan LinkCheckWindow { get; init; } = TimeSpan.FromMilliseconds(10);
    public TimeSpan Read4K { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan Write4K { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>4 KiB erase: datasheets give ≤ 0.4 s worst case.</summary>
    public TimeSpan Erase4K { get; init; } = TimeSpan.FromSeconds(1.5);
    /// <summary>64 KiB erase: datasheets give ≤ 2 s worst case.</summary>
    public TimeSpan Erase64K { get; init; } = TimeSpan.FromSeconds(4);
    /// <summary>CheckCRC throughput assumed for the timeout (BKT assumes 400 kB/s; we allow half that).</summary>
    public double CrcBytesPerSecond { get; init; } = 200_000;
    /// <summary>Factor on the pure wire time (USB latency, scheduling).</summary>
    public double WireSlack { get; init; } = 1.5;

    public static ProtocolTimeouts Default { get; } = new();

    public TimeSpan Crc(uint length) => Command + TimeSpan.FromSeconds(length / CrcBytesPerSecond);

    /// <summary>Time the given number of bytes takes on the wire at <paramref name="baud"/> (10 bit-times per byte), with slack.</summary>
    public TimeSpan Wire(int bytes, int baud) => TimeSpan.FromSeconds(bytes * 10.0 / Math.Max(baud, 300) * WireSlack);
}
