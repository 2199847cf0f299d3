using System.CommandLine;
using System.Runtime.InteropServices;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Simulator;

namespace BkTui.Cli;

/// <summary><c>bktui sim</c>: a virtual chip on a real pty until SIGINT/SIGTERM. First stdout line: <c>PTY &lt;path&gt;</c>.</summary>
internal static class SimCommand
{
    public static Command Create()
    {
        var chip = new Option<string>("--chip") { Description = "Chip family: BK7231T, BK7231N, BK7231M (BL2028N), BK7231U, BK7238, BK7252.", Required = true };
        var image = new Option<string?>("--image") { Description = "Serve this flash dump instead of a synthesized image." };
        var persist = new Option<bool>("--persist") { Description = "Write every erase/program back to the --image file." };
        var key = new Option<string?>("--efuse-key") { Description = "eFuse key: tuya, zero or 32 hex digits (default: the family's; BK7231M zero, N/T Tuya)." };
        var faults = new Option<string?>("--faults") { Description = "Comma list: drop@N, flip@N, stall@N:MS, reset@N, unplug@N (N = reply bytes sent), rxdrop@N, rxflip@N (N = bytes received), addrflip@erase|write|read#K:BIT (address bit BIT of the K-th such command), random:RATE:SEED." };
        var vendorMac = new Option<string?>("--vendor-mac") { Description = "The MAC the original (vendor) firmware keeps in its own storage and prints at boot when the RF sector holds only a placeholder." };
        var link = new Option<string?>("--link") { Description = "Also create this symlink to the pty." };
        var noWire = new Option<bool>("--no-wire-model") { Description = "Serve at full speed (no byte pacing, no modelled flash time)." };
        var window = new Option<int?>("--link-window") { Description = "Milliseconds the chip listens for LinkCheck after a reset (default from profiles/sim-timing.yaml)." };
        var tx2 = new Option<bool>("--log-on-tx2") { Description = "Send the boot log to a second pty, the chip's TX2 (printed as 'TX2 <path>'), as most real firmware does." };
        var adapter = new Option<string?>("--adapter") { Description = "Adapter model: any (default), 16550 (115200), cp2102 (921600), ch340 (2000000), ft232r (3000000), ch343 (6000000)." };
        var cable = new Option<string?>("--cable") { Description = "good (default), or bad@RATE[:FROM]: replies above RATE baud lose bits (from reply byte FROM on)." };
        var verbose = new Option<bool>("--verbose") { Description = "Print chip events (resets, link, baud, faults) to stderr." };
        var cmd = new Command("sim", "Run a virtual BK72xx chip on a pseudo-terminal (prints 'PTY <path>' first).");
        foreach (var o in new Option[] { chip, image, persist, key, faults, link, noWire, window, tx2, adapter, cable, verbose, vendorMac }) cmd.Options.Add(o);
        cmd.SetAction(pr => Run(pr.GetValue(chip)!, pr.GetValue(image), pr.GetValue(persist), pr.GetValue(key), pr.GetValue(faults),
            pr.GetValue(link), pr.GetValue(noWire), pr.GetValue(window), pr.GetValue(verbose), pr.GetValue(tx2), pr.GetValue(adapter), pr.GetValue(cable), pr.GetValue(vendorMac)));
        return cmd;
    }

    private static int Run(string chipName, string? image, bool persist, string? keyText, string? faultSpec, string? link,
        bool noWire, int? windowMs, bool verbose, bool logOnTx2, string? adapterName, string? cableSpec, string? vendorMac)
    {
        SimOptions options;
        try
        {
            var profile = ChipProfiles.Find(chipName);
            EfuseKey? key = null;
            if (keyText is not null) key = EfuseKey.Parse(keyText);
            if (persist && image is null) throw new ArgumentException("--persist needs --image FILE (the file to write back to).");
            if (windowMs is < 0 or > 600_000) throw new ArgumentException("--link-window must be between 0 and 600000 ms.");
            if (vendorMac is not null && !MacAddress.TryParse(vendorMac, out _)) throw new ArgumentException($"--vendor-mac: '{vendorMac}' is not a MAC address (e.g. D8:1F:12:34:56:78).");
            options = new SimOptions
            {
                Family = profile.Family, ImagePath = image, Persist = persist, EfuseKey = key,
                Faults = FaultPlan.Parse(faultSpec), Adapter = AdapterModel.Parse(adapterName), Cable = CableModel.Parse(cableSpec), WireModel = !noWire, LinkPath = link, LogOnTx2 = logOnTx2, VendorMac = vendorMac,
                LinkWindow = windowMs is null ? null : TimeSpan.FromMilliseconds(windowMs.Value),
                Trace = verbose ? line => Console.Error.WriteLine(line) : null,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"sim: {e.Message}");
            return ExitCodes.Usage;
        }

        SimHost host;
        try
        {
            host = SimHost.Start(options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sim: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (host)
        {
            Console.Out.WriteLine($"PTY {host.PtyPath}");
            if (host.Tx2Path is { } tx2Path) Console.Out.WriteLine($"TX2 {tx2Path}");
            Console.Out.Flush();
            var c = host.Chip;
            Console.Error.WriteLine($"sim: {c.Profile.Family} ({c.Flash.Size / 1024} KiB flash, key {c.Key.Verdict}, up to {c.MaxBaud} baud, adapter {options.Adapter.Name}, cable {options.Cable}, wire model {(options.WireModel ? "on" : "off")})"
                + $" on {host.PtyPath}{(host.LinkPath is null ? "" : $" (link {host.LinkPath})")}. Ctrl+C to stop.");
            using var stop = new ManualResetEventSlim();
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Set(); });
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Set(); });
            bool reportedUnplug = false;
            while (!stop.Wait(200))
            {
                if (host.Unplugged && !reportedUnplug)
                {
                    reportedUnplug = true;
                    Console.Error.WriteLine("sim: unplug fault fired: the pty is closed (hosts see a hang-up). Ctrl+C to exit.");
                }
            }
        }
        return ExitCodes.Ok;
    }
}
