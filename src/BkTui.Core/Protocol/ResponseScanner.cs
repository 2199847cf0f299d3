using System.Buffers.Binary;
using BkTui.Core.Serial;

namespace BkTui.Core.Protocol;

/// <summary>
/// Resynchronising reader of chip replies (the BKT strategy, protocol.md §3.4): scans for
/// <c>04 0E</c>, checks the frame family, the <c>01 E0 FC</c> marker, the code and the length,
/// and skips anything that does not fit — boot-log text, stale replies, half frames. Keeps
/// unread bytes between calls so a reply split across reads or deadlines is not lost.
/// </summary>
public sealed class ResponseScanner(ISerialLink link)
{
    private const int MaxFrame = 9 + ushort.MaxValue;
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    private int Count => _end - _start;

    /// <summary>Bytes skipped as garbage since creation (diagnostics).</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Frames skipped because they failed <see cref="ResponseSpec.Accept"/> (stale or corrupt echoes).</summary>
    public int RejectedFrames { get; private set; }

    /// <summary>Forgets buffered bytes (before a new command, together with <see cref="ISerialLink.DiscardInput"/>).</summary>
    public void Clear()
    {
        SkippedBytes += Count;
        _start = _end = 0;
    }

    /// <summary>Waits for a frame matching <paramref name="spec"/>; throws <see cref="ProtocolException"/> (Timeout) at the deadline.</summary>
    public Response Receive(ResponseSpec spec, TimeSpan timeout, CancellationToken cancel = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var r = TryParse(spec, out var needMore);
            if (r is not null) return r;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new ProtocolException(ProtocolFailure.Timeout,
                    $"no valid reply to command 0x{spec.Code:X2} within {timeout.TotalMilliseconds:0} ms" +
                    (RejectedFrames > 0 ? $" ({RejectedFrames} mismatching frame(s) skipped so far)" : ""));
            Fill(Math.Max(needMore, 1), left, cancel);
        }
    }

    /// <summary>Reads and drops input until the line is quiet for <paramref name="quiet"/> (bounded by <paramref name="max"/>).</summary>
    public void Drain(TimeSpan quiet, TimeSpan max, CancellationToken cancel = default)
    {
        var until = DateTime.UtcNow + max;
        Span<byte> scratch = stackalloc byte[512];
        while (DateTime.UtcNow < until)
        {
            var n = link.Read(scratch, quiet, cancel);
            if (n == 0) break;
            SkippedBytes += n;
        }
        Clear();
    }

    private void Fill(int atLeast, TimeSpan timeout, CancellationToken cancel)
    {
        if (_start > 0 && (_buffer.Length - _end < atLeast || _start > _buffer.Length / 2))
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, Count);
            _end -= _start;
            _start = 0;
        }
        if (_buffer.Length - _end < atLeast)
            Array.Resize(ref _buffer, Math.Min(MaxFrame * 2, Math.Max(_buffer.Length * 2, _end + atLeast)));
        var n = link.Read(_buffer.AsSpan(_end), timeout, cancel);
        _end += n;
    }

    /// <summary>Finds the next acceptable frame in the buffer, consuming garbage; null when more bytes are needed.</summary>
    private Response? TryParse(ResponseSpec spec, out int needMore)
    {
        while (true)
        {
            needMore = 1;
            var span = _buffer.AsSpan(_start, Count);
            var at = span.IndexOf((ReadOnlySpan<byte>)[0x04, 0x0E]);
            if (at < 0)
            {
                // Keep a trailing 0x04: it may be the first half of the next header.
                var keep = Count > 0 && span[^1] == 0x04 ? 1 : 0;
                Skip(Count - keep);
                return null;
            }
            Skip(at);
            span = _buffer.AsSpan(_start, Count);
            var header = spec.IsLong ? 11 : 7;
            if (span.Length < header) { needMore = header - span.Length; return null; }

            var isLong = span[2] == 0xFF;
            if (isLong != spec.IsLong || span[3] != 0x01 || span[4] != 0xE0 || span[5] != 0xFC) { Skip(1); continue; }

            int total, payloadStart;
            byte code, status = 0;
            if (isLong)
            {
                if (span[6] != 0xF4) { Skip(1); continue; }
                int len = BinaryPrimitives.ReadUInt16LittleEndian(span[7..]);
                code = span[9];
                status = span[10];
                var payloadLen = len - 2;
                // A non-zero status may come with a shorter payload; it is still this command's answer.
                var tooShort = payloadLen < spec.MinPayload && status == 0;
                if (code != spec.Code || len < 2 || tooShort || payloadLen > spec.MaxPayload) { Skip(1); continue; }
                total = 9 + len;
                payloadStart = 11;
                if (span.Length < total) { needMore = total - span.Length; return null; }
            }
            else
            {
                int ll = span[2];
                code = span[6];
                var payloadLen = ll - 4;
                if (code != spec.Code || payloadLen < spec.MinPayload || payloadLen > spec.MaxPayload) { Skip(1); continue; }
                total = 3 + ll;
                payloadStart = 7;
                if (span.Length < total) { needMore = total - span.Length; return null; }
            }

            var response = new Response(isLong, code, status, span[payloadStart..total].ToArray());
            if (spec.Accept is not null && status == 0 && !spec.Accept(response))
            {
                RejectedFrames++;
                Skip(1);
                continue;
            }
            _start += total;
            return response;
        }
    }

    private void Skip(int n)
    {
        SkippedBytes += n;
        _start += n;
        if (_start == _end) _start = _end = 0;
    }
}
