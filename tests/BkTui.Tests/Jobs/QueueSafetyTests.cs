using System.Diagnostics;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Simulator;

namespace BkTui.Tests.Jobs;

/// <summary>
/// Over real ptys: cancel at every step, faults injected mid-recipe, SIGHUP and SIGKILL of a
/// `bktui run` child during a write, and the restart that finds the job interrupted.
/// </summary>
public sealed class QueueSafetyTests : IDisposable
{
    private readonly SimBench _bench = new();
    private DumpArchive Archive => _bench.Store.Archive;

    public void Dispose() => _bench.Dispose();

    private static byte[] Firmware(int payload = 0x20000) =>
        FlashImageBuilder.Qio(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 91, AppPayloadSize = payload, AppBanner = "OpenBK7231N" }, EfuseKey.Tuya);

    public static TheoryData<string> FlashSteps => ["identify", "pre-flight", "factory dump", "write", "verify", "reboot"];

    [Theory]
    [MemberData(nameof(FlashSteps))]
    public void Cancel_at_each_flash_step_stops_there_with_nothing_half_written(string step)
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 20);
        var before = sim.Chip.Flash.Snapshot();
        var qio = Firmware();
        var file = _bench.File("fw.bin", qio);
        using var q = _bench.Queue();
        q.Changed += e =>
        {
            if (e.Kind == JobEventKind.Step && e.Job.Steps.Any(s => s.Name == step && s.State == StepState.Running)) q.Cancel(e.Job.Id);
        };
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Flash, FirmwarePath = file });

        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal(ArchivedJobState.Cancelled, Archive.Jobs.Get(job.Id)!.State);
        var at = job.Steps.Select(s => s.Name).ToList().IndexOf(step);
        Assert.Equal(StepState.Cancelled, job.Steps[at].State);
        Assert.All(job.Steps.Skip(at + 1), s => Assert.Equal(StepState.Pending, s.State));
        var now = sim.Chip.Flash.Snapshot();
        // Cancelled at the start of a step: that step did nothing, so before "verify" the chip is untouched.
        if (at <= 3) Assert.Equal(before, now);
        else Assert.Equal(qio.AsSpan(0x11000).ToArray(), now.AsSpan(0x11000, qio.Length - 0x11000).ToArray());
        Assert.Equal(before.AsSpan(qio.Length).ToArray(), now.AsSpan(qio.Length).ToArray());
    }

    [Fact]
    public void Cancel_in_the_middle_of_a_write_finishes_the_block_in_flight_and_says_where_it_stopped()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 21);
        var before = sim.Chip.Flash.Snapshot();
        _bench.Store.Seed(before, SimBench.MacFor(21).ToString());
        var qio = Firmware(0x80000);
        using var q = _bench.Queue();
        q.Changed += e =>
        {
            if (e.Kind == JobEventKind.Progress && e.Job.Step == "write" && e.Job.Progress is { Phase: "write", Done: > 0 }) q.Cancel(e.Job.Id);
        };
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Flash, FirmwarePath = _bench.File("fw.bin", qio) });

        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Contains("last good address 0x", job.Error);
        var now = sim.Chip.Flash.Snapshot();
        Assert.NotEqual(before, now); // some blocks were written …
        Assert.NotEqual(qio.AsSpan(0x11000).ToArray(), now.AsSpan(0x11000, qio.Length - 0x11000).ToArray()); // … not all
        SimBench.AssertNoHalfWrittenBlock(before, now, 0x11000, qio.AsSpan(0x11000).ToArray());
    }

    [Fact]
    public void Corrupted_and_dropped_bytes_mid_backup_still_end_in_an_exact_dump()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 22, faults: "flip@300000,drop@700000,flip@1200000");
        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup });
        Assert.True(job.State == JobState.Done, job.Error);
        Assert.Equal(sim.Chip.Flash.Snapshot(), Archive.ReadDumpBytes(job.DumpId!.Value));
        Assert.True(Archive.Check().Ok);
    }

    [Fact]
    public void An_adapter_unplugged_mid_backup_fails_clearly_and_archives_nothing()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 23, faults: "unplug@100000");
        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup });
        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains(sim.PtyPath, job.Error);
        Assert.Empty(Archive.ListDumps());
        Assert.Equal(ArchivedJobState.Failed, Archive.Jobs.Get(job.Id)!.State);
        Assert.Equal("read", Archive.Jobs.Get(job.Id)!.Step);
        Assert.True(Archive.Check().Ok);
    }

    [Fact]
    public void An_adapter_unplugged_mid_write_fails_clearly_with_the_factory_dump_safe()
    {
        // The chip sends ~5 KB while linking (identify reads the RF sector), then only acks and CRCs while writing.
        var sim = _bench.Add(ChipFamily.BK7231N, 24, faults: "unplug@12000");
        var before = sim.Chip.Flash.Snapshot();
        _bench.Store.Seed(before, SimBench.MacFor(24).ToString());
        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Flash, FirmwarePath = _bench.File("fw.bin", Firmware(0x80000)) });
        Assert.True(job.State == JobState.Failed, string.Join(" | ", job.Steps.Select(s => $"{s.Name}:{s.State}:{s.Detail}")));
        Assert.Equal("write", job.Step);
        Assert.Contains(sim.PtyPath, job.Error);
        var dump = Assert.Single(Archive.ListDumps(SimBench.MacFor(24).ToString()));
        Assert.Equal(before, Archive.ReadDumpBytes(dump.Id));
        Assert.True(Archive.Check().Ok);
    }

    /// <summary>A `bktui run flash` child writing to a virtual chip (wire model on, so the write takes seconds).</summary>
    private (Process Child, List<string> Lines, ManualResetEventSlim Writing, byte[] Before, byte[] Qio, SimHost Sim) StartChildWrite(byte n)
    {
        var sim = _bench.Add(ChipFamily.BK7231N, n, wireModel: true);
        var before = sim.Chip.Flash.Snapshot();
        _bench.Store.Seed(before, SimBench.MacFor(n).ToString()); // factory dump already archived: the job goes straight to writing
        var qio = Firmware(0xC0000);
        var file = _bench.File($"fw{n}.bin", qio);
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "run", "flash", "--port", sim.PtyPath, "--firmware", file, "--archive", Archive.Root])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        var lines = new List<string>();
        var writing = new ManualResetEventSlim();
        var child = Process.Start(psi)!;
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            if (e.Data.Contains("factory dump skipped")) writing.Set();
        };
        child.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        child.BeginErrorReadLine();
        child.BeginOutputReadLine();
        return (child, lines, writing, before, qio, sim);
    }

    private static void Signal(Process p, string signal) => Process.Start("kill", [$"-{signal}", p.Id.ToString()])!.WaitForExit();

    [Fact]
    public void Sighup_during_a_write_stops_at_a_safe_point_marks_the_job_interrupted_and_says_so()
    {
        var (child, lines, writing, before, qio, sim) = StartChildWrite(25);
        using (child)
        {
            Assert.True(writing.Wait(SimBench.Wait), "the child never reached the write step: " + string.Join(" / ", lines));
            Signal(child, "HUP");
            Assert.True(child.WaitForExit(60_000), "the child did not stop after SIGHUP");
            child.WaitForExit();

            var job = Archive.Jobs.ListRecent(5).Single(j => j.Recipe == "flash");
            Assert.Equal(ArchivedJobState.Interrupted, job.State);
            Assert.Equal("write", job.Step);
            Assert.Equal(130, child.ExitCode);
            Assert.Contains(Archive.Jobs.ReadLog(job.Id), l => l.Line.Contains("safe point") && l.Line.Contains("SIGHUP"));
            SimBench.AssertNoHalfWrittenBlock(before, sim.Chip.Flash.Snapshot(), 0x11000, qio.AsSpan(0x11000).ToArray());
        }
    }

    [Fact]
    public void After_sigkill_mid_write_a_restart_shows_the_job_interrupted_and_its_retry_completes()
    {
        var (child, lines, writing, _, qio, sim) = StartChildWrite(26);
        using (child)
        {
            Assert.True(writing.Wait(SimBench.Wait), "the child never reached the write step: " + string.Join(" / ", lines));
            Assert.True(SpinWait.SpinUntil(() => Archive.Jobs.ListRecent(5).Any(j => j.Recipe == "flash" && j.Step == "write"), SimBench.Wait));
            Signal(child, "KILL");
            child.WaitForExit();
        }
        var row = Archive.Jobs.ListRecent(5).Single(j => j.Recipe == "flash");
        Assert.Equal(ArchivedJobState.Running, row.State); // the dead process could not say anything

        using var q = _bench.Queue(); // "restart": the queue opens the archive
        var interrupted = q.Get(row.Id)!;
        Assert.Equal(JobState.Interrupted, interrupted.State);
        Assert.True(interrupted.Error!.Contains("'write'"), interrupted.Error);
        Assert.Contains(Archive.Jobs.ReadLog(row.Id), l => l.Line.Contains("interrupted"));

        var retried = SimBench.Finish(q, q.Retry(row.Id));
        Assert.True(retried.State == JobState.Done, retried.Error);
        Assert.Equal(qio.AsSpan(0x11000).ToArray(), sim.Chip.Flash.Read(0x11000, qio.Length - 0x11000));
    }
}
