using BkTui.Core.Serial;

namespace BkTui.Tests.Protocol;

/// <summary>A link that hands out pre-scripted chunks, one per Read, and records what was written.</summary>
internal sealed class ScriptedLink(params byte[][] chunks) : ISerialLink
{
    private Queue<byte[]> _chunks = new(chunks);
    public List<byte> Written { get; } = [];
    public string PortName => "scripted0";
    public int Baud { get; private set; } = 115200;
    public void SetBaud(int baud) => Baud = baud;
    public void Write(ReadOnlySpan<byte> data) => Written.AddRange(data.ToArray());

    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default)
    {
        if (_chunks.Count == 0) { Thread.Sleep(TimeSpan.FromTicks(Math.Min(timeout.Ticks, TimeSpan.TicksPerMillisecond))); return 0; }
        var c = _chunks.Peek();
        var n = Math.Min(c.Length, buffer.Length);
        c.AsSpan(0, n).CopyTo(buffer);
        _chunks.Dequeue();
        if (n < c.Length) _chunks = new Queue<byte[]>(new[] { c[n..] }.Concat(_chunks));
        return n;
    }

    public void DiscardInput() { }
    public void DrainOutput() { }
    public bool SetModemLines(bool dtr, bool rts) => false;
    public void Dispose() { }
}
