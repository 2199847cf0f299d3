using BkTui.Core.Monitor;
using BkTui.Core.Serial;

namespace BkTui.Core.Jobs;

/// <summary>
/// After a reboot: listens on the port at the boot-log rate for the first MAC the firmware prints.
/// One small call, so the boot-proof listener can replace it (docs/identity.md).
/// </summary>
internal static class BootMacProbe
{
    /// <summary>The MAC seen ("aa:bb:…", lower case), or null when none was printed within <paramref name="window"/>.</summary>
    public static string? Listen(string port, TimeSpan window, CancellationToken cancel)
    {
        using var seen = new ManualResetEventSlim();
        string? mac = null;
        try
        {
            using var monitor = SerialMonitor.Open(port, (_, facts) =>
            {
                if (mac is null && facts.FirstOrDefault(f => f.Kind == BootFactKind.Mac) is { } f)
                {
                    mac = f.Value;
                    seen.Set();
                }
            }, _ => seen.Set());
            seen.Wait(window, cancel);
        }
        catch (SerialException) { return null; } // the port went away after the reboot: nothing confirmed
        return mac;
    }
}
