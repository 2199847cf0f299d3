namespace BkTui.Core.Serial;

/// <summary>What to tell the user when a port cannot be had: the usual bench culprits, named.</summary>
internal static class PortAdvice
{
    public static string Permission() =>
        "Add your user to the dialout group (sudo usermod -aG dialout $USER), then log out and back in. " +
        "Right after plugging in, udev may still be setting permissions: wait a second and retry.";

    public static string Missing(string path)
    {
        var name = Path.GetFileName(path);
        var hint = "Run `bktui ports` to see the adapters that are plugged in.";
        if (name.StartsWith("ttyUSB", StringComparison.Ordinal))
            hint += " A CH340 (1a86:7523) that vanishes right after plugging in was probably taken by brltty: sudo apt remove brltty.";
        return hint;
    }

    /// <summary>A hint for known port grabbers, or null when the holder is nothing special.</summary>
    public static string? ForHolder(string path, string? processName)
    {
        if (processName is not null && processName.Contains("brltty", StringComparison.OrdinalIgnoreCase))
            return "brltty (braille display daemon) grabs CH340 adapters: sudo apt remove brltty.";
        if (processName is not null && processName.Contains("ModemManager", StringComparison.OrdinalIgnoreCase))
            return "ModemManager probes ttyACM ports: stop it (sudo systemctl stop ModemManager) or add a udev rule with ENV{ID_MM_DEVICE_IGNORE}=\"1\".";
        if (processName is null && Path.GetFileName(path).StartsWith("ttyACM", StringComparison.Ordinal))
            return "ModemManager may be probing it: sudo systemctl stop ModemManager, then retry.";
        return null;
    }
}
