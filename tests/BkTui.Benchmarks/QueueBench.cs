using System.Diagnostics;
using System.Text.RegularExpressions;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats;
using BkTui.Core.Jobs;
using BkTui.Simulator;

namespace BkTui.Benchmarks;

/// <summary>
/// The flash queue against the virtual chip's wire model over real ptys (<c>queue</c> case): whole
/// recipes (link, identify, read/write, verify, archive) as modelled time against the wire floor
/// (bytes × 10 / baud), and 1/2/4/8 ports in parallel as wall time against one port's, with the
/// queue's CPU time per MiB (the virtual chips run as separate <c>bktui sim</c> processes, so this
/// process's CPU is the queue's: serial I/O, CRCs, the archive). Targets: typical backup ≤ 0.7×
/// floor, re-backup ≤ 0.25× (issue 5), 8 ports ≤ 1.05× one port (issue 14).
/// </summary>
public static class QueueBench
{
    private const int Baud = 921600;
    private const int FlashSize = 0x200000;

    public static int Run()
    {
        var dumps = RealDumps();
        var root = Directory.CreateTempSubdirectory("bktui-queue-bench-").FullName;
        try
        {
            Console.WriteLine($"baud {Baud}; floor = bytes × 10 / baud; modelled = the simulator's wire-model clock for the whole job");
            var ratios = BackupEveryDump(dumps, root);
            var typical = dumps[MedianIndex(ratios)];
            Console.WriteLine();
            Console.WriteLine($"typical dump (the median above): {typical.Name}");
            Console.WriteLine("case                               modelled   floor     ratio    target");
            using var archive = DumpArchive.Open(Path.Combine(root, "typical"));
            using (var sim = Start(typical.Family, typical.Image))
            using (var q = Queue(archive))
            {
                Modelled("backup, typical dump", sim, q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup, Baud = Baud }, FlashSize, "≤ 0.70×");
                Modelled("re-backup, same device", sim, q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup, Baud = Baud }, FlashSize, "≤ 0.25×");
                var qio = Path.Combine(root, "same-app.bin");
                File.WriteAllBytes(qio, typical.Image.AsSpan(0, 0x129F70).ToArray()); // the chip's own bootloader + app: every sector matches
                Modelled("app write over an identical image", sim, q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Flash, FirmwarePath = qio, Baud = Baud },
                    0x129F70 - 0x11000, "(report)");
            }

            Console.WriteLine();
            Console.WriteLine("ports  wall (each port: backup of the typical dump, real-time wire model)  vs one port   queue CPU   per MiB backed up   per MiB on the wire");
            double one = 0;
            foreach (var n in new[] { 1, 2, 4, 8 })
            {
                var run = Parallel(archive, typical, n, root);
                if (n == 1) one = run.Wall;
                Console.WriteLine($"{n,5}  {run.Wall,7:0.00} s  {run.Wall / one,6:0.000}×{(n == 8 ? " (≤ 1.05×)" : "          ")}" +
                                  $"   {run.Cpu,6:0.00} s   {run.Cpu / (n * FlashSize / 1048576.0),7:0.000} s/MiB   {run.Cpu / run.WireMiB,7:0.000} s/MiB");
            }
            return 0;
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    /// <summary>
    /// A first backup of every real 2 MiB dump (each into a fresh archive, so none is differential):
    /// how far under the floor a backup gets depends on how much of the flash is erased.
    /// </summary>
    private static List<double> BackupEveryDump(IReadOnlyList<BenchDump> dumps, string root)
    {
        Console.WriteLine("first backup of each dump             erased   modelled   ratio");
        var ratios = new List<double>();
        foreach (var d in dumps)
        {
            using var archive = DumpArchive.Open(Path.Combine(root, $"each-{ratios.Count}"));
            using var sim = Start(d.Family, d.Image);
            using var q = Queue(archive);
            var t0 = sim.Chip.ModelledSeconds;
            var job = q.WhenFinished(q.Enqueue(new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup, Baud = Baud }).Id).GetAwaiter().GetResult();
            var modelled = sim.Chip.ModelledSeconds - t0;
            var ratio = modelled / (FlashSize * 10.0 / Baud);
            ratios.Add(ratio);
            var state = job.State == JobState.Done ? "" : $"   JOB {job.State.Word()}: {job.Error}";
            Console.WriteLine($"{Short(d.Name),-36} {d.ErasedFraction,6:P0}  {modelled,7:0.00} s  {ratio,6:0.000}×{state}");
        }
        var sorted = ratios.Order().ToList();
        Console.WriteLine($"{dumps.Count} dumps: median {sorted[MedianIndex(sorted)]:0.000}×, best {sorted[0]:0.000}×, worst {sorted[^1]:0.000}×  (target for a typical dump ≤ 0.70×)");
        return ratios;
    }

    private static int MedianIndex(IReadOnlyList<double> values) =>
        values.Select((v, i) => (v, i)).OrderBy(p => p.v).ElementAt((values.Count - 1) / 2).i;

    private static string Short(string name) => name.Length <= 36 ? name : name[..33] + "...";

    /// <summary>One parallel run of N ports (default 8) with the process's CPU time, for profiling (the first real dump, not the median: no full pass over all of them).</summary>
    public static int Ports(string[] args)
    {
        var n = args.Length > 1 ? int.Parse(args[1]) : 8;
        var dump = RealDumps()[0];
        var root = Directory.CreateTempSubdirectory("bktui-queue-bench-").FullName;
        try
        {
            using var archive = DumpArchive.Open(root);
            var run = Parallel(archive, dump, n, root);
            Console.WriteLine($"{n} ports: wall {run.Wall:0.00} s, queue CPU {run.Cpu:0.00} s ({run.Cpu / run.Wall:0.00} cores), {run.WireMiB:0.0} MiB on the wire");
            return 0;
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static SimHost Start(ChipFamily family, byte[] image) => SimHost.Start(new SimOptions
    {
        Family = family, Image = image.ToArray(), WireModel = true, Clock = new ManualSimClock(),
    });

    private static JobQueue Queue(DumpArchive archive) =>
        new(new SerialJobConnector(new ConnectOptions { Baud = Baud, BaudLadder = [Baud] }), archive, new JobQueueOptions());

    private static void Modelled(string name, SimHost sim, JobQueue q, JobRequest request, long payload, string target)
    {
        var t0 = sim.Chip.ModelledSeconds;
        var job = q.WhenFinished(q.Enqueue(request).Id).GetAwaiter().GetResult();
        var modelled = sim.Chip.ModelledSeconds - t0;
        var floor = payload * 10.0 / Baud;
        var state = job.State == JobState.Done ? "" : $"   JOB {job.State.Word()}: {job.Error}";
        Console.WriteLine($"{name,-34} {modelled,6:0.00} s  {floor,6:0.00} s  {modelled / floor,6:0.000}×  {target}{state}");
    }

    private sealed record ParallelRun(double Wall, double Cpu, double WireMiB);

    /// <summary>
    /// N virtual chips (each its own <c>bktui sim</c> process) backed up at once, one worker per port:
    /// wall time, this process's CPU time meanwhile, and the MiB the reads moved (from their tallies).
    /// </summary>
    private static ParallelRun Parallel(DumpArchive archive, BenchDump dump, int n, string scratch)
    {
        var sims = Enumerable.Range(0, n).Select(_ => SimProcess.Start(dump.Family, WithMac(dump, _nextMac++), scratch)).ToList();
        try
        {
            using var q = Queue(archive);
            long sectorsRead = 0;
            q.Changed += e =>
            {
                if (e.Kind == JobEventKind.Log && e.Message is { } m && Regex.Match(m, @"(\d+) sectors read,") is { Success: true } t)
                    Interlocked.Add(ref sectorsRead, long.Parse(t.Groups[1].Value));
            };
            var wall = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            if (Environment.GetEnvironmentVariable("BKTUI_BENCH_TRACE") == "1")
                q.Changed += e => { if (e.Kind is JobEventKind.Step or JobEventKind.Log) Console.WriteLine($"{wall.Elapsed.TotalSeconds,7:0.000} {e.Job.Port} {e.Kind} {e.Job.Step} {e.Message}"); };
            var jobs = sims.Select(s => q.Enqueue(new JobRequest { Port = s.PtyPath, Recipe = Recipe.Backup, Baud = Baud })).ToList();
            foreach (var j in jobs)
            {
                var done = q.WhenFinished(j.Id).GetAwaiter().GetResult();
                if (done.State != JobState.Done) Console.WriteLine($"  job on {done.Port}: {done.State.Word()} {done.Error}");
            }
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            return new ParallelRun(wall.Elapsed.TotalSeconds, cpu, sectorsRead * 4096 / 1048576.0);
        }
        finally { foreach (var s in sims) s.Dispose(); }
    }

    /// <summary>Each parallel chip gets its own MAC (so each is a new device: full reads, not differential).</summary>
    private static int _nextMac;

    private static byte[] WithMac(BenchDump dump, int i)
    {
        var copy = dump.Image.ToArray();
        var rf = ChipProfiles.For(dump.Family).RfOffset;
        if (copy.AsSpan((int)rf, 4).SequenceEqual("TLV\0"u8)) copy[rf + 0x24 + 5] = (byte)(0x40 + i);
        return copy;
    }

    private sealed record BenchDump(string Name, byte[] Image, ChipFamily Family)
    {
        public double ErasedFraction => Enumerable.Range(0, Image.Length / 4096)
            .Count(i => !Image.AsSpan(i * 4096, 4096).ContainsAnyExcept((byte)0xFF)) / (Image.Length / 4096.0);
    }

    /// <summary>Every 2 MiB BK7231N/T dump in ../shared/dumps (or one synthesized image without them).</summary>
    private static List<BenchDump> RealDumps()
    {
        var found = new List<BenchDump>();
        if (BenchPaths.SharedDumps() is { } dir)
            foreach (var path in Directory.GetFiles(dir, "*.bin").Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(path);
                if (bytes.Length != FlashSize) continue;
                var family = Enum.TryParse<ChipFamily>(DumpAnalyzer.Analyze(bytes).Chip.Family, out var f) ? f : ChipFamily.BK7231N;
                found.Add(new BenchDump(Path.GetFileName(path), bytes, family));
            }
        if (found.Count > 0) return found;
        Console.WriteLine("../shared/dumps absent: using the simulator's synthesized BK7231N image");
        return [new BenchDump("synthesized BK7231N", ImageSynthesizer.Create(ChipFamily.BK7231N), ChipFamily.BK7231N)];
    }
}
