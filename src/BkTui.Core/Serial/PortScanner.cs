using System.Text.RegularExpressions;

namespace BkTui.Core.Serial;

/// <summary>
/// Lists serial ports from sysfs (pyserial's list_ports_linux approach, platform-notes §1.6) and
/// maps udev's /dev/serial/by-id links onto them. Never opens a port: opening can raise DTR/RTS
/// and reset a board. Roots are parameters so tests can hand it a fake tree.
/// </summary>
public static partial class PortScanner
{
    public static IReadOnlyList<PortInfo> List(string sysRoot = "/sys", string devRoot = "/dev", PortHolders? holders = null)
    {
        var classDir = Path.Combine(sysRoot, "class", "tty");
        if (!Directory.Exists(classDir)) return [];
        var byId = ByIdLinks(devRoot);
        holders ??= PortHolders.Snapshot();
        var ports = new List<PortInfo>();
        foreach (var entry in SafeEnumerate(classDir))
        {
            var name = System.IO.Path.GetFileName(entry);
            var port = Describe(entry, name, devRoot, byId, holders);
            if (port is not null) ports.Add(port);
        }
        ports.Sort((a, b) => NaturalKey(a.Path).CompareTo(NaturalKey(b.Path)));
        return ports;
    }

    private static PortInfo? Describe(string entry, string name, string devRoot, Dictionary<string, string> byId, PortHolders holders)
    {
        // tty0..63, ptmx, console and friends have no device behind them.
        var device = Native.ResolvePath(Path.Combine(entry, "device"));
        if (device is null) return null;
        // Legacy 8250 slots exist whether or not a UART does; type 0 is PORT_UNKNOWN.
        if (ReadAttr(entry, "type") == "0") return null;
        var devPath = Path.Combine(devRoot, name);
        if (!File.Exists(devPath)) return null;

        var subsystem = LinkName(device, "subsystem");
        string? driver = LinkName(device, "driver");
        string? usbDevice = subsystem switch
        {
            "usb-serial" => Parent(Parent(device)), // tty device → USB interface → USB device
            "usb" => Parent(device),                 // cdc_acm: the tty's device is the interface
            _ => null,
        };
        if (subsystem == "serial-base") driver = PlatformDriver(device) ?? driver;

        var real = Native.ResolvePath(devPath) ?? devPath;
        var holder = holders.HolderOf(devPath);
        return new PortInfo(
            Path: devPath,
            ById: byId.GetValueOrDefault(real),
            Driver: driver,
            Vid: usbDevice is null ? null : ReadAttr(usbDevice, "idVendor")?.ToLowerInvariant(),
            Pid: usbDevice is null ? null : ReadAttr(usbDevice, "idProduct")?.ToLowerInvariant(),
            Serial: usbDevice is null ? null : ReadAttr(usbDevice, "serial"),
            Product: usbDevice is null ? null : ReadAttr(usbDevice, "product"),
            Busy: holder is not null,
            HolderPid: holder?.Pid,
            HolderName: holder?.ProcessName,
            LatencyTimerMs: int.TryParse(ReadAttr(device, "latency_timer"), out var ms) ? ms : null);
    }

    /// <summary>Kernel ≥ 6 puts a serial-base "port" device between the tty and the real UART; report the UART's driver.</summary>
    private static string? PlatformDriver(string device)
    {
        var dir = Parent(device);
        for (int depth = 0; depth < 6 && dir is not null && Path.GetFileName(dir) != "devices"; depth++, dir = Parent(dir))
        {
            if (LinkName(dir, "subsystem") == "serial-base") continue;
            if (LinkName(dir, "driver") is { } d) return d;
        }
        return null;
    }

    /// <summary>realpath of every /dev/serial/by-id link → the link's path (first one wins).</summary>
    internal static Dictionary<string, string> ByIdLinks(string devRoot)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in SafeEnumerate(Path.Combine(devRoot, "serial", "by-id")).Order(StringComparer.Ordinal))
            if (Native.ResolvePath(link) is { } target)
                map.TryAdd(target, link);
        return map;
    }

    private static string? LinkName(string dir, string link) =>
        Native.ResolvePath(Path.Combine(dir, link)) is { } target ? Path.GetFileName(target) : null;

    private static string? Parent(string? dir) => dir is null ? null : Path.GetDirectoryName(dir);

    private static string? ReadAttr(string dir, string name)
    {
        try
        {
            var value = File.ReadAllText(Path.Combine(dir, name)).Trim();
            return value.Length == 0 ? null : value;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static IEnumerable<string> SafeEnumerate(string dir)
    {
        try { return Directory.Exists(dir) ? Directory.GetFileSystemEntries(dir) : []; }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }

    /// <summary>ttyUSB2 before ttyUSB10.</summary>
    private static string NaturalKey(string path) => TrailingNumber().Replace(path, m => m.Value.PadLeft(8, '0'));

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();
}
