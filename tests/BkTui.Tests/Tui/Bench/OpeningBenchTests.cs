using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Tests.Tui.Workstation;
using BkTui.Tui.Bench;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Ports;

namespace BkTui.Tests.Tui.Bench;

/// <summary>
/// `bktui tui` opens its archive while the first frame is drawn (OpeningBench): the panes must
/// still show the archive once it is open, and a failed opening must leave the ports usable.
/// </summary>
public sealed class OpeningBenchTests
{
    private static readonly PortInfo Adapter = new("/dev/ttyUSB0", null, "ch341", null, null, null, "USB serial", false, null);

    [Fact]
    public void ARealArchiveOpenedInTheBackground_ShowsItsDumpsInTheArchivePane()
    {
        var root = Directory.CreateTempSubdirectory("bktui-opening-").FullName;
        try
        {
            using (var seed = DumpArchive.Open(root))
                seed.Import(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N }), DumpSource.FromFile(Path.Combine(root, "seed.bin")));
            DumpArchive? archive = null;
            var opened = new ManualResetEventSlim();
            using var bench = new OpeningBench(() =>
            {
                opened.Wait(TimeSpan.FromSeconds(30)); // still opening while the panes ask
                return new EngineBench(archive = DumpArchive.Open(root), () => [Adapter]);
            }, () => [Adapter]);
            Assert.Single(bench.Ports()); // answered before the archive is open
            Assert.False(bench.Opened.IsCompleted);
            opened.Set();
            var t = new WorkstationHarness(bench); // its first loads wait for the opening
            Assert.Single(t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Dumps);
            Assert.Single(t.Pane<PortsState>(PortsPane.PaneIdValue).Ports);
            bench.Dispose();
            archive!.Dispose();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AFailedOpening_StillListsPorts_KnowsNothingElse_AndRefusesEveryAction()
    {
        var error = new ArchiveException(ArchiveProblem.Busy, "archive /x is busy");
        using var bench = new OpeningBench(() => throw error, () => [Adapter]);
        Assert.Throws<AggregateException>(() => bench.Opened.Wait(TimeSpan.FromSeconds(30)));
        var t = new WorkstationHarness(bench); // the first loads, as the workstation makes them
        Assert.Single(t.Pane<PortsState>(PortsPane.PaneIdValue).Ports);
        Assert.Empty(t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Dumps);
        Assert.Empty(bench.Jobs());
        Assert.Same(error, Assert.Throws<ArchiveException>(() => bench.Enqueue(new JobRequest { Recipe = Recipe.Backup, Port = Adapter.Path })));
        Assert.Same(error, Assert.Throws<ArchiveException>(() => bench.Identify(Adapter.Path, default)));
        bench.Dispose(); // nothing to close, no throw
    }

    [Fact]
    public async Task JobEvents_AreForwardedOnceTheEngineIsOpen()
    {
        var engine = new FakeBench();
        using var bench = new OpeningBench(() => engine, () => []);
        await bench.Opened.WaitAsync(TimeSpan.FromSeconds(30));
        var seen = new List<JobEvent>();
        bench.JobChanged += seen.Add;
        var job = new JobEvent(JobEventKind.Added, new JobSnapshot { Id = 7, Request = new JobRequest { Recipe = Recipe.Backup, Port = "/dev/ttyUSB0" } });
        engine.Raise(job);
        Assert.Equal([job], seen);
    }
}
