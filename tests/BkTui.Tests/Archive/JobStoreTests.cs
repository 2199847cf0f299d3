using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

public class JobStoreTests
{
    [Fact]
    public void JobsAreCreatedUpdatedLoggedAndListed()
    {
        using var t = new TempArchive();
        var jobs = t.Archive.Jobs;
        var a = jobs.Create("/dev/ttyUSB0", "backup", """{"baud":921600}""");
        var b = jobs.Create("/dev/ttyUSB1", "flash");
        Assert.Equal(ArchivedJobState.Queued, a.State);

        jobs.UpdateState(a.Id, ArchivedJobState.Running);
        jobs.UpdateStep(a.Id, "read", 0.25);
        jobs.Update(a.Id, new ArchivedJobUpdate { Done = 1024, Total = 2048, Mac = "aabbccddeeff" });
        jobs.AppendLog(a.Id, ArchivedJobLogLevel.Info, "linked at 115200");
        jobs.AppendLog(a.Id, ArchivedJobLogLevel.Warning, "retry sector 0x11000");

        var got = jobs.Get(a.Id)!;
        Assert.Equal((ArchivedJobState.Running, "read", 0.5, "AA:BB:CC:DD:EE:FF"), (got.State, got.Step, got.Progress, got.Mac));
        Assert.Equal("""{"baud":921600}""", got.OptionsJson);
        Assert.Equal(["linked at 115200", "retry sector 0x11000"], jobs.ReadLog(a.Id).Select(l => l.Line));
        Assert.Equal(ArchivedJobLogLevel.Warning, jobs.ReadLog(a.Id, limit: 1).Single().Level);
        Assert.Equal([b.Id, a.Id], jobs.ListRecent().Select(j => j.Id));
        Assert.Equal([b.Id], jobs.ListByPort("/dev/ttyUSB1").Select(j => j.Id));
        Assert.Equal([b.Id], jobs.ListByState(ArchivedJobState.Queued).Select(j => j.Id));
        Assert.Equal(ArchiveProblem.NotFound, Assert.Throws<ArchiveException>(() => jobs.UpdateState(999, ArchivedJobState.Done)).Problem);
    }

    [Fact]
    public void AfterARestartRunningJobsAreInterruptedAndQueuedStayQueued()
    {
        using var t = new TempArchive();
        long running, waiting, queued, done;
        using (var first = DumpArchive.Open(t.Root))
        {
            running = first.Jobs.Create("/dev/ttyUSB0", "backup").Id;
            first.Jobs.Update(running, new ArchivedJobUpdate { State = ArchivedJobState.Running, Step = "read", Done = 512, Total = 2048 });
            waiting = first.Jobs.Create("/dev/ttyUSB1", "flash").Id;
            first.Jobs.UpdateState(waiting, ArchivedJobState.NeedsAttention);
            queued = first.Jobs.Create("/dev/ttyUSB2", "backup").Id;
            done = first.Jobs.Create("/dev/ttyUSB3", "backup").Id;
            first.Jobs.UpdateState(done, ArchivedJobState.Done);
        }
        // A new process opens the same archive.
        using var second = DumpArchive.Open(t.Root);
        var marked = second.Jobs.MarkRunningAsInterrupted();
        Assert.Equal([running, waiting], marked.Select(j => j.Id).Order());
        var r = second.Jobs.Get(running)!;
        Assert.Equal((ArchivedJobState.Interrupted, "read", 512L, 2048L), (r.State, r.Step, r.Done, r.Total)); // keeps what it had done
        Assert.Contains("512/2048", r.Error);
        Assert.Contains("interrupted", second.Jobs.ReadLog(running).Last().Line);
        Assert.Equal(ArchivedJobState.Queued, second.Jobs.Get(queued)!.State);
        Assert.Equal(ArchivedJobState.Done, second.Jobs.Get(done)!.State);
        Assert.Empty(second.Jobs.MarkRunningAsInterrupted());
    }
}
