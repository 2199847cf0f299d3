using System.Runtime.InteropServices;

namespace BkTui.Core.Serial;

/// <summary>
/// The chip's end of a real pseudo-terminal: a host opens <see cref="SlavePath"/> like any serial
/// port (SerialPort.Open, pyserial, another flasher) while we read and write the master. Built on
/// posix_openpt/grantpt/unlockpt/ptsname_r, which every glibc has (openpty needs libutil before 2.34).
/// A pty has no pacing, no modem lines and no break: the virtual chip models those itself.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    /// <summary>Default baud a fresh slave carries until a host sets its own.</summary>
    public const int DefaultBaud = 115200;

    private const int NoHostPollMs = 5;
    private readonly TtyFd _master;
    private int _lastBaud = DefaultBaud;

    private PseudoTerminal(TtyFd master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
    }

    /// <summary>The master fd; termios ioctls on it reach the slave (tests inspect the host's settings this way).</summary>
    internal int MasterFd => _master.Fd;

    /// <summary>The /dev/pts/N path a host opens.</summary>
    public string SlavePath { get; }

    public static PseudoTerminal Open()
    {
        int fd = Native.PosixOpenPt(Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK | Native.O_CLOEXEC);
        if (fd < 0) throw new IOException($"posix_openpt failed: {Native.ErrorText(Native.Errno)}");
        var master = new TtyFd(fd);
        try
        {
            if (Native.GrantPt(fd) != 0) throw new IOException($"grantpt failed: {Native.ErrorText(Native.Errno)}");
            if (Native.UnlockPt(fd) != 0) throw new IOException($"unlockpt failed: {Native.ErrorText(Native.Errno)}");
            byte* name = stackalloc byte[128];
            int rc = Native.PtsNameR(fd, name, 128);
            if (rc != 0) throw new IOException($"ptsname_r failed: {Native.ErrorText(rc)}");
            var pty = new PseudoTerminal(master, Marshal.PtrToStringUTF8((nint)name)!);
            // On a pty master, termios ioctls act on the linked slave (the kernel redirects them), so
            // this makes the slave raw: a host that never configures it still gets no echo/CRLF games.
            var t = TtySettings.Get(fd);
            TtySettings.MakeRaw(ref t);
            TtySettings.SetSpeed(ref t, DefaultBaud);
            TtySettings.Set(fd, t);
            // Until a slave has been opened and closed once, the master shows no hang-up and
            // accepts writes nobody will read. One open/close puts it in the "no host" state.
            int slave = Native.Open(pty.SlavePath, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK | Native.O_CLOEXEC, 0);
            if (slave < 0) throw new IOException($"cannot open {pty.SlavePath}: {Native.ErrorText(Native.Errno)}");
            Native.Close(slave);
            return pty;
        }
        catch
        {
            master.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The baud the host set on its end, read through the master (TCGETS2 on a master reports the
    /// slave's termios). Keeps the last good value if the kernel will not tell.
    /// </summary>
    public int HostBaud
    {
        get
        {
            Termios2 t;
            if (Native.Ioctl(_master.Fd, Native.TCGETS2, &t) == 0 && t.OSpeed > 0) _lastBaud = (int)t.OSpeed;
            return _lastBaud;
        }
    }

    /// <summary>True while some process has the slave open (the master shows no hang-up).</summary>
    public bool SlaveOpen => _master.Wait(0, Deadline.After(TimeSpan.Zero), default) != TtyStatus.HungUp;

    /// <summary>Waits until a host opens the slave. False on timeout.</summary>
    public bool WaitForSlave(TimeSpan timeout, CancellationToken cancel = default)
    {
        var deadline = Deadline.After(timeout);
        while (!SlaveOpen)
        {
            if (deadline.Expired) return false;
            Pause(deadline, cancel);
        }
        return true;
    }

    /// <summary>
    /// Reads what the host sent, waiting up to <paramref name="timeout"/> for the first byte.
    /// Returns 0 on timeout, including while no host has the slave open (a chip on an unplugged
    /// cable just hears nothing). Throws OperationCanceledException when <paramref name="cancel"/> fires.
    /// </summary>
    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default)
    {
        var deadline = Deadline.After(timeout);
        while (true)
        {
            var status = _master.Read(buffer, deadline, cancel, out int n);
            if (status != TtyStatus.HungUp) return n;
            if (deadline.Expired) return 0;
            Pause(deadline, cancel); // no host: poll reports POLLHUP at once, so don't spin
        }
    }

    /// <summary>
    /// Sends bytes to the host. Returns how many were delivered: fewer than asked when no host has
    /// the slave open or it stops reading for longer than <paramref name="timeout"/> (default 5 s);
    /// like a real wire, the rest is lost.
    /// </summary>
    public int Write(ReadOnlySpan<byte> data, TimeSpan? timeout = null, CancellationToken cancel = default)
    {
        if (!SlaveOpen) return 0;
        _master.Write(data, Deadline.After(timeout ?? TimeSpan.FromSeconds(5)), cancel, out int written);
        return written;
    }

    /// <summary>Drops what the host sent and we have not read yet.</summary>
    public void DiscardInput() => Native.TcFlush(_master.Fd, Native.TCIFLUSH);

    private void Pause(Deadline deadline, CancellationToken cancel)
    {
        int left = deadline.RemainingMs();
        _master.Sleep(left < 0 ? NoHostPollMs : Math.Min(left, NoHostPollMs), cancel);
    }

    public void Dispose() => _master.Dispose();
}
