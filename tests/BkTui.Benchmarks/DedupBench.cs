using System.Text.RegularExpressions;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats;
using BkTui.Core.Jobs;
using BkTui.Simulator;

namespace BkTui.Benchmarks;

/// <summary>
/// Dedup on the wire (<c>dedup</c> case): the backup job of a second unit of a product whose first
/// unit's dump is archived (imported from ../shared/dumps), against a virtual chip holding the second
/// dump, on the wire model's manual clock. Modelled time of the whole job (link, identify, read,
/// archive) against the wire floor of 2 MiB; target ≤ 0.30×. The same job into an empty archive
/// is the reference (erased sectors skipped, nothing else).
/// </summary>
public static class DedupBench
{
    private const int Baud = 921600;

    /// <summary>Pairs of real dumps of one product (first archived, second on the chip).</summary>
    private static readonly (string First, string Second)[] Pairs =
    [
        ("SmartLED-8044-1-Gange-Smart-Switch.bin", "SmartLED-8046-2-Gang-Smart-Switch.bin"),
        ("SmartLED-8046-2-Gang-Smart-Switch.bin", "SmartLED-8044-1-Gange-Smart-Switch.bin"),
        ("BK7231N_LSPA9_Clone_First_ByDarkMan-topic3887748.bin", "BK7231N_LSPA9_Clone_Second_ByDarkMan-topic3887748.bin"),
    ];

    public static int Run()
    {
        if (BenchPaths.SharedDumps() is not { } dir)
        {
            Console.WriteLine("dedup: ../shared/dumps is absent; this benchmark needs the real dump pairs.");
            return 2;
        }
        Console.WriteLine($"baud {Baud}; floor = 2 MiB × 10 / baud = {0x200000 * 10.0 / Baud:0.00} s; modelled = the whole backup job on the wire model's clock");
        Console.WriteLine("second unit (first one archived)              family    differ  empty archive    with the first archived   sectors read / taken / erased");
        foreach (var (first, second) in Pairs)
        {
            var a = File.ReadAllBytes(Path.Combine(dir, first));
            var b = File.ReadAllBytes(Path.Combine(dir, second));
            var family = Enum.TryParse<ChipFamily>(DumpAnalyzer.Analyze(b).Chip.Family, out var f) ? f : ChipFamily.BK7231N;
            var differ = Enumerable.Range(0, b.Length / 4096).Count(i => !a.AsSpan(i * 4096, 4096).SequenceEqual(b.AsSpan(i * 4096, 4096)));
            var (plain, _) = Backup(family, b, archived: null);
            var (dedup, tally) = Backup(family, b, archived: a);
            var floor = b.Length * 10.0 / Baud;
            Console.WriteLine($"{Short(second),-46} {family,-9} {differ,4} s.  {plain,6:0.00} s {plain / floor,6:0.000}×  {dedup,6:0.00} s {dedup / floor,6:0.000}× (≤ 0.30×)   {tally}");
        }
        return 0;
    }

    /// <summary>One backup job into a fresh archive (holding <paramref name="archived"/> when given): modelled seconds and the read's tally line.</summary>
    private static (double Seconds, string Tally) Backup(ChipFamily family, byte[] image, byte[]? archived)
    {
        var root = Directory.CreateTempSubdirectory("bktui-dedup-bench-").FullName;
        try
        {
            using var archive = DumpArchive.Open(root);
            if (archived is not null) archive.Import(archived, DumpSource.FromFile("first-unit.bin"));
            using var sim = SimHost.Start(new SimOptions { Family = family, Image = image.ToArray(), WireModel = true, Clock = new ManualSimClock() });
            using var q = new JobQueue(new SerialJobConnector(new ConnectOptions { Baud = Baud, BaudLadder = [Baud], Timeouts = WireBench.LoadedMachine }), archive, new JobQueueOptions());
            var tally = "";
            q.Changed += e =>
            {
                if (e.Kind == JobEventKind.Log && e.Message is { } m && Regex.Match(m, @"(\d+) sectors read, (\d+) erased, (\d+) taken") is { Success: true } t)
                    tally = $"{t.Groups[1].Value} / {t.Groups[3].Value} / {t.Groups[2].Value}";
            };
            var t0 = sim.Chip.ModelledSeconds;
            var job = q.WhenFinished(q.Enqueue(new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup, Baud = Baud }).Id).GetAwaiter().GetResult();
            if (job.State != JobState.Done) tally = $"JOB {job.State.Word()}: {job.Error}";
            else if (!archive.ReadDumpBytes(job.DumpId!.Value).AsSpan().SequenceEqual(image)) tally = "ARCHIVED IMAGE DIFFERS FROM THE CHIP";
            return (sim.Chip.ModelledSeconds - t0, tally);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static string Short(string name) => name.Length <= 46 ? name : name[..43] + "...";
}
