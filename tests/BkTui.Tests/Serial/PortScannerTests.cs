using BkTui.Core.Serial;

namespace BkTui.Tests.Serial;

public class PortScannerTests
{
    /// <summary>A CH340, a dual-port FT2232, a CDC-ACM board, one real and one empty 8250 slot, and tty0.</summary>
    private static FakeSysfs Bench()
    {
        var fs = new FakeSysfs();
        var ch340 = fs.UsbDevice("1-1", "1a86", "7523", "USB Serial", serial: null);
        fs.UsbSerialTty(ch340, 0, "ttyUSB0", "ch341-uart", "ch341");
        var ftdi = fs.UsbDevice("1-2", "0403", "6010", "Dual RS232-HS", "FT9XK2AB");
        fs.UsbSerialTty(ftdi, 0, "ttyUSB1", "ftdi_sio", "ftdi_sio");
        fs.UsbSerialTty(ftdi, 1, "ttyUSB2", "ftdi_sio", "ftdi_sio");
        var acm = fs.UsbDevice("1-3", "2E8A", "000A", "Pico", "E6614C311B4A7A2B");
        fs.AcmTty(acm, "ttyACM0");
        fs.SerialBaseTty("ttyS0", uartType: 4, index: 0);
        fs.SerialBaseTty("ttyS1", uartType: 0, index: 1);
        fs.VirtualTty("tty0");
        fs.VirtualTty("ptmx");
        fs.ById("usb-1a86_USB_Serial-if00-port0", "ttyUSB0");
        fs.ById("usb-FTDI_Dual_RS232-HS_FT9XK2AB-if00-port0", "ttyUSB1");
        fs.ById("usb-FTDI_Dual_RS232-HS_FT9XK2AB-if01-port0", "ttyUSB2");
        fs.ById("usb-Raspberry_Pi_Pico_E6614C311B4A7A2B-if00", "ttyACM0");
        return fs;
    }

    private static IReadOnlyList<PortInfo> Scan(FakeSysfs fs, string? procRoot = null) =>
        PortScanner.List(fs.Sys, fs.Dev, PortHolders.Snapshot(procRoot ?? Path.Combine(fs.Root, "no-proc")));

    [Fact]
    public void Lists_real_ports_in_natural_order_and_skips_virtual_and_empty_slots()
    {
        using var fs = Bench();
        var names = Scan(fs).Select(p => Path.GetFileName(p.Path));
        Assert.Equal(["ttyACM0", "ttyS0", "ttyUSB0", "ttyUSB1", "ttyUSB2"], names);
    }

    [Fact]
    public void Ch340_without_serial_number()
    {
        using var fs = Bench();
        var p = Scan(fs).Single(p => p.Path.EndsWith("ttyUSB0"));
        Assert.Equal(Path.Combine(fs.Dev, "ttyUSB0"), p.Path);
        Assert.Equal("ch341-uart", p.Driver);
        Assert.Equal("1a86:7523", p.VidPid);
        Assert.Null(p.Serial);
        Assert.Equal("USB Serial", p.Product);
        Assert.Equal(Path.Combine(fs.Dev, "serial", "by-id", "usb-1a86_USB_Serial-if00-port0"), p.ById);
        Assert.False(p.Busy);
        Assert.Null(p.HolderPid);
    }

    [Fact]
    public void Dual_port_ftdi_gives_two_ports_of_one_device_with_their_own_by_id_links()
    {
        using var fs = Bench();
        var ports = Scan(fs).Where(p => p.Driver == "ftdi_sio").ToList();
        Assert.Equal(2, ports.Count);
        Assert.All(ports, p => Assert.Equal(("0403", "6010", "FT9XK2AB"), (p.Vid, p.Pid, p.Serial)));
        Assert.EndsWith("-if00-port0", ports[0].ById);
        Assert.EndsWith("-if01-port0", ports[1].ById);
    }

    [Fact]
    public void Cdc_acm_takes_usb_facts_from_the_interface_parent()
    {
        using var fs = Bench();
        var p = Scan(fs).Single(p => p.Path.EndsWith("ttyACM0"));
        Assert.Equal("cdc_acm", p.Driver);
        Assert.Equal("2e8a", p.Vid); // lower-cased
        Assert.Equal("000a", p.Pid);
        Assert.Equal("E6614C311B4A7A2B", p.Serial);
        Assert.Equal("Pico", p.Product);
        Assert.EndsWith("usb-Raspberry_Pi_Pico_E6614C311B4A7A2B-if00", p.ById);
    }

    [Fact]
    public void Onboard_uart_behind_serial_base_reports_the_platform_driver()
    {
        using var fs = Bench();
        var p = Scan(fs).Single(p => p.Path.EndsWith("ttyS0"));
        Assert.Equal("serial", p.Driver);
        Assert.Null(p.VidPid);
        Assert.Null(p.ById);
    }

    [Fact]
    public void Busy_ports_name_the_holder_from_proc_locks_or_open_fds()
    {
        using var fs = Bench();
        var proc = Path.Combine(fs.Root, "proc");
        var id = Native.DeviceAndInode(Path.Combine(fs.Dev, "ttyUSB1"))!.Value;
        Directory.CreateDirectory(Path.Combine(proc, "4242", "fd"));
        File.WriteAllText(Path.Combine(proc, "4242", "comm"), "minicom\n");
        File.WriteAllText(Path.Combine(proc, "locks"),
            $"1: FLOCK  ADVISORY  WRITE 4242 {id.Major:x2}:{id.Minor:x2}:{id.Inode} 0 EOF\n");
        Directory.CreateDirectory(Path.Combine(proc, "5151", "fd"));
        File.WriteAllText(Path.Combine(proc, "5151", "comm"), "ModemManager\n");
        File.CreateSymbolicLink(Path.Combine(proc, "5151", "fd", "7"), Path.Combine(fs.Dev, "ttyACM0"));

        var ports = Scan(fs, proc);
        var ftdi = ports.Single(p => p.Path.EndsWith("ttyUSB1"));
        Assert.True(ftdi.Busy);
        Assert.Equal(4242, ftdi.HolderPid);
        Assert.Equal("minicom", ftdi.HolderName);
        var acm = ports.Single(p => p.Path.EndsWith("ttyACM0"));
        Assert.Equal((true, 5151, "ModemManager"), (acm.Busy, acm.HolderPid, acm.HolderName));
        Assert.False(ports.Single(p => p.Path.EndsWith("ttyUSB2")).Busy);
    }

    [Fact]
    public void A_port_whose_dev_node_is_missing_is_not_listed()
    {
        using var fs = Bench();
        File.Delete(Path.Combine(fs.Dev, "ttyUSB2"));
        Assert.DoesNotContain(Scan(fs), p => p.Path.EndsWith("ttyUSB2"));
    }

    [Fact]
    public void Missing_sysfs_gives_an_empty_list()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "bktui-no-such-sys-" + Guid.NewGuid());
        Assert.Empty(PortScanner.List(nowhere, nowhere));
    }

    [Fact]
    public void The_real_machine_can_be_scanned()
    {
        // Whatever this host has (often just ttyS0): every entry must exist and be well-formed.
        foreach (var p in PortScanner.List())
        {
            Assert.True(File.Exists(p.Path), p.Path);
            Assert.Equal(p.Busy, p.HolderPid is not null);
        }
    }
}
