using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Benchmarks;

/// <summary>
/// What the collateral check (docs/link-and-faults.md) costs (<c>collateral</c> case): the same write
/// with the check on and off against the virtual BK7231N's wire model on a manual clock, at 921,600
/// baud — modelled seconds (bytes on the wire plus the chip's CRC work), CheckCRC requests, bytes.
/// </summary>
public static class CollateralBench
{
    public static int Run()
    {
        Console.WriteLine("write                          check  modelled   CheckCRC  host→chip  chip→host  extra");
        foreach (var (name, start, length) in new (string, uint, int)[]
                 { ("4 KiB RF sector @0x1D0000", 0x1D0000, 0x1000), ("256 KiB @0x20000", 0x20000, 0x40000), ("1.1 MB app @0x11000", 0x11000, 1_100_000) })
        {
            var data = new byte[length];
            new Random(length).NextBytes(data);
            var off = Measure(start, data, check: false);
            var on = Measure(start, data, check: true);
            Print(name, "off", off, "");
            Print(name, "on", on, $"+{on.Seconds - off.Seconds:0.000} s, +{on.Crcs - off.Crcs} CheckCRC, +{on.In - off.In + on.Out - off.Out} wire bytes");
        }
        return 0;
    }

    private sealed record Cost(double Seconds, long Crcs, long In, long Out);

    private static void Print(string name, string check, Cost c, string extra) =>
        Console.WriteLine($"{name,-30} {check,-6} {c.Seconds,7:0.000} s  {c.Crcs,8}  {c.In,9}  {c.Out,9}  {extra}");

    private static Cost Measure(uint start, byte[] data, bool check)
    {
        using var sim = SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, Image = ImageSynthesizer.Create(ChipFamily.BK7231N), WireModel = true, Clock = new ManualSimClock() });
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, new ConnectOptions
        {
            Baud = 921600, BaudLadder = [921600], ReadMac = false, Timeouts = WireBench.LoadedMachine, CollateralCheck = check,
        });
        var (t0, crcs0, in0, out0) = (sim.Chip.ModelledSeconds, s.Client.Crcs, sim.Chip.BytesReceived, sim.Chip.BytesSent);
        s.Write(start, data);
        return new Cost(sim.Chip.ModelledSeconds - t0, s.Client.Crcs - crcs0, sim.Chip.BytesReceived - in0, sim.Chip.BytesSent - out0);
    }
}
