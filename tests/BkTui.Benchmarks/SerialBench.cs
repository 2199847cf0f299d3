using System.Diagnostics;
using BkTui.Core.Serial;

namespace BkTui.Benchmarks;

/// <summary>
/// The serial layer's own cost over a real pty (no wire model): bulk throughput both ways,
/// 1-byte round trip, read-timeout accuracy and cancel latency. `dotnet run -c Release --project tests/BkTui.Benchmarks -- serial`
/// </summary>
internal static class SerialBench
{
    private const int Bulk = 2 * 1024 * 1024;

    public static int Run()
    {
        using var pty = PseudoTerminal.Open();
        using var port = SerialPort.Open(pty.SlavePath, 2_000_000);
        var data = new byte[Bulk];
        new Random(1).NextBytes(data);

        Report("host→chip 2 MiB", Repeat(7, () => Transfer(data, port.Write, buf => pty.Read(buf, TimeSpan.FromSeconds(1)))), ms => $"{Bulk / 1048576.0 / (ms / 1000):0} MiB/s");
        Report("chip→host 2 MiB", Repeat(7, () => Transfer(data, d => pty.Write(d), buf => port.Read(buf, TimeSpan.FromSeconds(1)))), ms => $"{Bulk / 1048576.0 / (ms / 1000):0} MiB/s");
        Report("1-byte round trip", RoundTrips(pty, port, 2000), _ => "");
        Report("Read(timeout 50 ms), no data", Repeat(10, () => Time(() => port.Read(new byte[1], TimeSpan.FromMilliseconds(50)))), _ => "");
        Report("cancel → blocked Read returns", Repeat(10, () => CancelLatency(port)), _ => "");
        return 0;
    }

    private static double Transfer(byte[] data, Action<ReadOnlySpan<byte>> send, Func<byte[], int> receive)
    {
        var clock = Stopwatch.StartNew();
        var writer = new Thread(() => send(data));
        writer.Start();
        var buf = new byte[65536];
        long got = 0;
        while (got < data.Length)
        {
            int n = receive(buf);
            if (n == 0) throw new InvalidOperationException($"stalled after {got} bytes");
            got += n;
        }
        writer.Join();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static List<double> RoundTrips(PseudoTerminal pty, SerialPort port, int count)
    {
        using var stop = new CancellationTokenSource();
        var echo = new Thread(() =>
        {
            var b = new byte[64];
            try { while (true) { int n = pty.Read(b, Timeout.InfiniteTimeSpan, stop.Token); pty.Write(b.AsSpan(0, n)); } }
            catch (OperationCanceledException) { }
        });
        echo.Start();
        var times = new List<double>();
        var one = new byte[1];
        for (int i = 0; i < count; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            port.Write([(byte)i]);
            if (port.Read(one, TimeSpan.FromSeconds(1)) != 1) throw new InvalidOperationException("echo lost");
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        stop.Cancel();
        echo.Join();
        return times;
    }

    private static double CancelLatency(SerialPort port)
    {
        using var cts = new CancellationTokenSource();
        long cancelledAt = 0;
        var reader = new Thread(() =>
        {
            try { port.Read(new byte[1], Timeout.InfiniteTimeSpan, cts.Token); }
            catch (OperationCanceledException) { }
        });
        reader.Start();
        Thread.Sleep(20);
        cancelledAt = Stopwatch.GetTimestamp();
        cts.Cancel();
        reader.Join();
        return Stopwatch.GetElapsedTime(cancelledAt).TotalMilliseconds;
    }

    private static double Time(Action a)
    {
        var clock = Stopwatch.StartNew();
        a();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static List<double> Repeat(int n, Func<double> run) => Enumerable.Range(0, n).Select(_ => run()).ToList();

    private static void Report(string what, List<double> ms, Func<double, string> extra)
    {
        ms.Sort();
        double median = ms[ms.Count / 2], p99 = ms[(int)Math.Min(ms.Count - 1, Math.Ceiling(ms.Count * 0.99) - 1)];
        Console.WriteLine($"{what,-32} median {median,8:0.000} ms  p99 {p99,8:0.000} ms  min {ms[0],8:0.000} ms  {extra(median)}");
    }
}
