namespace BkTui.Core.Serial;

/// <summary>
/// The USB latency timer of FTDI adapters (ftdi_sio's <c>latency_timer</c> in sysfs): the adapter
/// holds received bytes until its buffer fills or this many milliseconds pass, 16 by default. The
/// bootloader protocol is request/reply, so the tail of every reply waits out the timer: a 2 MiB
/// backup makes 500 to 1000 round trips (a CRC per sector, a read per used one). BkTui lowers it
/// to 1 ms while it holds a port (when it may write the attribute) and puts the old value back.
/// </summary>
public static class LatencyTimer
{
    /// <summary>The value that makes short replies arrive at once.</summary>
    public const int FastMs = 1;

    /// <summary>Where a user sets it by hand (the path the README and the advice give).</summary>
    public static string UserPath(string portPath) =>
        $"/sys/bus/usb-serial/devices/{Path.GetFileName(Native.ResolvePath(portPath) ?? portPath)}/latency_timer";

    /// <summary>The sysfs attribute for the port behind <paramref name="portPath"/> (a by-id link is followed), or null when its driver has none.</summary>
    public static string? AttributePath(string portPath, string sysRoot = "/sys")
    {
        var real = Native.ResolvePath(portPath) ?? portPath;
        var file = Path.Combine(sysRoot, "class", "tty", Path.GetFileName(real), "device", "latency_timer");
        return File.Exists(file) ? file : null;
    }

    /// <summary>The timer in ms, or null when the port has none (not FTDI, a pty, an on-board UART).</summary>
    public static int? Read(string portPath, string sysRoot = "/sys") =>
        AttributePath(portPath, sysRoot) is { } file && TryRead(file, out var ms) ? ms : null;

    /// <summary>
    /// Sets the timer to <see cref="FastMs"/> when it is higher and the attribute is writable.
    /// Returns the previous value to restore, or null when nothing was changed.
    /// </summary>
    public static int? Lower(string portPath, string sysRoot = "/sys")
    {
        if (AttributePath(portPath, sysRoot) is not { } file || !TryRead(file, out var before) || before <= FastMs) return null;
        return TryWrite(file, FastMs) ? before : null;
    }

    /// <summary>Puts back a value <see cref="Lower"/> returned (best effort: the adapter may be gone).</summary>
    public static void Restore(string portPath, int ms, string sysRoot = "/sys")
    {
        if (AttributePath(portPath, sysRoot) is { } file) TryWrite(file, ms);
    }

    private static bool TryRead(string file, out int ms)
    {
        ms = 0;
        try { return int.TryParse(File.ReadAllText(file).Trim(), out ms); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static bool TryWrite(string file, int ms)
    {
        try { File.WriteAllText(file, $"{ms}\n"); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
