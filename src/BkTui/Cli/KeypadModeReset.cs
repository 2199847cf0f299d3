using System.Runtime.InteropServices;

namespace BkTui.Cli;

/// <summary>
/// .NET's console, on first use in a terminal, switches it to application cursor keys and keypad
/// (terminfo smkx, ESC[?1h ESC=) and never switches back, so after any bktui command arrows print
/// ^[OA in `cat` and other plain programs. At process exit this writes the reverse to the same
/// terminal .NET used: stdout when it is one, else stdin (when stdout is redirected).
/// </summary>
internal static partial class KeypadModeReset
{
    private static readonly byte[] NormalKeys = "\u001b[?1l\u001b>"u8.ToArray();

    public static void Install()
    {
        if (OperatingSystem.IsWindows()) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Reset();
    }

    private static void Reset()
    {
        int fd = isatty(1) == 1 ? 1 : isatty(0) == 1 ? 0 : -1;
        if (fd < 0) return;
        try { Console.Out.Flush(); } catch (IOException) { }
        _ = write(fd, NormalKeys, NormalKeys.Length);
    }

    [LibraryImport("libc")]
    private static partial int isatty(int fd);

    [LibraryImport("libc")]
    private static partial nint write(int fd, byte[] buffer, nint count);
}
