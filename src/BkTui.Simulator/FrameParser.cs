namespace BkTui.Simulator;

/// <summary>One host command as the chip decoded it (protocol.md §3.1).</summary>
internal sealed record Frame(bool Long, byte Opcode, byte[] Payload);

/// <summary>
/// Reassembles host commands from the byte stream: hunts for the <c>01 E0 FC</c> preamble, then a
/// short frame (LL = opcode + payload) or a long one (<c>FF F4</c>, u16 LEN). Garbage between frames
/// (GFT's three trailing zeros after WriteReg, boot-log echoes, line noise) is skipped; a frame that
/// stays incomplete is dropped after <see cref="StaleAfter"/> so a lost byte cannot wedge the chip.
/// </summary>
internal sealed class FrameParser
{
    public const int MaxLongLength = 0x1005 + 16; // FlashWrite4K: opcode + address + 4096, with slack
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMilliseconds(100);
    private readonly byte[] _buf = new byte[16 * 1024];
    private int _count;
    private DateTime _lastByte = DateTime.MinValue;

    public int Pending => _count;

    public void Clear() => _count = 0;

    public void Add(ReadOnlySpan<byte> data)
    {
        _lastByte = DateTime.UtcNow;
        if (data.Length > _buf.Length) data = data[^_buf.Length..];
        if (_count + data.Length > _buf.Length)
        {
            // Flood of garbage: keep the newest bytes.
            int keep = _buf.Length - data.Length;
            Array.Copy(_buf, _count - keep, _buf, 0, keep);
            _count = keep;
        }
        data.CopyTo(_buf.AsSpan(_count));
        _count += data.Length;
    }

    /// <summary>Drops a half-received frame when nothing arrived for a while.</summary>
    public void ExpireStale()
    {
        if (_count > 0 && DateTime.UtcNow - _lastByte > StaleAfter) _count = 0;
    }

    public bool TryTake(out Frame frame)
    {
        frame = null!;
        while (true)
        {
            int p = FindPreamble();
            if (p < 0)
            {
                // Keep a possible partial preamble (01, or 01 E0) at the end.
                int keep = _count >= 2 && _buf[_count - 2] == 0x01 && _buf[_count - 1] == 0xE0 ? 2
                    : _count >= 1 && _buf[_count - 1] == 0x01 ? 1 : 0;
                Consume(_count - keep);
                return false;
            }
            Consume(p);
            if (_count < 4) return false;
            if (_buf[3] == 0xFF)
            {
                if (_count < 5) return false;
                if (_buf[4] != 0xF4) { Consume(1); continue; }
                if (_count < 7) return false;
                int len = _buf[5] | _buf[6] << 8;
                if (len == 0 || len > MaxLongLength) { Consume(1); continue; }
                if (_count < 7 + len) return false;
                frame = new Frame(true, _buf[7], _buf.AsSpan(8, len - 1).ToArray());
                Consume(7 + len);
                return true;
            }
            int ll = _buf[3];
            if (ll == 0) { Consume(1); continue; }
            if (_count < 4 + ll) return false;
            frame = new Frame(false, _buf[4], _buf.AsSpan(5, ll - 1).ToArray());
            Consume(4 + ll);
            return true;
        }
    }

    private int FindPreamble()
    {
        for (int i = 0; i + 2 < _count; i++)
            if (_buf[i] == 0x01 && _buf[i + 1] == 0xE0 && _buf[i + 2] == 0xFC) return i;
        return -1;
    }

    private void Consume(int n)
    {
        if (n <= 0) return;
        Array.Copy(_buf, n, _buf, 0, _count - n);
        _count -= n;
    }
}
