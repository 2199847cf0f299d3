using System.Diagnostics;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Benchmarks;

/// <summary>
/// Issue 11 item 6: a seeded fault campaign over real ptys. Each run picks an operation (`read` of the
/// whole flash, `write` of 256 KiB, a `run backup` job) and 1–4 faults (drops, bit flips, stalls of
/// 0.2–6 s, chip resets, host→chip drops and flips) at random positions inside the operation, then
/// judges the outcome against the simulator's flash: verified without the user, a clean failure
/// (a clear error, nothing wrong kept, nothing outside the range touched), or a bad outcome
/// (silent corruption, a hang, a crash). Wire model off: only stalls cost wall time.
/// </summary>
internal static class FaultCampaign
{
    private enum Op { Read, Write, Backup }
    private enum Outcome { Verified, CleanFailure, SilentCorruption, Hang, Crash }

    private static readonly ConnectOptions Options = new() { LinkTimeout = TimeSpan.FromSeconds(20) };
    private const uint WriteAt = 0x20000;
    private const int WriteLength = 0x40000;

    public static int Run(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 60;
        var seed = args.Length > 2 && int.TryParse(args[2], out var s) ? s : 1;
        var rng = new Random(seed);
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 7 });
        var spans = Enum.GetValues<Op>().ToDictionary(op => op, op => Measure(op, image));
        var tally = new Dictionary<(Op, Outcome), int>();
        int planned = 0, fired = 0;
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"fault campaign: {runs} runs, seed {seed}, BK7231N, {(Options.Baud is { } b ? $"{b} baud" : "default baud ladder")}, wire model off");
        foreach (var (op, span) in spans)
            Console.WriteLine($"  {op}: faults land in chip→host bytes {span.SentFrom}..{span.SentTo}, host→chip bytes {span.RecvFrom}..{span.RecvTo}");
        for (var i = 0; i < runs; i++)
        {
            var op = (Op)(i % 3);
            var plan = Plan(rng, spans[op]);
            var (outcome, detail, firedHere) = Judge(op, image, plan);
            planned += plan.Split(',').Length;
            fired += firedHere;
            tally[(op, outcome)] = tally.GetValueOrDefault((op, outcome)) + 1;
            if (outcome != Outcome.Verified) Console.WriteLine($"  run {i + 1}: {op} [{plan}] → {outcome}: {detail}");
        }
        Console.WriteLine();
        Console.WriteLine($"{"operation",-10} {"runs",5} {"verified",9} {"clean fail",11} {"corrupt",8} {"hang",5} {"crash",6}");
        foreach (var op in Enum.GetValues<Op>())
        {
            int C(Outcome o) => tally.GetValueOrDefault((op, o));
            var total = Enum.GetValues<Outcome>().Sum(C);
            Console.WriteLine($"{op,-10} {total,5} {C(Outcome.Verified),9} {C(Outcome.CleanFailure),11} {C(Outcome.SilentCorruption),8} {C(Outcome.Hang),5} {C(Outcome.Crash),6}");
        }
        var verified = tally.Where(t => t.Key.Item2 == Outcome.Verified).Sum(t => t.Value);
        var bad = tally.Where(t => t.Key.Item2 is Outcome.SilentCorruption or Outcome.Hang or Outcome.Crash).Sum(t => t.Value);
        Console.WriteLine($"faults planned {planned}, fired {fired} (a fault placed after the operation's last byte in this run never fires)");
        Console.WriteLine($"verified without the user: {verified} of {runs} ({100.0 * verified / runs:0.0} %); bad outcomes (corruption, hang, crash): {bad}; {clock.Elapsed.TotalSeconds:0} s");
        return bad == 0 ? 0 : 1;
    }

    /// <summary>Byte counts (chip sent, chip received) at the start and end of the operation in a clean run.</summary>
    private sealed record Span(long SentFrom, long SentTo, long RecvFrom, long RecvTo);

    private static Span Measure(Op op, byte[] image)
    {
        using var sim = Start(image, FaultPlan.None);
        long s0 = 0, r0 = 0;
        Execute(op, sim, new Quiet(), () => (s0, r0) = (sim.Chip.BytesSent, sim.Chip.BytesReceived));
        return new Span(s0, sim.Chip.BytesSent, r0, sim.Chip.BytesReceived);
    }

    private static string Plan(Random rng, Span span)
    {
        var faults = new List<string>();
        var count = 1 + rng.Next(4);
        for (var k = 0; k < count; k++)
        {
            long Sent() => span.SentFrom + (long)(rng.NextDouble() * (span.SentTo - span.SentFrom));
            long Recv() => span.RecvFrom + (long)(rng.NextDouble() * (span.RecvTo - span.RecvFrom));
            faults.Add(rng.Next(7) switch
            {
                0 => $"drop@{Sent()}",
                1 => $"flip@{Sent()}",
                2 => $"stall@{Sent()}:{200 + rng.Next(800)}",
                3 => $"stall@{Sent()}:{2000 + rng.Next(4000)}",
                4 => $"reset@{Sent()}",
                5 => $"rxdrop@{Recv()}",
                _ => $"rxflip@{Recv()}",
            });
        }
        return string.Join(",", faults);
    }

    private static (Outcome, string, int) Judge(Op op, byte[] image, string plan)
    {
        using var sim = Start(image, FaultPlan.Parse(plan));
        var (outcome, detail) = Judged(op, sim);
        return (outcome, detail, sim.Chip.FiredFaults.Count);
    }

    private static (Outcome, string) Judged(Op op, SimHost sim)
    {
        var before = sim.Chip.Flash.Snapshot();
        var observer = new Quiet();
        var task = Task.Run(() => Execute(op, sim, observer, null));
        if (!task.Wait(TimeSpan.FromMinutes(3))) return (Outcome.Hang, "no end within 3 minutes");
        var (ok, error, result) = task.Result;
        var after = sim.Chip.Flash.Snapshot();
        var outside = op == Op.Write
            ? before.AsSpan(0, (int)WriteAt).SequenceEqual(after.AsSpan(0, (int)WriteAt)) && before.AsSpan((int)WriteAt + WriteLength).SequenceEqual(after.AsSpan((int)WriteAt + WriteLength))
            : before.AsSpan().SequenceEqual(after);
        if (!outside) return (Outcome.SilentCorruption, $"flash outside the range changed ({error ?? "reported success"})");
        if (error is not null && !ok) return error.StartsWith("CRASH", StringComparison.Ordinal) ? (Outcome.Crash, error) : (Outcome.CleanFailure, error);
        var right = op == Op.Write ? after.AsSpan((int)WriteAt, WriteLength).SequenceEqual(WriteData) : result is not null && result.AsSpan().SequenceEqual(before);
        if (!right) return (Outcome.SilentCorruption, "reported success with wrong data");
        return observer.Asked ? (Outcome.CleanFailure, "verified, but only after asking the user") : (Outcome.Verified, "");
    }

    private static readonly byte[] WriteData = MakeWriteData();
    private static byte[] MakeWriteData()
    {
        var d = new byte[WriteLength];
        new Random(99).NextBytes(d);
        return d;
    }

    /// <summary>Runs the operation; <paramref name="started"/> is called once linked (to mark where the operation's bytes begin).</summary>
    private static (bool Ok, string? Error, byte[]? Result) Execute(Op op, SimHost sim, Quiet observer, Action? started)
    {
        try
        {
            if (op == Op.Backup) return Backup(sim, observer, started);
            using var port = SerialPort.Open(sim.PtyPath);
            using var session = ChipSession.Connect(port, Options, observer);
            started?.Invoke();
            if (op == Op.Read) return (true, null, session.Read(0, session.Info.FlashSize));
            session.Write(WriteAt, WriteData);
            return (true, null, null);
        }
        catch (Exception e) when (e is FlashException or SerialException) { return (false, $"{e.GetType().Name}: {e.Message}", null); }
        catch (Exception e) { return (false, $"CRASH {e.GetType().Name}: {e.Message}", null); }
    }

    private static (bool, string?, byte[]?) Backup(SimHost sim, Quiet observer, Action? started)
    {
        var root = Directory.CreateTempSubdirectory("bktui-faults-").FullName;
        try
        {
            using var archive = DumpArchive.Open(root);
            using var q = new JobQueue(new SerialJobConnector(Options), archive, new JobQueueOptions { RetryBackoff = TimeSpan.FromMilliseconds(100) });
            var marked = 0;
            q.Changed += e =>
            {
                if (e.Kind == JobEventKind.Attention) observer.Asked = true;
                // The operation's bytes begin once identification is done (marked once: later step events repeat it).
                if (e.Kind == JobEventKind.Step && e.Job.Steps.Any(s => s.Name == "identify" && s.State == StepState.Done)
                    && Interlocked.Exchange(ref marked, 1) == 0) started?.Invoke();
            };
            var job = q.WhenFinished(q.Enqueue(new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup }).Id).GetAwaiter().GetResult();
            if (job.State != JobState.Done) return (false, $"job {job.State.Word()} ({job.ErrorKind}): {job.Error}", null);
            return (true, null, job.DumpId is { } id ? archive.ReadDumpBytes(id) : null);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static SimHost Start(byte[] image, FaultPlan faults) => SimHost.Start(new SimOptions
    {
        Family = ChipFamily.BK7231N, Image = image.ToArray(), WireModel = false, Faults = faults,
    });

    private sealed class Quiet : IFlashObserver
    {
        public volatile bool Asked;
        public void Progress(FlashProgress progress) { }
        public void NeedsAttention(string message) => Asked = true;
        public void Log(string line) { }
    }
}
