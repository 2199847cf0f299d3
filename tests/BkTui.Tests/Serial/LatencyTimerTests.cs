using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;

namespace BkTui.Tests.Serial;

/// <summary>The FTDI latency timer, on a sysfs tree laid out like ftdi_sio's (the attribute sits on the tty's usb-serial device).</summary>
public class LatencyTimerTests
{
    private static FakeSysfs FtdiAndCh340(int ftdiMs)
    {
        var fs = new FakeSysfs();
        var ftdi = fs.UsbDevice("1-2", "0403", "6001", "FT232R USB UART", "A50285BI");
        fs.UsbSerialTty(ftdi, 0, "ttyUSB1", "ftdi_sio", "ftdi_sio");
        File.WriteAllText(Attribute(fs, "ttyUSB1"), $"{ftdiMs}\n");
        var ch340 = fs.UsbDevice("1-1", "1a86", "7523", "USB Serial", serial: null);
        fs.UsbSerialTty(ch340, 0, "ttyUSB0", "ch341-uart", "ch341");
        return fs;
    }

    private static string Attribute(FakeSysfs fs, string tty) => Path.Combine(fs.Sys, "class", "tty", tty, "device", "latency_timer");

    [Fact]
    public void IsLoweredToOneMillisecondAndPutBack()
    {
        using var fs = FtdiAndCh340(16);
        var port = Path.Combine(fs.Dev, "ttyUSB1");
        Assert.Equal(16, LatencyTimer.Read(port, fs.Sys));
        Assert.Equal(16, LatencyTimer.Lower(port, fs.Sys));
        Assert.Equal(1, LatencyTimer.Read(port, fs.Sys));
        Assert.Null(LatencyTimer.Lower(port, fs.Sys)); // already fast: nothing to restore later
        LatencyTimer.Restore(port, 16, fs.Sys);
        Assert.Equal("16", File.ReadAllText(Attribute(fs, "ttyUSB1")).Trim());
    }

    [Fact]
    public void AdaptersWithoutTheAttributeAreLeftAlone()
    {
        using var fs = FtdiAndCh340(16);
        var ch340 = Path.Combine(fs.Dev, "ttyUSB0");
        Assert.Null(LatencyTimer.Read(ch340, fs.Sys));
        Assert.Null(LatencyTimer.Lower(ch340, fs.Sys));
        using var pty = PseudoTerminal.Open();
        Assert.Null(LatencyTimer.Read(pty.SlavePath)); // the real /sys: a pty has no USB behind it
    }

    [Fact]
    public void PortsShowsTheTimerAndSaysWhatItCosts()
    {
        using var fs = FtdiAndCh340(16);
        var ports = PortScanner.List(fs.Sys, fs.Dev, PortHolders.Snapshot(Path.Combine(fs.Root, "no-proc")));
        Assert.Equal(16, ports.Single(p => p.Path.EndsWith("ttyUSB1")).LatencyTimerMs);
        Assert.Null(ports.Single(p => p.Path.EndsWith("ttyUSB0")).LatencyTimerMs);
        var table = BkTui.Cli.PortsCommand.Table(ports);
        Assert.Contains("ttyUSB1: USB latency timer 16 ms", table);
        Assert.DoesNotContain("ttyUSB0: USB latency", table);
    }

    [Fact]
    public void InfoAdvisesWhenTheTimerCouldNotBeLowered()
    {
        var slow = ChipAdvice.For(ChipFamily.BK7231N, EfuseKey.Tuya, "c8:47:8c:12:34:56", rfRead: true, "/dev/ttyUSB1", latencyTimerMs: 16);
        Assert.Contains(slow, a => a.Contains("/dev/ttyUSB1") && a.Contains("16 ms") && a.Contains("echo 1 | sudo tee /sys/bus/usb-serial/devices/ttyUSB1/latency_timer"));
        var fast = ChipAdvice.For(ChipFamily.BK7231N, EfuseKey.Tuya, "c8:47:8c:12:34:56", rfRead: true, "/dev/ttyUSB1", latencyTimerMs: 1);
        Assert.DoesNotContain(fast, a => a.Contains("latency"));
    }
}
