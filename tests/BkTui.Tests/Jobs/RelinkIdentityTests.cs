using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Simulator;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Jobs;

/// <summary>
/// Issue 11 item 6 over real ptys: after the adapter went away, the port path a job relinks on may
/// lead to another chip. The job must notice (fingerprint), fail clearly and archive nothing.
/// </summary>
public sealed class RelinkIdentityTests : IDisposable
{
    private readonly SimBench _bench = new();
    private readonly List<SimHost> _sims = [];
    private DumpArchive Archive => _bench.Store.Archive;

    public void Dispose()
    {
        foreach (var s in _sims) s.Dispose();
        _bench.Dispose();
    }

    /// <summary>A BK7231N unit without RF calibration: no MAC to tell it apart, only its contents.</summary>
    private SimHost Start(int seed, string link, string? faults = null)
    {
        var sim = SimHost.Start(new SimOptions
        {
            Family = ChipFamily.BK7231N, WireModel = false, LinkPath = link, Faults = FaultPlan.Parse(faults),
            Image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, IncludeRf = false, Seed = seed }),
        });
        lock (_sims) _sims.Add(sim);
        return sim;
    }

    /// <summary>Starts <paramref name="next"/> on the same path as soon as <paramref name="first"/> is unplugged (a swapped board behind a replugged adapter).</summary>
    private Task<SimHost> ReplaceWhenUnplugged(SimHost first, Func<SimHost> next) => Task.Run(() =>
    {
        var until = DateTime.UtcNow + SimBench.Wait;
        while (!first.Unplugged && DateTime.UtcNow < until) Thread.Sleep(1);
        return next();
    });

    [Fact]
    public async Task A_backup_whose_port_leads_to_another_chip_after_an_unplug_fails_and_archives_nothing()
    {
        var link = Path.Combine(_bench.Dir, "bk0");
        var first = Start(41, link, faults: "unplug@100000");
        var second = ReplaceWhenUnplugged(first, () => Start(42, link));
        using var q = _bench.Queue();

        var job = SimBench.Run(q, new JobRequest { Port = link, Recipe = Recipe.Backup });

        var secondChip = await second.WaitAsync(SimBench.Wait);
        Assert.True(secondChip.Chip.BytesSent > 0, "the relink never reached the second chip");
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(JobErrorKind.DeviceGone, job.ErrorKind);
        Assert.Contains("different chip", job.Error);
        Assert.Contains("app CRC", job.Error);
        Assert.Null(job.DumpId);
        Assert.Empty(Archive.ListDumps());
        Assert.True(Archive.Check().Ok);
    }

    [Fact]
    public async Task A_backup_whose_adapter_comes_back_with_the_same_chip_ends_verified()
    {
        var link = Path.Combine(_bench.Dir, "bk1");
        var first = Start(43, link, faults: "unplug@100000");
        var image = first.Chip.Flash.Snapshot();
        var again = ReplaceWhenUnplugged(first, () => Start(43, link));
        using var q = _bench.Queue();

        var job = SimBench.Run(q, new JobRequest { Port = link, Recipe = Recipe.Backup });

        await again.WaitAsync(SimBench.Wait);
        Assert.True(job.State == JobState.Done, job.Error);
        Assert.Equal(image, Archive.ReadDumpBytes(job.DumpId!.Value));
    }

    [Fact]
    public void An_unplugged_adapter_that_stays_away_exits_8_from_run_backup()
    {
        // Through the --link symlink, which goes with the unplugged adapter like a by-id link: a freed
        // /dev/pts/N may be taken by anyone's new pty at once.
        var link = Path.Combine(_bench.Dir, "bk2");
        Start(44, link, faults: "unplug@100000");
        var r = BktuiProcess.Run("run", "backup", "--port", link, "--archive", _bench.Dir);
        Assert.True(r.ExitCode == 8, $"exit {r.ExitCode}: {r.Stdout} {r.Stderr}");
        Assert.Contains("went away", r.Stdout + r.Stderr);
    }
}
