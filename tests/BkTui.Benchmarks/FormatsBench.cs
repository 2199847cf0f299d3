using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Benchmarks;

/// <summary>
/// "analyze": DumpAnalyzer time per 2 MiB dump over the real dumps (median and max of per-dump
/// medians, 15 runs each after a warm-up). "fuzz [count]": analyzer + inspector + converter over
/// mutated real and synthetic dumps; reports the count, failures and the slowest input.
/// </summary>
public static class FormatsBench
{
    public static int Analyze()
    {
        var dumps = LoadRealDumps();
        if (dumps.Count == 0) { Console.WriteLine("../shared/dumps not found: nothing to measure"); return 1; }
        const int Runs = 15;
        var perDump = new List<(string Name, double Median, double Max, double Cpu)>();
        var process = Process.GetCurrentProcess();
        foreach (var (name, data) in dumps)
        {
            DumpAnalyzer.Analyze(data); // warm-up (JIT, tables)
            var times = new List<double>();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            for (var i = 0; i < Runs; i++)
            {
                var t = Stopwatch.GetTimestamp();
                DumpAnalyzer.Analyze(data);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            process.Refresh();
            // CPU time tells the work apart from waiting for a core on a shared, loaded machine.
            var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / Runs;
            times.Sort();
            perDump.Add((name, times[Runs / 2], times[^1], cpu));
        }
        var medians = perDump.Select(p => p.Median).Order().ToList();
        var full = perDump.Count(p => dumps.First(d => d.Name == p.Name).Data.Length == 0x200000);
        foreach (var p in perDump) Console.WriteLine($"  {p.Name,-60} median {p.Median,6:0.00} ms  max {p.Max,6:0.00} ms  cpu {p.Cpu,6:0.0} ms");
        var cpus = perDump.Select(p => p.Cpu).Order().ToList();
        Console.WriteLine($"analyze: {perDump.Count} real dumps ({full} of 2 MiB), {Runs} runs each, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: " +
                          $"wall median {medians[medians.Count / 2]:0.00} ms/dump, worst per-dump median {medians[^1]:0.00} ms, max single run {perDump.Max(p => p.Max):0.00} ms; " +
                          $"CPU median {cpus[cpus.Count / 2]:0.0} ms/dump, max {cpus[^1]:0.0} ms");
        return 0;
    }

    public static int Fuzz(string[] args)
    {
        var count = args.Length > 1 && int.TryParse(args[1], out var c) ? Math.Max(1, c) : 2000;
        var seeds = LoadRealDumps().Select(d => d.Data).ToList();
        foreach (var f in new[] { ChipFamily.BK7231N, ChipFamily.BK7231T, ChipFamily.BK7231M, ChipFamily.BK7238 })
            seeds.Add(FlashImageBuilder.Build(new FlashImageSpec { Family = f, IncludeObkConfig = true }));
        var rng = new Random(42);
        var failures = 0;
        double slowest = 0;
        var all = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var input = DumpMutator.Mutate(seeds[rng.Next(seeds.Count)], rng);
            var t = Stopwatch.GetTimestamp();
            try
            {
                var report = DumpAnalyzer.Analyze(input);
                if (report.Quality.Problems.FirstOrDefault(p => p.Code == DumpAnalyzer.AnalysisErrorCode) is { } bug)
                    throw new InvalidOperationException(bug.Message);
                _ = report.ToJson();
                var image = FirmwareInspector.Inspect(input);
                if (image.Kind is FirmwareKind.App or FirmwareKind.Qio && image.KeyWords is not null)
                    try { ImageKeyConverter.Convert(input, EfuseKey.Zero); } catch (ImageConversionException) { }
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"input {i}: {e.GetType().Name}: {e.Message}");
            }
            slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine($"fuzz: {count} mutated inputs from {seeds.Count} seeds in {all.Elapsed.TotalSeconds:0.0} s, {failures} exceptions, slowest input {slowest:0} ms");
        return failures == 0 ? 0 : 1;
    }

    private static List<(string Name, byte[] Data)> LoadRealDumps()
    {
        var dir = BenchPaths.SharedDumps();
        if (dir is null) return [];
        return Directory.GetFiles(dir, "*.bin").Order(StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
    }
}
