using BkTui.Core.Serial;

namespace BkTui.Tests.Serial;

/// <summary>
/// What a pty cannot show, on a real UART driver: this machine's ttyS0 is a 16550A under the 8250
/// driver (a console port, so its settings are put back afterwards and nothing is written to it).
/// Without such a port (or the rights to open it) these tests have nothing to check and return.
/// </summary>
public unsafe class RealUartTests
{
    private const string Path = "/dev/ttyS0";

    [Fact]
    public void ModemLinesAreSetAndReadBackOnARealUart()
    {
        using var saved = SavedSettings.Of(Path);
        if (saved is null) return;
        using var port = SerialPort.Open(Path);
        Assert.True(port.HasModemLines);
        Assert.Equal(0, Lines(port) & Both); // released on open, so a line wired to CEN does not hold the chip in reset
        foreach (var (dtr, rts) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            Assert.True(port.SetModemLines(dtr, rts));
            Assert.Equal((dtr ? Native.TIOCM_DTR : 0) | (rts ? Native.TIOCM_RTS : 0), Lines(port) & Both);
        }
    }

    [Fact]
    public void ARateTheDriverCannotDoIsReportedAsTheRateItKept()
    {
        using var saved = SavedSettings.Of(Path);
        if (saved is null) return;
        using var port = SerialPort.Open(Path, 115200);
        Assert.Equal(115200, port.Baud);
        port.SetBaud(921600); // a 16550 with its 1.8432 MHz clock stops at 115200
        Assert.Equal(ReadBack(port), port.Baud);
        Assert.NotEqual(921600, port.Baud);
    }

    [Fact]
    public void DisposeHandsTheExclusiveFlagBackWhenSomeoneElseHasThePortOpen()
    {
        using var pty = PseudoTerminal.Open(); // the master stays open, as a console or another tool would
        SerialPort.Open(pty.SlavePath).Dispose();
        int fd = Native.Open(pty.SlavePath, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK, 0);
        Assert.True(fd >= 0);
        try
        {
            int exclusive = -1;
            Assert.Equal(0, Native.Ioctl(fd, Native.TIOCGEXCL, &exclusive));
            Assert.Equal(0, exclusive); // before the fix it stayed 1: a non-root user could not open the port again
        }
        finally { Native.Close(fd); }
    }

    private const int Both = Native.TIOCM_DTR | Native.TIOCM_RTS;

    private static int Lines(SerialPort port)
    {
        int lines = 0;
        int fd = port.Fd;
        Assert.Equal(0, Native.Ioctl(fd, Native.TIOCMGET, &lines));
        return lines;
    }

    private static int ReadBack(SerialPort port) => (int)TtySettings.Get(port.Fd).OSpeed;

    /// <summary>The port's termios before the test, restored afterwards; null when there is no such port to use.</summary>
    private sealed class SavedSettings : IDisposable
    {
        private readonly string _path;
        private readonly Termios2 _original;

        private SavedSettings(string path, Termios2 original) => (_path, _original) = (path, original);

        public static SavedSettings? Of(string path)
        {
            if (!File.Exists(path)) return null;
            int fd = Native.Open(path, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK, 0);
            if (fd < 0) return null;
            try
            {
                var t = TtySettings.Get(fd);
                int lines = 0;
                return Native.Ioctl(fd, Native.TIOCMGET, &lines) == 0 ? new SavedSettings(path, t) : null; // no modem lines: not a UART
            }
            catch (IOException) { return null; }
            finally { Native.Close(fd); }
        }

        public void Dispose()
        {
            int fd = Native.Open(_path, Native.O_RDWR | Native.O_NOCTTY | Native.O_NONBLOCK, 0);
            if (fd < 0) return;
            try { TtySettings.Set(fd, _original); }
            finally { Native.Close(fd); }
        }
    }
}
