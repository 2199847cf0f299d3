using System.Runtime.InteropServices;

namespace BkTui.Core.Archive;

/// <summary>
/// Advisory lock on <c>archive.lock</c>. Importers hold it shared from the first blob write until their
/// row commits; cleaning orphan blobs needs it exclusive, so it can never delete a pack an import is
/// about to reference. The kernel drops it when a process dies, so a kill -9 leaves no stale lock.
/// (Raw descriptor rather than FileStream: .NET takes its own non-blocking flock on open.)
/// </summary>
internal sealed partial class ArchiveLock : IDisposable
{
    private int _fd;

    private ArchiveLock(int fd) => _fd = fd;

    /// <summary>Shared lock, waiting (bounded) while a cleaner holds it exclusively.</summary>
    public static ArchiveLock Shared(string path, TimeSpan wait) => Acquire(path, LOCK_SH, wait)
        ?? throw new ArchiveException(ArchiveProblem.Busy,
            $"Archive lock {path} is held by `dumps check --clean` for more than {wait.TotalSeconds:0} s. Wait for it to finish and retry.");

    /// <summary>Exclusive lock without waiting; null when an import is in progress.</summary>
    public static ArchiveLock? TryExclusive(string path) => Acquire(path, LOCK_EX, TimeSpan.Zero);

    private static ArchiveLock? Acquire(string path, int op, TimeSpan wait)
    {
        if (OperatingSystem.IsWindows()) return new ArchiveLock(-1);
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0x180 /* 0600 */);
        if (fd < 0) throw Errno($"open {path}");
        var deadline = DateTime.UtcNow + wait;
        for (int attempt = 0; ; attempt++)
        {
            if (flock(fd, op | LOCK_NB) == 0) return new ArchiveLock(fd);
            int errno = Marshal.GetLastPInvokeError();
            if (errno != EWOULDBLOCK && errno != EINTR) { close(fd); throw Errno($"flock {path}", errno); }
            if (DateTime.UtcNow >= deadline) { close(fd); return null; }
            Thread.Sleep(Math.Min(50, 5 + attempt * 5));
        }
    }

    public void Dispose()
    {
        if (_fd >= 0) close(_fd); // closing the descriptor releases the flock
        _fd = -1;
    }

    private static IOException Errno(string what, int? errno = null)
    {
        int e = errno ?? Marshal.GetLastPInvokeError();
        return new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(e)}", e);
    }

    // Linux values, the same on x86-64, arm64 and armhf.
    private const int O_RDWR = 2, O_CREAT = 0x40, O_CLOEXEC = 0x80000;
    private const int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, EWOULDBLOCK = 11, EINTR = 4;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
