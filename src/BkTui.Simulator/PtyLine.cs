using BkTui.Core.Serial;

namespace BkTui.Simulator;

/// <summary>The chip's end of a real pseudo-terminal: hosts open <see cref="SlavePath"/> like a serial port.</summary>
internal sealed class PtyLine : IChipLine
{
    private readonly PseudoTerminal _pty;
    private readonly object _gate = new();
    private bool _wasOpen;
    private long _opens;
    private volatile bool _closed;

    public PtyLine()
    {
        _pty = PseudoTerminal.Open();
    }

    public string SlavePath => _pty.SlavePath;

    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel)
    {
        if (_closed) { Thread.Sleep(timeout); return 0; }
        return _pty.Read(buffer, timeout, cancel);
    }

    public void Write(ReadOnlySpan<byte> data, CancellationToken cancel)
    {
        if (!_closed) _pty.Write(data, null, cancel);
    }

    public int? HostBaud => _closed ? null : _pty.HostBaud;

    public long OpenCount
    {
        get
        {
            lock (_gate)
            {
                if (_closed) return _opens;
                bool open = _pty.SlaveOpen;
                if (open && !_wasOpen) _opens++;
                _wasOpen = open;
                return _opens;
            }
        }
    }

    public void DiscardInput()
    {
        if (!_closed) _pty.DiscardInput();
    }

    public void Hangup()
    {
        _closed = true;
        _pty.Dispose();
    }

    public bool IsClosed => _closed;

    public void Dispose() => Hangup();
}
