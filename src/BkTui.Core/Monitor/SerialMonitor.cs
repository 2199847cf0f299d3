using System.Text;
using BkTui.Core.Serial;

namespace BkTui.Core.Monitor;

/// <summary>
/// Listens to a device's UART (115200, the boot log rate) and hands over complete lines with the
/// facts recognised in them. Lines are bounded (a device spewing garbage without newlines cannot grow
/// memory); runs on its own thread until cancelled, the link goes away, or it is disposed.
/// </summary>
public sealed class SerialMonitor : IDisposable
{
    public const int BootBaud = 115200;
    public const int MaxLineLength = 512;

    private readonly ISerialLink _link;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly StringBuilder _line = new();

    /// <param name="onLine">Called on the monitor's thread for each line (keep it quick: post to your loop).</param>
    /// <param name="onStopped">Called once when listening ends, with the reason (null when cancelled).</param>
    public SerialMonitor(ISerialLink link, Action<string, IReadOnlyList<BootFact>> onLine, Action<string?>? onStopped = null)
    {
        _link = link;
        if (_link.Baud != BootBaud) _link.SetBaud(BootBaud);
        OnLine = onLine;
        OnStopped = onStopped;
        _thread = new Thread(Listen) { IsBackground = true, Name = $"monitor {link.PortName}" };
    }

    private Action<string, IReadOnlyList<BootFact>> OnLine { get; }
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
    internal void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n' || b == (byte)'\r')
            {
                if (_line.Length > 0) Emit();
                continue;
            }
            // Latin-1 keeps one char per byte; the UI sanitises control characters when drawing.
            _line.Append((char)b);
            if (_line.Length >= MaxLineLength) Emit();
        }
    }

    private void Emit()
    {
        var text = _line.ToString();
        _line.Clear();
        OnLine(text, BootLogRecognizer.Recognise(text));
    }

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
                else if (_line.Length > 0) Emit(); // a prompt without a newline still shows after a pause
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
