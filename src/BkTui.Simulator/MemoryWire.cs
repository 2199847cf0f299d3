using BkTui.Core.Serial;

namespace BkTui.Simulator;

/// <summary>
/// An in-memory wire for unit tests: <see cref="Chip"/> is the chip's end, <see cref="Host"/> an
/// <see cref="ISerialLink"/> a protocol layer can drive. The host's baud is visible to the chip, so
/// a baud mismatch garbles bytes exactly as it does over the pty.
/// </summary>
public sealed class MemoryWire : IDisposable
{
    private readonly ByteQueue _toChip = new();
    private readonly ByteQueue _toHost = new();
    private volatile bool _closed;
    private long _opens = 1;

    private readonly bool _reportsBaud;

    /// <param name="reportsHostBaud">False: the chip cannot see the host's baud and assumes it matches (no garbling).</param>
    public MemoryWire(string portName = "mem0", int hostBaud = 115200, bool reportsHostBaud = true)
    {
        _reportsBaud = reportsHostBaud;
        Chip = new ChipEnd(this);
        Host = new HostEnd(this, portName, hostBaud);
    }

    public IChipLine Chip { get; }
    public HostEnd Host { get; }

    /// <summary>Simulates the host re-opening the port (a DTR pulse on real adapters).</summary>
    public void Reopen()
    {
        _toHost.Clear();
        Interlocked.Increment(ref _opens);
    }

    public void Dispose()
    {
        _closed = true;
        _toChip.Close();
        _toHost.Close();
    }

    private sealed class ChipEnd(MemoryWire w) : IChipLine
    {
        public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel) =>
            w._closed ? 0 : w._toChip.Read(buffer, timeout, cancel);

        public void Write(ReadOnlySpan<byte> data, CancellationToken cancel)
        {
            if (!w._closed) w._toHost.Write(data);
        }

        public int? HostBaud => w._reportsBaud ? w.Host.Baud : null;
        public long OpenCount => Interlocked.Read(ref w._opens);
        public void DiscardInput() => w._toChip.Clear();
        public void Hangup() => w.Dispose();
        public bool IsClosed => w._closed;
        public void Dispose() { }
    }

    /// <summary>The host's end: what a flasher under test talks to.</summary>
    public sealed class HostEnd(MemoryWire w, string portName, int baud) : ISerialLink
    {
        private volatile int _baud = baud;

        public string PortName { get; } = portName;
        public int Baud => _baud;
        public void SetBaud(int value) => _baud = value;

        public void Write(ReadOnlySpan<byte> data)
        {
            if (w._closed) throw new DeviceGoneException(PortName, "the virtual chip hung up");
            w._toChip.Write(data);
        }

        public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default)
        {
            int n = w._toHost.Read(buffer, timeout, cancel);
            if (n == 0 && w._closed) throw new DeviceGoneException(PortName, "the virtual chip hung up");
            return n;
        }

        public void DiscardInput() => w._toHost.Clear();
        public void DrainOutput() { }
        public bool SetModemLines(bool dtr, bool rts) => false;
        public void Dispose() { }
    }
}

/// <summary>A blocking byte FIFO (unbounded; test traffic is small).</summary>
internal sealed class ByteQueue
{
    private readonly Queue<byte> _q = new();
    private bool _closed;

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_q)
        {
            foreach (var b in data) _q.Enqueue(b);
            Monitor.PulseAll(_q);
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel)
    {
        var end = DateTime.UtcNow + (timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout);
        lock (_q)
        {
            while (_q.Count == 0 && !_closed)
            {
                cancel.ThrowIfCancellationRequested();
                var left = end - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return 0;
                Monitor.Wait(_q, left < TimeSpan.FromMilliseconds(20) ? left : TimeSpan.FromMilliseconds(20));
            }
            int n = 0;
            while (n < buffer.Length && _q.Count > 0) buffer[n++] = _q.Dequeue();
            return n;
        }
    }

    public void Clear() { lock (_q) _q.Clear(); }

    public void Close() { lock (_q) { _closed = true; Monitor.PulseAll(_q); } }
}
