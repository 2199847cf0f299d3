using System.Diagnostics;
using BkTui.Core.Serial;

namespace BkTui.Tests.Serial;

/// <summary>SerialPort over real ptys: the slave is the "adapter", the master plays the chip.</summary>
public class SerialPortTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Several_hundred_KiB_round_trip_intact_through_an_echoing_chip()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath, 2_000_000);
        var data = new byte[300 * 1024];
        new Random(7231).NextBytes(data);

        using var stop = new CancellationTokenSource();
        var echo = OnOwnThread(() =>
        {
            var buf = new byte[8192];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    int n = pty.Read(buf, Second, stop.Token);
                    if (n > 0) Assert.Equal(n, pty.Write(buf.AsSpan(0, n)));
                }
            }
            catch (OperationCanceledException) { }
        });
        var writer = OnOwnThread(() =>
        {
            for (int off = 0; off < data.Length; off += 10_000)
                port.Write(data.AsSpan(off, Math.Min(10_000, data.Length - off)));
        });

        var back = new byte[data.Length];
        int got = 0;
        var clock = Stopwatch.StartNew();
        while (got < back.Length && clock.Elapsed < TimeSpan.FromSeconds(20))
            got += port.Read(back.AsSpan(got), Second);
        await writer;
        stop.Cancel();
        await echo;

        Assert.Equal(data.Length, got);
        Assert.True(data.AsSpan().SequenceEqual(back), "echoed data differs");
    }

    [Theory]
    [InlineData(115200)]
    [InlineData(921600)]
    [InlineData(1500000)]
    [InlineData(2000000)]
    [InlineData(123457)]
    public void Baud_is_set_and_read_back(int baud)
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath, baud);
        Assert.Equal(baud, port.Baud);
        Assert.Equal(baud, pty.HostBaud);

        int other = baud == 115200 ? 230400 : 115200;
        port.SetBaud(other);
        Assert.Equal(other, port.Baud);
        Assert.Equal(other, pty.HostBaud);
    }

    [Fact]
    public void Open_makes_a_cooked_port_raw_8N1_without_hang_up_on_close()
    {
        using var pty = PseudoTerminal.Open();
        var cooked = TtySettings.Get(pty.MasterFd); // the slave's termios, seen through the master
        cooked.LFlag |= Termios2.ECHO | Termios2.ICANON | Termios2.ISIG;
        cooked.OFlag |= Termios2.OPOST;
        cooked.IFlag |= Termios2.ICRNL | Termios2.IXON;
        cooked.CFlag = (cooked.CFlag & ~Termios2.CSIZE) | 0x20 /* CS7 */ | Termios2.PARENB | Termios2.CSTOPB | Termios2.HUPCL | Termios2.CRTSCTS;
        TtySettings.Set(pty.MasterFd, cooked);

        using var port = SerialPort.Open(pty.SlavePath, 921600);
        var t = TtySettings.Get(pty.MasterFd);
        Assert.Equal(0u, t.LFlag & (Termios2.ECHO | Termios2.ICANON | Termios2.ISIG));
        Assert.Equal(0u, t.OFlag & Termios2.OPOST);
        Assert.Equal(0u, t.IFlag & (Termios2.ICRNL | Termios2.IXON));
        Assert.Equal(Termios2.CS8, t.CFlag & Termios2.CSIZE);
        Assert.Equal(0u, t.CFlag & (Termios2.PARENB | Termios2.CSTOPB | Termios2.HUPCL | Termios2.CRTSCTS));
        Assert.Equal(Termios2.CREAD | Termios2.CLOCAL, t.CFlag & (Termios2.CREAD | Termios2.CLOCAL));
        Assert.Equal(921600u, t.OSpeed);
        Assert.Equal(921600u, t.ISpeed);

        // Raw means bytes pass untouched: CR, LF, ^C, ^S, 0xFF arrive as sent.
        byte[] awkward = [0x0d, 0x0a, 0x03, 0x13, 0x11, 0xff, 0x00, 0x7f];
        Assert.Equal(awkward.Length, pty.Write(awkward));
        var got = new byte[16];
        int n = 0;
        for (int i = 0; i < 20 && n < awkward.Length; i++) n += port.Read(got.AsSpan(n), Second);
        Assert.Equal(awkward, got[..n]);
    }

    [Fact]
    public void Read_timeout_returns_zero()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath);
        Assert.Equal(0, port.Read(new byte[16], TimeSpan.FromMilliseconds(40)));
    }

    [Fact]
    public void Cancellation_wakes_a_blocked_read()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath);
        using var cts = new CancellationTokenSource();
        var read = OnOwnThread(() => port.Read(new byte[16], Timeout.InfiniteTimeSpan, cts.Token));
        Thread.Sleep(50);
        Assert.False(read.IsCompleted);
        cts.Cancel();
        var ex = Assert.ThrowsAny<AggregateException>(() => read.Wait(TimeSpan.FromSeconds(5)));
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
    }

    [Fact]
    public void Closing_the_other_end_is_device_gone_for_read_and_write()
    {
        var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath);
        pty.Dispose();
        var read = Assert.Throws<DeviceGoneException>(() => port.Read(new byte[16], Second));
        Assert.Contains(port.PortName, read.Message);
        Assert.Throws<DeviceGoneException>(() => port.Write("hello"u8));
    }

    [Fact]
    public void A_blocked_read_sees_the_hang_up()
    {
        var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath);
        var read = OnOwnThread(() => port.Read(new byte[16], TimeSpan.FromSeconds(10)));
        Thread.Sleep(30);
        pty.Dispose();
        var ex = Assert.ThrowsAny<AggregateException>(() => read.Wait(TimeSpan.FromSeconds(5)));
        Assert.IsType<DeviceGoneException>(ex.InnerException);
    }

    [Fact]
    public void Dispose_wakes_a_read_blocked_without_deadline()
    {
        using var pty = PseudoTerminal.Open();
        var port = SerialPort.Open(pty.SlavePath);
        var read = OnOwnThread(() => port.Read(new byte[16], Timeout.InfiniteTimeSpan));
        Thread.Sleep(30);
        port.Dispose();
        var ex = Assert.ThrowsAny<AggregateException>(() => read.Wait(TimeSpan.FromSeconds(5)));
        Assert.IsType<ObjectDisposedException>(ex.InnerException);
    }

    [Fact]
    public void Second_open_of_a_held_port_names_this_process()
    {
        using var pty = PseudoTerminal.Open();
        using var first = SerialPort.Open(pty.SlavePath);
        var ex = Assert.Throws<PortBusyException>(() => SerialPort.Open(pty.SlavePath));
        Assert.Equal(Environment.ProcessId, ex.HolderPid);
        Assert.Contains($"pid {Environment.ProcessId}", ex.Message);
        Assert.Contains(pty.SlavePath, ex.Message);
    }

    [Fact]
    public void Port_is_free_again_after_dispose()
    {
        using var pty = PseudoTerminal.Open();
        SerialPort.Open(pty.SlavePath).Dispose();
        using var again = SerialPort.Open(pty.SlavePath);
        Assert.Equal(115200, again.Baud);
    }

    /// <summary>Blocking work on a dedicated thread, so parallel tests never starve the thread pool.</summary>
    private static Task<T> OnOwnThread<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task OnOwnThread(Action work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public void Missing_port_is_unavailable_with_advice()
    {
        var ex = Assert.Throws<PortUnavailableException>(() => SerialPort.Open("/dev/ttyUSB_bktui_missing"));
        Assert.Contains("bktui ports", ex.Message);
        Assert.Contains("brltty", ex.Message);
    }

    [Fact]
    public void A_regular_file_is_refused_as_not_a_serial_device()
    {
        var file = Path.GetTempFileName();
        try
        {
            var ex = Assert.Throws<PortUnavailableException>(() => SerialPort.Open(file));
            Assert.Contains("not a serial device", ex.Message);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Modem_lines_report_false_on_a_pty_and_discard_and_drain_work()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath);
        Assert.False(port.HasModemLines);
        Assert.False(port.SetModemLines(false, true));

        Assert.Equal(5, pty.Write("stale"u8));
        Thread.Sleep(20);
        port.DiscardInput();
        Assert.Equal(0, port.Read(new byte[16], TimeSpan.FromMilliseconds(30)));

        port.Write("x"u8);
        port.DrainOutput();
        Assert.Equal("x", PseudoTerminalTests.ReadString(pty, 1));
    }
}
