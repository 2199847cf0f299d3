using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BkTui.Simulator;

/// <summary>
/// The simulator's notion of time, in seconds. The wire model computes absolute target times and
/// waits for them, so sleep overshoot never accumulates. Tests use <see cref="ManualSimClock"/>,
/// where waiting just moves time forward and every modelled duration is exact.
/// </summary>
public interface ISimClock
{
    double Now { get; }

    /// <summary>Returns once <see cref="Now"/> ≥ <paramref name="target"/> (or at once if already past).</summary>
    void WaitUntil(double target, CancellationToken cancel);
}

/// <summary>Wall clock from <see cref="Stopwatch"/>; sleeps to absolute targets.</summary>
public sealed partial class StopwatchSimClock : ISimClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public double Now => (Stopwatch.GetTimestamp() - _origin) / (double)Stopwatch.Frequency;

    public void WaitUntil(double target, CancellationToken cancel)
    {
        // Long waits sleep on the cancel handle (millisecond grain); the last ~1.5 ms is slept with
        // nanosleep, which wakes within the kernel's timer slack (~50 µs). A millisecond overshoot
        // would cost ~4% of a 4 KiB reply at 1.5 Mbaud, and spinning instead would starve the other
        // virtual chips of a multi-port bench on a small machine.
        while (true)
        {
            double left = target - Now;
            if (left <= 0) return;
            if (left > 0.0015)
            {
                int ms = (int)Math.Min(200, left * 1000 - 1);
                if (cancel.WaitHandle.WaitOne(ms)) cancel.ThrowIfCancellationRequested();
            }
            else
            {
                cancel.ThrowIfCancellationRequested();
                var req = new Timespec { Seconds = 0, Nanoseconds = (nint)(left * 1e9) };
                _ = nanosleep(in req, out _);
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public nint Seconds;      // time_t: the word size on every target (x86-64, arm64, armhf)
        public nint Nanoseconds;  // long
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int nanosleep(in Timespec request, out Timespec remaining);
}

/// <summary>Deterministic clock for unit tests: time only moves when someone waits or advances it.</summary>
public sealed class ManualSimClock : ISimClock
{
    private long _nanos;

    public double Now => Interlocked.Read(ref _nanos) / 1e9;

    public void WaitUntil(double target, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        long t = (long)Math.Round(target * 1e9);
        long cur;
        do
        {
            cur = Interlocked.Read(ref _nanos);
            if (t <= cur) return;
        } while (Interlocked.CompareExchange(ref _nanos, t, cur) != cur);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _nanos, (long)(by.TotalSeconds * 1e9));
}
