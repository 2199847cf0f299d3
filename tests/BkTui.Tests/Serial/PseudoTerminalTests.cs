using System.Text;
using BkTui.Core.Serial;

namespace BkTui.Tests.Serial;

public class PseudoTerminalTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Slave_path_is_a_pts_device_and_no_host_is_attached_at_first()
    {
        using var pty = PseudoTerminal.Open();
        Assert.StartsWith("/dev/pts/", pty.SlavePath);
        Assert.True(File.Exists(pty.SlavePath));
        Assert.False(pty.SlaveOpen);
    }

    [Fact]
    public void A_fresh_slave_is_raw_at_the_default_baud_for_hosts_that_never_configure_it()
    {
        using var pty = PseudoTerminal.Open();
        var t = TtySettings.Get(pty.MasterFd);
        Assert.Equal(0u, t.LFlag & (Termios2.ECHO | Termios2.ICANON | Termios2.ISIG));
        Assert.Equal(0u, t.OFlag & Termios2.OPOST);
        Assert.Equal((uint)PseudoTerminal.DefaultBaud, t.OSpeed);
        Assert.Equal(PseudoTerminal.DefaultBaud, pty.HostBaud);

        // A host that just opens the path (no termios calls) gets bytes back unmangled and no echo.
        using var raw = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(
            Native.Open(pty.SlavePath, Native.O_RDWR | Native.O_NOCTTY | Native.O_CLOEXEC, 0), ownsHandle: true), FileAccess.ReadWrite, 1);
        raw.Write("a\r\n"u8);
        raw.Flush();
        Assert.Equal("a\r\n", ReadString(pty, 3));

        Assert.Equal(3, pty.Write("b\r\n"u8));
        var back = new byte[3];
        Assert.Equal(3, raw.ReadAtLeast(back, 3));
        Assert.Equal("b\r\n", Encoding.ASCII.GetString(back)); // no ICRNL
        var echoed = new byte[64];
        var n = pty.Read(echoed, TimeSpan.FromMilliseconds(20));
        Assert.DoesNotContain((byte)'b', echoed.AsSpan(0, n).ToArray()); // no echo back to the chip
    }

    [Fact]
    public void Bytes_cross_both_ways_once_a_host_opens_the_slave()
    {
        using var pty = PseudoTerminal.Open();
        using var host = SerialPort.Open(pty.SlavePath);
        Assert.True(pty.SlaveOpen);

        host.Write("ping"u8);
        Assert.Equal("ping", ReadString(pty, 4));

        Assert.Equal(4, pty.Write("pong"u8));
        var buf = new byte[16];
        int n = host.Read(buf, Second);
        Assert.Equal("pong", Encoding.ASCII.GetString(buf, 0, n));
    }

    [Fact]
    public void Host_baud_is_read_through_the_master()
    {
        using var pty = PseudoTerminal.Open();
        using var host = SerialPort.Open(pty.SlavePath, 921600);
        Assert.Equal(921600, pty.HostBaud);
        host.SetBaud(1500000);
        Assert.Equal(1500000, pty.HostBaud);
    }

    [Fact]
    public void Read_without_a_host_times_out_with_zero()
    {
        using var pty = PseudoTerminal.Open();
        Assert.Equal(0, pty.Read(new byte[8], TimeSpan.FromMilliseconds(30)));
        Assert.Equal(0, pty.Write("lost"u8));
    }

    [Fact]
    public void Host_closing_is_seen_and_a_new_host_can_attach()
    {
        using var pty = PseudoTerminal.Open();
        using (var first = SerialPort.Open(pty.SlavePath))
        {
            first.Write("a"u8);
            Assert.True(pty.SlaveOpen);
        }
        Assert.Equal("a", ReadString(pty, 1)); // bytes sent before the close still arrive
        Assert.False(pty.SlaveOpen);
        Assert.Equal(0, pty.Read(new byte[8], TimeSpan.FromMilliseconds(20)));

        using var second = SerialPort.Open(pty.SlavePath);
        Assert.True(pty.WaitForSlave(Second));
        second.Write("b"u8);
        Assert.Equal("b", ReadString(pty, 1));
    }

    [Fact]
    public void Cancellation_wakes_a_read_waiting_for_a_host()
    {
        using var pty = PseudoTerminal.Open();
        using var cts = new CancellationTokenSource();
        // A plain thread, not CancelAfter: timer callbacks wait for a free pool thread under parallel tests.
        var canceller = new Thread(() => { Thread.Sleep(50); cts.Cancel(); });
        canceller.Start();
        Assert.ThrowsAny<OperationCanceledException>(() => pty.Read(new byte[8], Timeout.InfiniteTimeSpan, cts.Token));
        canceller.Join();
    }

    internal static string ReadString(PseudoTerminal pty, int count)
    {
        var buf = new byte[count];
        int got = 0;
        var until = DateTime.UtcNow + Second * 5;
        while (got < count && DateTime.UtcNow < until)
            got += pty.Read(buf.AsSpan(got), Second);
        return Encoding.ASCII.GetString(buf, 0, got);
    }
}
