using System.Runtime.InteropServices;

namespace BkTui.Benchmarks;

/// <summary>
/// Per-frame measurements that separate what a frame costs from what the machine did to it: wall
/// time, the UI thread's own CPU time (CLOCK_THREAD_CPUTIME_ID: a frame that waited for a core shows
/// wall ≫ CPU), bytes allocated on the thread and collections during the frame.
/// </summary>
internal static class FrameClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>This thread's CPU time in milliseconds (0 where the clock is missing).</summary>
    public static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var t) != 0) return 0;
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    /// <summary>The 1-minute load average, as the docs quote it with every number.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static double Percentile(double[] sorted, int percent) => sorted[Math.Min(sorted.Length - 1, sorted.Length * percent / 100)];
}
