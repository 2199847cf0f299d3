using System.Diagnostics;

namespace BkTui.Core.Serial;

/// <summary>What one wait-and-transfer step on a tty ended with.</summary>
internal enum TtyStatus { Done, TimedOut, HungUp }

/// <summary>
/// One non-blocking tty fd plus an eventfd in the same poll set, so a CancellationToken (or
/// Dispose) wakes a thread blocked in poll. Reports hang-ups; the owner decides what they mean
/// (a gone adapter for a serial port, "no host attached yet" for a pty master).
/// </summary>
internal sealed unsafe class TtyFd : IDisposable
{
    private readonly int _wakeFd;
    private int _fd;

    public TtyFd(int fd)
    {
        _wakeFd = Native.EventFd(0, Native.EFD_CLOEXEC | Native.EFD_NONBLOCK);
        if (_wakeFd < 0)
        {
            int errno = Native.Errno;
            Native.Close(fd);
            throw new IOException($"eventfd failed: {Native.ErrorText(errno)}");
        }
        _fd = fd;
    }

    public int Fd => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(TtyFd));

    /// <summary>Reads what is there, waiting until <paramref name="deadline"/> for the first byte.</summary>
    public TtyStatus Read(Span<byte> buffer, Deadline deadline, CancellationToken cancel, out int count)
    {
        count = 0;
        if (buffer.IsEmpty) return TtyStatus.Done;
        while (true)
        {
            var waited = Wait(Native.POLLIN, deadline, cancel);
            if (waited != TtyStatus.Done && waited != TtyStatus.HungUp) return waited;
            // On hang-up still try read(): queued bytes come out first, then 0 or EIO.
            nint n;
            fixed (byte* p = buffer) n = Native.Read(Fd, p, (nuint)buffer.Length);
            if (n > 0) { count = (int)n; return TtyStatus.Done; }
            if (n == 0) return TtyStatus.HungUp;
            int errno = Native.Errno;
            if (errno is Native.EAGAIN or Native.EINTR)
            {
                if (waited == TtyStatus.HungUp) return TtyStatus.HungUp;
                continue;
            }
            if (errno is Native.EIO or Native.ENXIO or Native.ENODEV) return TtyStatus.HungUp;
            throw new IOException($"read failed: {Native.ErrorText(errno)}");
        }
    }

    /// <summary>Writes until every byte is taken, the deadline passes or the other side hangs up.</summary>
    public TtyStatus Write(ReadOnlySpan<byte> data, Deadline deadline, CancellationToken cancel, out int written)
    {
        written = 0;
        while (written < data.Length)
        {
            nint n;
            fixed (byte* p = data) n = Native.Write(Fd, p + written, (nuint)(data.Length - written));
            if (n > 0) { written += (int)n; continue; }
            int errno = n < 0 ? Native.Errno : Native.EAGAIN;
            if (errno is Native.EIO or Native.ENXIO or Native.ENODEV) return TtyStatus.HungUp;
            if (errno is not (Native.EAGAIN or Native.EINTR))
                throw new IOException($"write failed: {Native.ErrorText(errno)}");
            var waited = Wait(Native.POLLOUT, deadline, cancel);
            if (waited != TtyStatus.Done) return waited;
        }
        return TtyStatus.Done;
    }

    /// <summary>poll() on the fd and the wake-up eventfd. HungUp on POLLHUP/POLLERR/POLLNVAL.</summary>
    public TtyStatus Wait(short events, Deadline deadline, CancellationToken cancel)
    {
        using var registration = cancel.CanBeCanceled ? cancel.UnsafeRegister(static s => ((TtyFd)s!).Wake(), this) : default;
        var fds = stackalloc PollFd[2];
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            fds[0] = new PollFd { Fd = Fd, Events = events };
            fds[1] = new PollFd { Fd = _wakeFd, Events = Native.POLLIN };
            int r = Native.Poll(fds, 2, deadline.RemainingMs());
            if (r < 0)
            {
                int errno = Native.Errno;
                if (errno == Native.EINTR) continue;
                throw new IOException($"poll failed: {Native.ErrorText(errno)}");
            }
            if ((fds[1].Revents & Native.POLLIN) != 0)
            {
                if (_fd < 0) throw new ObjectDisposedException(nameof(TtyFd)); // disposed: its fds are going away
                DrainWake();
                cancel.ThrowIfCancellationRequested();
            }
            short rev = fds[0].Revents;
            if ((rev & (Native.POLLHUP | Native.POLLERR | Native.POLLNVAL)) != 0) return TtyStatus.HungUp;
            if ((rev & events) != 0) return TtyStatus.Done;
            if (r == 0 && deadline.Expired) return TtyStatus.TimedOut;
        }
    }

    /// <summary>Sleeps up to <paramref name="ms"/> milliseconds; returns early (throwing) when <paramref name="cancel"/> fires.</summary>
    public void Sleep(int ms, CancellationToken cancel)
    {
        using var registration = cancel.CanBeCanceled ? cancel.UnsafeRegister(static s => ((TtyFd)s!).Wake(), this) : default;
        cancel.ThrowIfCancellationRequested();
        var wake = new PollFd { Fd = _wakeFd, Events = Native.POLLIN };
        if (Native.Poll(&wake, 1, ms) > 0 && _fd >= 0) DrainWake();
        cancel.ThrowIfCancellationRequested();
        if (_fd < 0) throw new ObjectDisposedException(nameof(TtyFd));
    }

    /// <summary>Wakes any thread blocked in <see cref="Wait"/> (it then re-checks its token).</summary>
    public void Wake()
    {
        ulong one = 1;
        Native.Write(_wakeFd, (byte*)&one, 8);
    }

    private void DrainWake()
    {
        ulong value;
        Native.Read(_wakeFd, (byte*)&value, 8);
    }

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd < 0) return;
        // close() does not wake a thread sleeping in poll(); the eventfd does, and it then sees _fd < 0.
        Wake();
        Native.Close(fd);
        Native.Close(_wakeFd);
    }
}

/// <summary>A monotonic deadline; <see cref="Infinite"/> never expires.</summary>
internal readonly struct Deadline
{
    private readonly long _at; // Stopwatch ticks; long.MaxValue = never

    private Deadline(long at) => _at = at;

    public static Deadline Infinite => new(long.MaxValue);

    public static Deadline After(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan || timeout == TimeSpan.MaxValue) return Infinite;
        if (timeout < TimeSpan.Zero) timeout = TimeSpan.Zero;
        double ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        long now = Stopwatch.GetTimestamp();
        return ticks >= long.MaxValue - now ? Infinite : new Deadline(now + (long)ticks);
    }

    public bool Expired => _at != long.MaxValue && Stopwatch.GetTimestamp() >= _at;

    /// <summary>Milliseconds left for poll(): -1 for never, rounded up so we never wake early.</summary>
    public int RemainingMs()
    {
        if (_at == long.MaxValue) return -1;
        long left = _at - Stopwatch.GetTimestamp();
        if (left <= 0) return 0;
        double ms = Math.Ceiling(left * 1000.0 / Stopwatch.Frequency);
        return ms > int.MaxValue ? int.MaxValue : (int)ms;
    }
}
