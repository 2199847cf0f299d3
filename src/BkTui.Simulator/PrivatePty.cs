using System.Runtime.InteropServices;

namespace BkTui.Simulator;

// TEMPORARY: a minimal pty master until BkTui.Core.Serial.PseudoTerminal lands in main; then this
// file is deleted and PtyLine wraps that class instead (same members).
internal sealed unsafe partial class PrivatePty : IDisposable
{
    private const int O_RDWR = 2, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    private const short POLLIN = 1, POLLOUT = 4, POLLHUP = 0x10, POLLERR = 8;
    private const nuint TCGETS2 = 0x802C542A, TCSETS2 = 0x402C542B;
    private const int EAGAIN = 11, EINTR = 4;
    private int _fd;
    private int _lastBaud = 115200;

    [StructLayout(LayoutKind.Sequential)]
    private struct Termios2
    {
        public uint IFlag, OFlag, CFlag, LFlag;
        public byte Line;
        public fixed byte Cc[19];
        public uint ISpeed, OSpeed;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd { public int Fd; public short Events; public short Revents; }

    [LibraryImport("libc", SetLastError = true)] private static partial int posix_openpt(int flags);
    [LibraryImport("libc", SetLastError = true)] private static partial int grantpt(int fd);
    [LibraryImport("libc", SetLastError = true)] private static partial int unlockpt(int fd);
    [LibraryImport("libc", SetLastError = true)] private static partial int ptsname_r(int fd, byte* buf, nuint len);
    [LibraryImport("libc", SetLastError = true)] private static partial int close(int fd);
    [LibraryImport("libc", SetLastError = true)] private static partial nint read(int fd, byte* buf, nuint n);
    [LibraryImport("libc", SetLastError = true)] private static partial nint write(int fd, byte* buf, nuint n);
    [LibraryImport("libc", SetLastError = true)] private static partial int poll(PollFd* fds, nuint n, int ms);
    [LibraryImport("libc", SetLastError = true)] private static partial int ioctl(int fd, nuint req, void* arg);
    [LibraryImport("libc", SetLastError = true)] private static partial int tcflush(int fd, int queue);

    private PrivatePty(int fd, string slave) { _fd = fd; SlavePath = slave; }

    public string SlavePath { get; }

    public static PrivatePty Open()
    {
        int fd = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) throw new IOException($"posix_openpt failed (errno {Marshal.GetLastPInvokeError()})");
        byte* name = stackalloc byte[128];
        if (grantpt(fd) != 0 || unlockpt(fd) != 0 || ptsname_r(fd, name, 128) != 0)
        {
            close(fd);
            throw new IOException("could not set up the pty slave");
        }
        var pty = new PrivatePty(fd, Marshal.PtrToStringUTF8((nint)name)!);
        Termios2 t;
        if (ioctl(fd, TCGETS2, &t) == 0)
        {
            t.IFlag = 0; t.OFlag = 0; t.LFlag = 0;
            t.CFlag = (t.CFlag & ~(0x100Fu | 0x100F0000u | 0x30u | 0x100u | 0x40u | 0x400u)) | 0x30 | 0x80 | 0x800 | 0x1000 | 0x1000u << 16;
            t.ISpeed = t.OSpeed = 115200;
            t.Cc[6] = 1; t.Cc[5] = 0;
            ioctl(fd, TCSETS2, &t);
        }
        return pty;
    }

    public int HostBaud
    {
        get
        {
            Termios2 t;
            if (ioctl(_fd, TCGETS2, &t) == 0 && t.OSpeed > 0) _lastBaud = (int)t.OSpeed;
            return _lastBaud;
        }
    }

    public bool SlaveOpen
    {
        get
        {
            var p = new PollFd { Fd = _fd, Events = 0 };
            return poll(&p, 1, 0) >= 0 && (p.Revents & POLLHUP) == 0;
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel)
    {
        var end = DateTime.UtcNow + timeout;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            int left = (int)Math.Max(0, Math.Ceiling((end - DateTime.UtcNow).TotalMilliseconds));
            var p = new PollFd { Fd = _fd, Events = POLLIN };
            int r = poll(&p, 1, Math.Min(left, 20));
            if (r > 0 && (p.Revents & POLLIN) != 0)
            {
                nint n;
                fixed (byte* b = buffer) n = read(_fd, b, (nuint)buffer.Length);
                if (n > 0) return (int)n;
            }
            else if (r > 0 && (p.Revents & (POLLHUP | POLLERR)) != 0 && left > 0)
                Thread.Sleep(Math.Min(left, 5)); // no host: poll says HUP at once, don't spin
            if (DateTime.UtcNow >= end) return 0;
        }
    }

    public int Write(ReadOnlySpan<byte> data, CancellationToken cancel)
    {
        if (!SlaveOpen) return 0;
        int done = 0;
        var end = DateTime.UtcNow.AddSeconds(5);
        while (done < data.Length && DateTime.UtcNow < end)
        {
            cancel.ThrowIfCancellationRequested();
            nint n;
            fixed (byte* b = data) n = write(_fd, b + done, (nuint)(data.Length - done));
            if (n > 0) { done += (int)n; continue; }
            int errno = Marshal.GetLastPInvokeError();
            if (n < 0 && errno != EAGAIN && errno != EINTR) break;
            var p = new PollFd { Fd = _fd, Events = POLLOUT };
            poll(&p, 1, 10);
        }
        return done;
    }

    public void DiscardInput() => tcflush(_fd, 0);

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) close(fd);
    }
}
