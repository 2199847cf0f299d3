using System.Diagnostics;

namespace BkTui.Core.Serial;

/// <summary>
/// open() + flock + TIOCEXCL with the errors turned into advice. Both locks, because flock is
/// advisory and TIOCEXCL does not stop root (platform-notes §1.5).
/// </summary>
internal static class PortOpener
{
    /// <summary>udev applies group permissions (and by-id links) a moment after the node appears.</summary>
    private static readonly TimeSpan HotplugGrace = TimeSpan.FromSeconds(1);

    public static int OpenExclusive(string path)
    {
        int fd = OpenWithHotplugRetry(path);
        if (Native.Flock(fd, Native.LOCK_EX | Native.LOCK_NB) != 0)
        {
            int errno = Native.Errno;
            Native.Close(fd); // close first, so our own fd is not reported as the holder
            if (errno == Native.EAGAIN) throw Busy(path);
            throw new PortUnavailableException(path, $"cannot lock the port: {Native.ErrorText(errno)}.");
        }
        if (Native.Ioctl(fd, Native.TIOCEXCL, 0) != 0)
        {
            int exclErrno = Native.Errno;
            Native.Close(fd);
            if (exclErrno is Native.ENOTTY or Native.EINVAL)
                throw new PortUnavailableException(path, "not a serial device (no tty behind this path). Run `bktui ports` to list serial ports.");
            throw new PortUnavailableException(path, $"cannot take exclusive use: {Native.ErrorText(exclErrno)}.");
        }
        return fd;
    }

    private static int OpenWithHotplugRetry(string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            int fd = Native.Open(path, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK | Native.O_CLOEXEC, 0);
            if (fd >= 0) return fd;
            int errno = Native.Errno;
            if (errno == Native.EINTR) continue;
            if (errno is Native.EACCES or Native.ENOENT && clock.Elapsed < HotplugGrace)
            {
                Thread.Sleep(50);
                continue;
            }
            throw errno == Native.EBUSY ? Busy(path) : Unavailable(path, errno);
        }
    }

    private static PortBusyException Busy(string path)
    {
        var holder = PortHolders.Find(path);
        return new PortBusyException(path, holder?.Pid, holder?.ProcessName, PortAdvice.ForHolder(path, holder?.ProcessName));
    }

    private static PortUnavailableException Unavailable(string path, int errno) => new(path, errno switch
    {
        Native.ENOENT => $"no such port. {PortAdvice.Missing(path)}",
        Native.EACCES or Native.EPERM => $"permission denied. {PortAdvice.Permission()}",
        Native.ENXIO or Native.ENODEV or Native.EIO => "the device behind this path is gone or not ready. Replug the adapter and retry.",
        _ => $"cannot open: {Native.ErrorText(errno)}.",
    });
}
