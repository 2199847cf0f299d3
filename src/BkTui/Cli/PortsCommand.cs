using System.CommandLine;
using System.Text;
using BkTui.Core.Serial;

namespace BkTui.Cli;

/// <summary><c>bktui ports [--json]</c>: every serial port, found from sysfs without opening any.</summary>
internal static class PortsCommand
{
    /// <summary>The JSON shape, one object per port; key names are part of the CLI contract.</summary>
    internal sealed record PortJson(string Path, string? ById, string? Driver, string? Vid, string? Pid,
        string? Serial, string? Product, bool Busy, int? HolderPid);

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        // Hidden: point the scan at another tree (tests, debugging a copied /sys).
        var sysRoot = new Option<string>("--sys-root") { Hidden = true, DefaultValueFactory = _ => "/sys" };
        var devRoot = new Option<string>("--dev-root") { Hidden = true, DefaultValueFactory = _ => "/dev" };
        var cmd = new Command("ports", "List serial ports: path, by-id name, driver, USB VID:PID, serial, product, busy/free.");
        cmd.Options.Add(json);
        cmd.Options.Add(sysRoot);
        cmd.Options.Add(devRoot);
        cmd.SetAction(pr =>
        {
            var ports = PortScanner.List(pr.GetValue(sysRoot)!, pr.GetValue(devRoot)!);
            if (pr.GetValue(json))
                CliJson.Write(ports.Select(p => new PortJson(p.Path, p.ById, p.Driver, p.Vid, p.Pid, p.Serial, p.Product, p.Busy, p.HolderPid)).ToList());
            else
                Console.Out.Write(Table(ports));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static string Table(IReadOnlyList<PortInfo> ports)
    {
        if (ports.Count == 0)
            return "No serial ports found. Plug in the USB-UART adapter; if it still does not show, check `dmesg | tail` (brltty grabbing a CH340?).\n";
        string[] header = ["PORT", "BY-ID", "DRIVER", "VID:PID", "SERIAL", "PRODUCT", "STATE"];
        var rows = ports.Select(p => new[]
        {
            p.Path,
            p.ById is null ? "-" : Path.GetFileName(p.ById),
            p.Driver ?? "-",
            p.VidPid ?? "-",
            p.Serial ?? "-",
            p.Product ?? "-",
            p.Busy ? $"busy ({p.HolderText ?? "holder unknown"})" : "free",
        }).ToList();
        var widths = header.Select((h, i) => rows.Max(r => r[i].Length) is var w && w > h.Length ? w : h.Length).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            sb.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        foreach (var p in ports.Where(p => p.SlowLatency))
            sb.AppendLine($"{p.Path}: USB latency timer {p.LatencyTimerMs} ms. BkTui sets 1 ms while it uses the port when it may write " +
                          "the setting (root or the udev rule in the README); otherwise every short reply waits that long.");
        return sb.ToString();
    }
}
