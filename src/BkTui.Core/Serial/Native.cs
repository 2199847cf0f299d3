using System.Runtime.InteropServices;

namespace BkTui.Core.Serial;

/// <summary>
/// The libc surface the serial layer uses. Only size-stable types plus nint/nuint, so one
/// declaration serves x86-64, aarch64 and armhf (platform-notes §1.1–1.2). The ioctl request is
/// <c>unsigned long</c> in C, hence nuint: a ulong would break armhf, where it is 4 bytes.
/// </summary>
internal static unsafe partial class Native
{
    private const string Libc = "libc";

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, void* arg);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, nint arg);

    [LibraryImport(Libc, EntryPoint = "tcflush", SetLastError = true)]
    internal static partial int TcFlush(int fd, int queue);

    [LibraryImport(Libc, EntryPoint = "tcdrain", SetLastError = true)]
    internal static partial int TcDrain(int fd);

    [LibraryImport(Libc, EntryPoint = "flock", SetLastError = true)]
    internal static partial int Flock(int fd, int operation);

    [LibraryImport(Libc, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initial, int flags);

    [LibraryImport(Libc, EntryPoint = "posix_openpt", SetLastError = true)]
    internal static partial int PosixOpenPt(int flags);

    [LibraryImport(Libc, EntryPoint = "grantpt", SetLastError = true)]
    internal static partial int GrantPt(int fd);

    [LibraryImport(Libc, EntryPoint = "unlockpt", SetLastError = true)]
    internal static partial int UnlockPt(int fd);

    [LibraryImport(Libc, EntryPoint = "ptsname_r", SetLastError = true)]
    internal static partial int PtsNameR(int fd, byte* buffer, nuint length);

    [LibraryImport(Libc, EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial byte* RealPath(string path, byte* resolved);

    [LibraryImport(Libc, EntryPoint = "free")]
    internal static partial void Free(void* pointer);

    [LibraryImport(Libc, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    internal static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>realpath(3): resolves relative link text against the link's real directory (unlike ResolveLinkTarget).</summary>
    internal static string? ResolvePath(string path)
    {
        byte* resolved = RealPath(path, null);
        if (resolved == null) return null;
        try { return Marshal.PtrToStringUTF8((nint)resolved); }
        finally { Free(resolved); }
    }

    /// <summary>Device and inode of a path via statx (the one stat layout shared by all three ABIs).</summary>
    internal static (uint Major, uint Minor, ulong Inode)? DeviceAndInode(string path)
    {
        byte* buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, 0, StatxIno, buffer) != 0) return null;
        ulong inode = *(ulong*)(buffer + 32);
        uint major = *(uint*)(buffer + 136), minor = *(uint*)(buffer + 140); // stx_dev_major/minor
        return (major, minor, inode);
    }

    internal static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    // open(2)
    internal const int O_RDWR = 0x2, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    // errno (identical on the three architectures)
    internal const int EINTR = 4, ENOENT = 2, EIO = 5, EAGAIN = 11, EACCES = 13, EBUSY = 16, ENXIO = 6,
        ENODEV = 19, EINVAL = 22, ENOTTY = 25, EPERM = 1;
    // flock(2)
    internal const int LOCK_EX = 2, LOCK_NB = 4;
    // eventfd(2)
    internal const int EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800;
    // poll(2)
    internal const short POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
    // tcflush(3)
    internal const int TCIFLUSH = 0, TCOFLUSH = 1;
    // statx(2)
    internal const int AtFdCwd = -100;
    internal const uint StatxIno = 0x100;
    // ioctl requests (asm-generic encoding: same on x86-64, arm, arm64)
    internal const nuint TIOCEXCL = 0x540C, TIOCNXCL = 0x540D, TIOCGEXCL = 0x80045440, TIOCMGET = 0x5415, TIOCMSET = 0x5418,
        TCGETS2 = 0x802C542A, TCSETS2 = 0x402C542B;
    // modem lines
    internal const int TIOCM_DTR = 0x002, TIOCM_RTS = 0x004;
}

/// <summary>Kernel <c>struct termios2</c> (asm-generic): 44 bytes on every target.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios2
{
    public uint IFlag, OFlag, CFlag, LFlag;
    public byte Line;
    public fixed byte ControlChars[19];
    public uint ISpeed, OSpeed;

    // c_cflag
    public const uint CBAUD = 0x100F, BOTHER = 0x1000, CIBAUD = 0x100F0000, CSIZE = 0x30, CS8 = 0x30,
        CSTOPB = 0x40, CREAD = 0x80, PARENB = 0x100, PARODD = 0x200, HUPCL = 0x400, CLOCAL = 0x800,
        CMSPAR = 0x40000000, CRTSCTS = 0x80000000;
    public const int IBSHIFT = 16;
    // c_iflag bits cleared for raw input (as cfmakeraw), plus software flow control
    public const uint IGNBRK = 0x1, BRKINT = 0x2, PARMRK = 0x8, ISTRIP = 0x20, INLCR = 0x40, IGNCR = 0x80,
        ICRNL = 0x100, IXON = 0x400, IXANY = 0x800, IXOFF = 0x1000, INPCK = 0x10;
    // c_oflag
    public const uint OPOST = 0x1;
    // c_lflag
    public const uint ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHONL = 0x40, IEXTEN = 0x8000, ECHOE = 0x10, ECHOK = 0x20;
    public const int VTIME = 5, VMIN = 6;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int Fd;
    public short Events;
    public short Revents;
}
