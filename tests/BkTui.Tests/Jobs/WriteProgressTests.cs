using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;

namespace BkTui.Tests.Jobs;

/// <summary>
/// The write step's progress is progress through the whole write, over a real pty: the bar showed
/// 100 % a second into a flash because each 64 KiB chunk reported itself as a whole (new-user trial).
/// </summary>
public sealed class WriteProgressTests : IDisposable
{
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void Write_step_progress_runs_once_from_zero_to_the_whole_length()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 31);
        _bench.Store.Seed(sim.Chip.Flash.Snapshot(), SimBench.MacFor(31).ToString());
        var qio = FlashImageBuilder.Qio(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 93, AppPayloadSize = 0x60000, AppBanner = "OpenBK7231N" }, EfuseKey.Tuya);
        var seen = new List<JobProgress>();
        using var q = _bench.Queue();
        q.Changed += e =>
        {
            if (e.Kind == JobEventKind.Progress && e.Job.Step == "write" && e.Job.Progress is { } p) lock (seen) seen.Add(p);
        };
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Flash, FirmwarePath = _bench.File("fw.bin", qio) });

        Assert.True(job.State == JobState.Done, job.Error);
        List<JobProgress> write;
        lock (seen) write = seen.Where(p => p.Phase == "write").ToList();
        Assert.True(write.Count >= 2, $"{write.Count} write progress events");
        long whole = write[^1].Total;
        Assert.True(whole > 0x40000, $"the whole write is 0x{whole:X} bytes, more than one 64 KiB chunk");
        Assert.All(write, p => Assert.Equal(whole, p.Total));
        for (int i = 1; i < write.Count; i++) Assert.True(write[i].Done >= write[i - 1].Done, $"progress went back: {write[i - 1].Done} then {write[i].Done}");
        Assert.Equal(whole, write[^1].Done);
        Assert.Single(write, p => p.Done == p.Total);
    }
}
