using System.Threading.Channels;

namespace BkTui.Terminal.Input;

/// <summary>
/// Console.ReadKey on a background thread (Ctrl+C delivered as a key). Requires a tty on stdin:
/// ReadKey throws when input is redirected, so the TUI checks isatty first.
/// </summary>
public sealed class ConsoleInputSource : IInputSource, IDisposable
{
    private readonly Channel<ConsoleKeyInfo> _keys = Channel.CreateBounded<ConsoleKeyInfo>(new BoundedChannelOptions(1024) { SingleReader = true });
    private readonly Thread _thread;
    private volatile bool _stopped;

    public ConsoleInputSource()
    {
        // Initialise the console (terminal settings, output writer, stdin reader) on this thread
        // before the reader thread starts: lazy initialisation racing between a blocked ReadKey
        // and the UI thread's first console use occasionally hung start-up until a key was pressed.
        Console.TreatControlCAsInput = true;
        _ = Console.Out;
        _ = Console.KeyAvailable;
        _thread = new Thread(Pump) { IsBackground = true, Name = "bktui-keys" };
        _thread.Start();
    }

    public bool TryRead(TimeSpan timeout, CancellationToken ct, out ConsoleKeyInfo key)
    {
        if (_keys.Reader.TryRead(out key)) return true;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout != Timeout.InfiniteTimeSpan) cts.CancelAfter(timeout);
        try
        {
            if (!_keys.Reader.WaitToReadAsync(cts.Token).AsTask().GetAwaiter().GetResult())
                throw new EndOfStreamException("the terminal input closed");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
        return _keys.Reader.TryRead(out key);
    }

    private void Pump()
    {
        try
        {
            while (!_stopped)
            {
                var k = Console.ReadKey(intercept: true);
                _keys.Writer.TryWrite(k);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            _keys.Writer.TryComplete(e);
        }
    }

    public void Dispose() => _stopped = true;
}
