using BkTui.Core.Monitor;
using BkTui.Core.Serial;

namespace BkTui.Core.Jobs;

/// <summary>
/// After a reboot: listens on the port at the boot-log rate for the first MAC the firmware prints.
/// One small call, so the boot-proof listener can replace it (docs/identity.md).
/// </summary>
internal static class BootMacProbe
{
    /// <summary>How long to wait for the first line of output after the reboot.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(20);

    /// <summary>How long a talking firmware may take to print its MAC.</summary>
    public static readonly TimeSpan Talking = TimeSpan.FromSeconds(45);

    /// <summary>The MAC seen ("aa:bb:…", lower case), or null when none was printed (silence, or no MAC line in time).</summary>
    public static string? Listen(string port, CancellationToken cancel)
    {
        using var heard = new ManualResetEventSlim();
        using var done = new ManualResetEventSlim();
        string? mac = null;
        try
        {
            using var monitor = SerialMonitor.Open(port, (_, facts) =>
            {
                heard.Set();
                if (mac is null && facts.FirstOrDefault(f => f.Kind == BootFactKind.Mac) is { } f)
                {
                    mac = f.Value;
                    done.Set();
                }
            }, _ => { heard.Set(); done.Set(); });
            if (heard.Wait(Silence, cancel)) done.Wait(Talking, cancel);
        }
        catch (SerialException) { return null; } // the port went away after the reboot: nothing confirmed
        return mac;
    }
}
