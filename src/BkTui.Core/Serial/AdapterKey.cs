namespace BkTui.Core.Serial;

/// <summary>
/// The name per-adapter facts (the last proven baud) are remembered under. A USB adapter's
/// <c>/dev/serial/by-id</c> link carries its USB serial number when it has one and survives ttyUSB
/// renumbering, so a ttyUSB path is keyed by its by-id link; anything else — a by-id path already,
/// ttyS0, a pty's <c>--link</c> symlink or a socket — by the path as given.
/// </summary>
public static class AdapterKey
{
    public static string For(string port, string devRoot = "/dev")
    {
        var byIdDir = Path.Combine(devRoot, "serial", "by-id");
        if (port.StartsWith(byIdDir + "/", StringComparison.Ordinal)) return port;
        if (Native.ResolvePath(port) is not { } real) return port;
        return PortScanner.ByIdLinks(devRoot).GetValueOrDefault(real) ?? port;
    }
}
