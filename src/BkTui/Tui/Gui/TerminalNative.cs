using System.Runtime.InteropServices;

namespace BkTui.Tui.Gui;

/// <summary>The terminal's mode (struct termios, kept as opaque bytes) of stdin.</summary>
internal static class Termios
{
    public static byte[]? Get()
    {
        if (OperatingSystem.IsWindows()) return null;
        var buf = new byte[256]; // larger than struct termios on every libc we run on
        return TerminalNative.tcgetattr(0, buf) == 0 ? buf : null;
    }

    public static void Set(byte[] mode) => TerminalNative.tcsetattr(0, 0 /* TCSANOW */, mode);
}

/// <summary>The libc calls <see cref="TerminalGuard"/> needs: terminal mode, job control, standard output.</summary>
internal static class TerminalNative
{
    // SIGSTOP is 19 on Linux x86-64, arm and arm64 (17 on macOS).
    public static readonly int SIGSTOP = OperatingSystem.IsMacOS() ? 17 : 19;
    public const int ENOTTY = 25;
    private const int O_WRONLY = 1;
    private const int StdoutFd = 1;

    [DllImport("libc", SetLastError = true)]
    public static extern int kill(int pid, int sig);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcgetattr(int fd, byte[] termios);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcgetpgrp(int fd);

    [DllImport("libc")]
    public static extern int getpgrp();

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int dup2(int oldFd, int newFd);

    [DllImport("libc")]
    private static extern int close(int fd);

    /// <summary>Points standard output at /dev/null, so no later write reaches the terminal; false when it could not.</summary>
    public static bool DetachStdout()
    {
        if (OperatingSystem.IsWindows()) return false;
        int nowhere = open("/dev/null", O_WRONLY);
        if (nowhere < 0) return false;
        bool done = dup2(nowhere, StdoutFd) == StdoutFd;
        close(nowhere);
        return done;
    }
}
