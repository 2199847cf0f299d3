using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Benchmarks;

/// <summary>
/// The baud ladder's cost and outcome per adapter and cable (<c>baud</c> case): a virtual chip with
/// the wire model on (real clock, so refused rates cost their real timeouts) over a real pty, the
/// CLI's default options (no --baud), one connect and a 256 KiB backup that must equal the flash.
/// "ladder" is the wall time from 115200 to the rate that held (every rate tried and proven);
/// "read" the wall time of the backup, step-downs included.
/// </summary>
public static class BaudBench
{
    private const uint Length = 0x40000;

    private sealed record Case(string Name, ChipFamily Family, string Adapter, string Cable, int? Remembered = null);

    private static readonly Case[] Cases =
    [
        new("N, good cable, any adapter", ChipFamily.BK7231N, "any", "good"),
        new("N, FT232R", ChipFamily.BK7231N, "ft232r", "good"),
        new("N, CH340", ChipFamily.BK7231N, "ch340", "good"),
        new("N, CP2102", ChipFamily.BK7231N, "cp2102", "good"),
        new("N, CP2102, remembered 921600", ChipFamily.BK7231N, "cp2102", "good", 921600),
        new("N, 16550", ChipFamily.BK7231N, "16550", "good"),
        new("N, cable bad above 1.5 M", ChipFamily.BK7231N, "any", "bad@1500000"),
        new("N, cable bad above 921600 mid-read", ChipFamily.BK7231N, "any", "bad@921600:100000"),
        new("T, good cable", ChipFamily.BK7231T, "any", "good"),
        new("BK7238 (maximum unknown)", ChipFamily.BK7238, "any", "good"),
    ];

    public static int Run()
    {
        Console.WriteLine($"baud ladder: wire model on (real clock), default ConnectOptions (no --baud), {Length / 1024} KiB backup from 0");
        Console.WriteLine($"{"case",-36} {"chosen",9} {"ladder",8} {"step-downs",11} {"read",8}  verified");
        var bad = 0;
        foreach (var c in Cases)
        {
            using var sim = SimHost.Start(new SimOptions
            {
                Family = c.Family, WireModel = true, Adapter = AdapterModel.Parse(c.Adapter), Cable = CableModel.Parse(c.Cable),
            });
            using var port = SerialPort.Open(sim.PtyPath);
            using var session = ChipSession.Connect(port, new ConnectOptions { ReadMac = false, StartBaud = c.Remembered });
            var read = Stopwatch.StartNew();
            var data = session.Read(0, Length);
            read.Stop();
            var ok = data.AsSpan().SequenceEqual(sim.Chip.Flash.Read(0, (int)Length));
            if (!ok) bad++;
            var steps = session.StepDowns == 0 ? "0" : $"{session.StepDowns} ({session.StepDownTime.TotalSeconds:0.00} s)";
            Console.WriteLine($"{c.Name,-36} {session.Info.Baud,9} {session.LadderTime.TotalSeconds,6:0.00} s {steps,11} {read.Elapsed.TotalSeconds,6:0.00} s  {(ok ? "yes" : "NO")}");
        }
        return bad == 0 ? 0 : 1;
    }
}
