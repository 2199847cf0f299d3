namespace BkTui.Tests.Serial;

/// <summary>
/// A temp-dir copy of the sysfs and /dev layouts real adapters produce (relative symlinks
/// included), so the scanner's symlink walking is tested the way it runs on a Pi.
/// </summary>
internal sealed class FakeSysfs : IDisposable
{
    public FakeSysfs()
    {
        Root = Directory.CreateTempSubdirectory("bktui-sysfs-").FullName;
        Sys = Path.Combine(Root, "sys");
        Dev = Path.Combine(Root, "dev");
        Directory.CreateDirectory(Path.Combine(Sys, "class", "tty"));
        Directory.CreateDirectory(Path.Combine(Dev, "serial", "by-id"));
        foreach (var bus in new[] { "usb-serial", "usb", "serial-base", "pnp", "platform" })
            Directory.CreateDirectory(Path.Combine(Sys, "bus", bus, "drivers"));
    }

    public string Root { get; }
    public string Sys { get; }
    public string Dev { get; }

    private const string UsbHost = "devices/pci0000:00/0000:00:14.0/usb1";

    /// <summary>A USB device with attributes; returns its sysfs dir relative to /sys.</summary>
    public string UsbDevice(string port, string vid, string pid, string? product, string? serial)
    {
        var rel = $"{UsbHost}/{port}";
        var dir = Dir(rel);
        File.WriteAllText(Path.Combine(dir, "idVendor"), vid + "\n");
        File.WriteAllText(Path.Combine(dir, "idProduct"), pid + "\n");
        if (product is not null) File.WriteAllText(Path.Combine(dir, "product"), product + "\n");
        if (serial is not null) File.WriteAllText(Path.Combine(dir, "serial"), serial + "\n");
        return rel;
    }

    /// <summary>ch341/ftdi/cp210x: usb device / interface / ttyUSBn (usb-serial) / tty / ttyUSBn.</summary>
    public void UsbSerialTty(string usbDevice, int iface, string name, string serialDriver, string ifaceDriver)
    {
        var port = Path.GetFileName(usbDevice);
        var ifRel = $"{usbDevice}/{port}:1.{iface}";
        var ifDir = Dir(ifRel);
        File.WriteAllText(Path.Combine(ifDir, "bInterfaceNumber"), $"{iface:00}\n");
        Link(ifRel, "driver", $"bus/usb/drivers/{ifaceDriver}");
        var ttyDevRel = $"{ifRel}/{name}";
        Dir(ttyDevRel);
        Link(ttyDevRel, "subsystem", "bus/usb-serial");
        Link(ttyDevRel, "driver", $"bus/usb-serial/drivers/{serialDriver}");
        ClassEntry(name, $"{ttyDevRel}/tty/{name}", "../../../" + name);
    }

    /// <summary>cdc_acm: usb device / interface (the tty's device) / tty / ttyACMn.</summary>
    public void AcmTty(string usbDevice, string name)
    {
        var port = Path.GetFileName(usbDevice);
        var ifRel = $"{usbDevice}/{port}:1.0";
        Dir(ifRel);
        Link(ifRel, "subsystem", "bus/usb");
        Link(ifRel, "driver", "bus/usb/drivers/cdc_acm");
        ClassEntry(name, $"{ifRel}/tty/{name}", "../../../" + Path.GetFileName(ifRel));
    }

    /// <summary>Kernel ≥ 6 on-board UART: pnp device / serial-base ctrl / port / tty / ttySn, with a type attribute.</summary>
    public void SerialBaseTty(string name, int uartType, int index)
    {
        var pnpRel = $"devices/pnp0/00:0{index}";
        Dir(pnpRel);
        Link(pnpRel, "subsystem", "bus/pnp");
        Link(pnpRel, "driver", "bus/pnp/drivers/serial");
        var ctrlRel = $"{pnpRel}/00:0{index}:0";
        Dir(ctrlRel);
        Link(ctrlRel, "subsystem", "bus/serial-base");
        Link(ctrlRel, "driver", "bus/serial-base/drivers/ctrl");
        var portRel = $"{ctrlRel}/00:0{index}:0.0";
        Dir(portRel);
        Link(portRel, "subsystem", "bus/serial-base");
        Link(portRel, "driver", "bus/serial-base/drivers/port");
        var ttyRel = $"{portRel}/tty/{name}";
        ClassEntry(name, ttyRel, "../../../" + Path.GetFileName(portRel));
        File.WriteAllText(Path.Combine(Sys, ttyRel, "type"), $"{uartType}\n");
    }

    /// <summary>A virtual tty (tty0, ptmx): class entry without a device link.</summary>
    public void VirtualTty(string name)
    {
        var rel = $"devices/virtual/tty/{name}";
        Dir(rel);
        File.CreateSymbolicLink(Path.Combine(Sys, "class", "tty", name), "../../" + rel);
        File.WriteAllText(Path.Combine(Dev, name), "");
    }

    /// <summary>/dev/serial/by-id/NAME → ../../TTY, as udev writes it.</summary>
    public void ById(string linkName, string tty) =>
        File.CreateSymbolicLink(Path.Combine(Dev, "serial", "by-id", linkName), "../../" + tty);

    private void ClassEntry(string name, string ttyRel, string deviceLinkText)
    {
        var ttyDir = Dir(ttyRel);
        File.CreateSymbolicLink(Path.Combine(ttyDir, "device"), deviceLinkText);
        File.WriteAllText(Path.Combine(ttyDir, "dev"), "188:0\n");
        File.CreateSymbolicLink(Path.Combine(Sys, "class", "tty", name), "../../" + ttyRel);
        File.WriteAllText(Path.Combine(Dev, name), ""); // the node; a plain file is enough for the scanner
    }

    /// <summary>A relative symlink at sys/REL/NAME pointing at sys/TARGET, like the kernel makes.</summary>
    private void Link(string rel, string name, string target)
    {
        Directory.CreateDirectory(Path.Combine(Sys, target));
        var depth = rel.Split('/').Length;
        var text = string.Concat(Enumerable.Repeat("../", depth)) + target;
        File.CreateSymbolicLink(Path.Combine(Sys, rel, name), text);
    }

    private string Dir(string rel) => Directory.CreateDirectory(Path.Combine(Sys, rel)).FullName;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
