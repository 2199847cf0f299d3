using System.Diagnostics;
using BkTui.Core.Serial;

namespace BkTui.Benchmarks;

/// <summary>
/// What one look at the ports costs, which the workstation repeats every
/// <c>PortsPane.PollInterval</c> while it is open: the sysfs scan with its holder check, and the
/// holder check alone for a free pty and one held by flock (how the demo's ports are looked at).
/// `dotnet run -c Release --project tests/BkTui.Benchmarks -- ports`
/// </summary>
internal static class PortsBench
{
    private const int Runs = 200;

    public static int Run()
    {
        int processes = Directory.EnumerateDirectories("/proc").Count(d => int.TryParse(Path.GetFileName(d), out _));
        Console.WriteLine($"{processes} processes in /proc, {PortScanner.List().Count} serial ports in /sys");
        Report("PortScanner.List (sysfs + holders)", () => PortScanner.List());

        using var pty = PseudoTerminal.Open();
        // A free port is the dear case: no flock names a holder, so every process's open files are read.
        Report("holders of one free pty (/proc/locks + /proc/*/fd)", () => PortHolders.Snapshot().HolderOf(pty.SlavePath));
        using var held = SerialPort.Open(pty.SlavePath, 115200); // takes its flock, as a running job does
        Report("holders of one flock-held pty (/proc/locks)", () => PortHolders.Snapshot().HolderOf(pty.SlavePath));
        return 0;
    }

    private static void Report(string what, Action look)
    {
        look(); // warm-up: JIT and the page cache
        var ms = new List<double>();
        double cpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        for (int i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            look();
            ms.Add(clock.Elapsed.TotalMilliseconds);
        }
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - cpuBefore) / Runs;
        ms.Sort();
        Console.WriteLine($"{what}: median {ms[Runs / 2]:0.00} ms, p90 {ms[Runs * 9 / 10]:0.00} ms, CPU {cpu:0.00} ms per look " +
                          $"({cpu / 2000 * 100:0.00}% of one core at one look per 2 s)");
    }
}
