namespace BkTui.Core.Serial;

/// <summary>
/// A Linux serial port (or pty slave) through termios2: raw 8N1 at any baud, exclusive (flock and
/// TIOCEXCL), non-blocking I/O with poll deadlines and cancellation, hang-up reported as
/// <see cref="DeviceGoneException"/>.
/// </summary>
public sealed unsafe class SerialPort : ISerialLink
{
    /// <summary>Upper bound for one Write call; a healthy adapter drains far faster.</summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    private readonly TtyFd _tty;
    private int? _latencyToRestore;

    private SerialPort(string portName, TtyFd tty, int baud, bool hasModemLines)
    {
        PortName = portName;
        _tty = tty;
        Baud = baud;
        HasModemLines = hasModemLines;
    }

    public string PortName { get; }

    /// <summary>The open descriptor, for tests that look at the driver's own state.</summary>
    internal int Fd => _tty.Fd;

    public int Baud { get; private set; }

    /// <summary>The adapter's USB latency timer in ms while we hold it (FTDI only; null elsewhere). Above 1, short replies wait for it.</summary>
    public int? LatencyTimerMs { get; private set; }

    /// <summary>False on a pty (no DTR/RTS there); known after open.</summary>
    public bool HasModemLines { get; private set; }

    /// <summary>
    /// Opens, locks and configures a port. Throws <see cref="PortBusyException"/> (naming the holder
    /// pid when it can be found) or <see cref="PortUnavailableException"/> (with advice).
    /// </summary>
    public static SerialPort Open(string path, int baud = 115200)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (baud <= 0) throw new ArgumentOutOfRangeException(nameof(baud), baud, "baud must be positive");
        int fd = PortOpener.OpenExclusive(path);
        var tty = new TtyFd(fd);
        try
        {
            var t = TtySettings.Get(fd);
            TtySettings.MakeRaw(ref t);
            TtySettings.SetSpeed(ref t, baud);
            TtySettings.Set(fd, t);
            int actual = (int)TtySettings.Get(fd).OSpeed;
            var port = new SerialPort(path, tty, actual, hasModemLines: true);
            // The kernel asserted DTR and RTS on open (it always does). Release both in one TIOCMSET:
            // a line wired to CEN must not hold the chip in reset, and the flasher pulses it on purpose.
            port.HasModemLines = port.SetModemLines(false, false);
            Native.TcFlush(fd, Native.TCIFLUSH); // whatever arrived before we owned the port is stale
            port._latencyToRestore = LatencyTimer.Lower(path);
            port.LatencyTimerMs = port._latencyToRestore is null ? LatencyTimer.Read(path) : LatencyTimer.FastMs;
            return port;
        }
        catch (IOException e) when (e is not SerialException)
        {
            tty.Dispose();
            throw new PortUnavailableException(path, $"cannot configure the port ({e.Message}). Is it a serial device?");
        }
        catch
        {
            tty.Dispose();
            throw;
        }
    }

    public void SetBaud(int baud)
    {
        try { Baud = TtySettings.ApplySpeed(_tty.Fd, baud); }
        catch (IOException e) when (e is not SerialException) { throw Gone(e.HResult, "setting the baud rate"); }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default)
    {
        var status = _tty.Read(buffer, Deadline.After(timeout), cancel, out int n);
        if (status == TtyStatus.HungUp) throw new DeviceGoneException(PortName, "hang-up while reading");
        return n;
    }

    public void Write(ReadOnlySpan<byte> data) => Write(data, WriteTimeout);

    /// <summary>Writes every byte within <paramref name="timeout"/> or throws (TimeoutException names the port).</summary>
    public void Write(ReadOnlySpan<byte> data, TimeSpan timeout, CancellationToken cancel = default)
    {
        var status = _tty.Write(data, Deadline.After(timeout), cancel, out int written);
        if (status == TtyStatus.HungUp) throw new DeviceGoneException(PortName, "hang-up while writing");
        if (status == TtyStatus.TimedOut)
            throw new SerialException(PortName,
                $"{PortName}: only {written} of {data.Length} bytes left in {timeout.TotalSeconds:0.#} s. The adapter is stuck (flow control?); unplug it and retry.",
                new TimeoutException());
    }

    public void DiscardInput()
    {
        if (Native.TcFlush(_tty.Fd, Native.TCIFLUSH) != 0) throw Gone(Native.Errno, "discarding input");
    }

    public void DrainOutput()
    {
        while (Native.TcDrain(_tty.Fd) != 0)
        {
            int errno = Native.Errno;
            if (errno != Native.EINTR) throw Gone(errno, "draining output");
        }
    }

    public bool SetModemLines(bool dtr, bool rts)
    {
        int lines;
        if (Native.Ioctl(_tty.Fd, Native.TIOCMGET, &lines) != 0)
        {
            int errno = Native.Errno;
            if (errno is Native.ENOTTY or Native.EINVAL) return false;
            throw Gone(errno, "reading modem lines");
        }
        lines = dtr ? lines | Native.TIOCM_DTR : lines & ~Native.TIOCM_DTR;
        lines = rts ? lines | Native.TIOCM_RTS : lines & ~Native.TIOCM_RTS;
        if (Native.Ioctl(_tty.Fd, Native.TIOCMSET, &lines) != 0)
        {
            int errno = Native.Errno;
            if (errno is Native.ENOTTY or Native.EINVAL) return false;
            throw Gone(errno, "setting modem lines");
        }
        return true;
    }

    /// <summary>EIO on a tty means it was hung up (unplugged); anything else is reported as-is.</summary>
    private SerialException Gone(int errno, string doing) => errno is Native.EIO or Native.ENXIO or Native.ENODEV
        ? new DeviceGoneException(PortName, $"{Native.ErrorText(errno)} while {doing}")
        : new SerialException(PortName, $"{PortName}: {doing} failed: {Native.ErrorText(errno)}");

    public void Dispose()
    {
        // The kernel drops TIOCEXCL only at the last close: when something else also has the port open
        // (a console on ttyS0, a second tool), hand it back non-exclusive. flock goes with our fd.
        try { _ = Native.Ioctl(_tty.Fd, Native.TIOCNXCL, 0); }
        catch (ObjectDisposedException) { return; }
        _tty.Dispose(); // HUPCL is off: the modem lines stay as they are
        if (_latencyToRestore is { } ms) LatencyTimer.Restore(PortName, ms);
    }
}
