namespace BkTui.Simulator;

/// <summary>
/// What a UART receiving at one baud makes of bytes sent back-to-back at another (8N1). The line is
/// rebuilt bit by bit at the sender's rate (idle high, start 0, 8 data bits LSB first, stop 1) and
/// sampled the way a receiver does: wait for a low level, then sample mid-bit at its own rate. In
/// raw mode Linux passes framing-error bytes through as sampled, so they are kept.
/// </summary>
public static class UartLine
{
    public static byte[] Resample(ReadOnlySpan<byte> sent, int senderBaud, int receiverBaud)
    {
        if (senderBaud == receiverBaud || sent.IsEmpty) return sent.ToArray();
        double ts = 1.0 / senderBaud, tr = 1.0 / receiverBaud;
        long totalBits = sent.Length * 10L;
        var bytes = sent.ToArray();
        var result = new List<byte>();
        double t = 0;
        while (true)
        {
            // Find the next low level at or after t (a start bit, or any low data bit).
            long bit = (long)Math.Floor(t / ts);
            while (bit < totalBits && Level(bytes, bit)) bit++;
            if (bit >= totalBits) break;
            double start = Math.Max(t, bit * ts);
            byte value = 0;
            for (int k = 1; k <= 8; k++)
                if (LevelAt(bytes, start + (k + 0.5) * tr, ts, totalBits)) value |= (byte)(1 << (k - 1));
            result.Add(value);
            t = start + 9.5 * tr; // stop-bit sample point; hunt for the next start from here
            if (result.Count > sent.Length * 64) break; // bounded whatever the ratio
        }
        return result.ToArray();
    }

    private static bool LevelAt(byte[] bytes, double time, double ts, long totalBits)
    {
        long bit = (long)Math.Floor(time / ts);
        return bit >= totalBits || Level(bytes, bit);
    }

    /// <summary>Line level of bit <paramref name="index"/> of the frame stream (true = high).</summary>
    private static bool Level(byte[] bytes, long index)
    {
        int frameBit = (int)(index % 10);
        if (frameBit == 0) return false;
        if (frameBit == 9) return true;
        return ((bytes[index / 10] >> (frameBit - 1)) & 1) != 0;
    }
}
