namespace BkTui.Core.Serial;

/// <summary>
/// termios2 through TCGETS2/TCSETS2 only: never glibc tcgetattr/cfsetospeed, which cannot carry
/// BOTHER rates on glibc &lt; 2.42 (platform-notes §1.3).
/// </summary>
internal static unsafe class TtySettings
{
    public static Termios2 Get(int fd)
    {
        Termios2 t;
        if (Native.Ioctl(fd, Native.TCGETS2, &t) != 0) throw Fail("TCGETS2");
        return t;
    }

    public static void Set(int fd, Termios2 t)
    {
        if (Native.Ioctl(fd, Native.TCSETS2, &t) != 0) throw Fail("TCSETS2");
    }

    /// <summary>Raw 8N1, no flow control, receiver on, modem-status ignored, HUPCL off (close must not drop DTR/RTS).</summary>
    public static void MakeRaw(ref Termios2 t)
    {
        t.IFlag &= ~(Termios2.IGNBRK | Termios2.BRKINT | Termios2.PARMRK | Termios2.ISTRIP | Termios2.INLCR
            | Termios2.IGNCR | Termios2.ICRNL | Termios2.IXON | Termios2.IXOFF | Termios2.IXANY | Termios2.INPCK);
        t.OFlag &= ~Termios2.OPOST;
        t.LFlag &= ~(Termios2.ECHO | Termios2.ECHONL | Termios2.ECHOE | Termios2.ECHOK | Termios2.ICANON
            | Termios2.ISIG | Termios2.IEXTEN);
        t.CFlag &= ~(Termios2.CSIZE | Termios2.PARENB | Termios2.PARODD | Termios2.CMSPAR | Termios2.CSTOPB
            | Termios2.CRTSCTS | Termios2.HUPCL);
        t.CFlag |= Termios2.CS8 | Termios2.CREAD | Termios2.CLOCAL;
        // Non-blocking fd + poll does the waiting; VMIN/VTIME only matter to blocking readers.
        t.ControlChars[Termios2.VMIN] = 1;
        t.ControlChars[Termios2.VTIME] = 0;
    }

    /// <summary>Any integer rate through BOTHER, for both directions.</summary>
    public static void SetSpeed(ref Termios2 t, int baud)
    {
        if (baud <= 0) throw new ArgumentOutOfRangeException(nameof(baud), baud, "baud must be positive");
        t.CFlag = (t.CFlag & ~(Termios2.CBAUD | Termios2.CIBAUD)) | Termios2.BOTHER | (Termios2.BOTHER << Termios2.IBSHIFT);
        t.ISpeed = t.OSpeed = (uint)baud;
    }

    /// <summary>Sets the rate and returns what the driver actually took (it writes back the achieved rate).</summary>
    public static int ApplySpeed(int fd, int baud)
    {
        var t = Get(fd);
        SetSpeed(ref t, baud);
        Set(fd, t);
        return (int)Get(fd).OSpeed;
    }

    private static IOException Fail(string what)
    {
        int errno = Native.Errno;
        return new IOException($"{what} failed: {Native.ErrorText(errno)}") { HResult = errno };
    }
}
