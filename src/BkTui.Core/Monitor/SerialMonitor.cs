using BkTui.Core.Serial;

namespace BkTui.Core.Monitor;

/// <summary>
/// Listens to a device's UART (115200, the boot log rate) and hands over complete lines with the
/// facts recognised in them (<see cref="LineSplitter"/>); runs on its own thread until cancelled, the
/// link goes away, or it is disposed.
/// </summary>
public sealed class SerialMonitor : IDisposable
{
    public const int BootBaud = 115200;
    public const int MaxLineLength = LineSplitter.MaxLineLength;

    private readonly ISerialLink _link;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly LineSplitter _lines;

    /// <param name="onLine">Called on the monitor's thread for each line (keep it quick: post to your loop).</param>
    /// <param name="onStopped">Called once when listening ends, with the reason (null when cancelled).</param>
    public SerialMonitor(ISerialLink link, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?>? onStopped = null)
    {
        _link = link;
        if (_link.Baud != BootBaud) _link.SetBaud(BootBaud);
        OnStopped = onStopped;
        _lines = new LineSplitter(text => onLine(text, BootLogRecognizer.Recognise(text)));
        _thread = new Thread(Listen) { IsBackground = true, Name = $"monitor {link.PortName}" };
    }

    private Action<string?>? OnStopped { get; }

    public string Port => _link.PortName;

    /// <summary>Opens <paramref name="port"/> at 115200 and starts listening.</summary>
    public static SerialMonitor Open(string port, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?>? onStopped = null)
    {
        var link = SerialPort.Open(port, BootBaud);
        try { return new SerialMonitor(link, onLine, onStopped).Start(); }
        catch { link.Dispose(); throw; }
    }

    public SerialMonitor Start()
    {
        _thread.Start();
        return this;
    }

    /// <summary>Feeds received bytes; complete lines are reported (exposed for tests of the line splitter).</summary>
    internal void Feed(ReadOnlySpan<byte> bytes) => _lines.Feed(bytes);

    private void Listen()
    {
        string? reason = null;
        var buffer = new byte[4096];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int n = _link.Read(buffer, TimeSpan.FromMilliseconds(200), _stop.Token);
                if (n > 0) Feed(buffer.AsSpan(0, n));
                else _lines.Flush();
            }
        }
        catch (OperationCanceledException) { }
        catch (SerialException e) { reason = e.Message; }
        catch (ObjectDisposedException) { }
        OnStopped?.Invoke(reason);
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (_thread.IsAlive && Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(2));
        _link.Dispose();
        _stop.Dispose();
    }
}
