using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

/// <summary>
/// Writers in one process take turns before they reach SQLite (whose busy handler in the bundled
/// build sleeps whole seconds). These check the turn itself, not how long anything takes.
/// </summary>
public class WriterTurnTests
{
    [Fact]
    public void AWriteWaitsForTheTurnAndCompletesOnceItIsFree()
    {
        using var t = new TempArchive();
        var job = t.Archive.Jobs.Create("/dev/ttyUSB0", "backup").Id;
        using var logged = new ManualResetEventSlim();
        Thread writer;
        using (t.Archive.TakeWriterTurn())
        {
            writer = new Thread(() => { t.Archive.Jobs.AppendLog(job, ArchivedJobLogLevel.Info, "from another worker"); logged.Set(); });
            writer.Start();
            // While this thread holds the turn the other writer cannot have written, however long we wait.
            Assert.False(logged.Wait(TimeSpan.FromMilliseconds(300)));
            Assert.Empty(t.Archive.Jobs.ReadLog(job)); // readers are not held up by the turn
        }
        Assert.True(logged.Wait(TimeSpan.FromSeconds(30)));
        writer.Join();
        Assert.Equal(["from another worker"], t.Archive.Jobs.ReadLog(job).Select(l => l.Line));
    }

    [Fact]
    public void TheTurnIsReentrantForNestedWritesOnOneThread()
    {
        using var t = new TempArchive();
        using (t.Archive.TakeWriterTurn())
        {
            var id = t.Archive.Jobs.Create("/dev/ttyUSB1", "backup").Id; // takes the turn again inside
            t.Archive.Jobs.AppendLog(id, ArchivedJobLogLevel.Info, "nested");
            Assert.Single(t.Archive.Jobs.ReadLog(id));
        }
    }

    [Fact]
    public void ManyWorkersWritingAtOnceLoseNothing()
    {
        using var t = new TempArchive();
        var ids = Enumerable.Range(0, 8).Select(i => t.Archive.Jobs.Create($"/dev/ttyUSB{i}", "backup").Id).ToArray();
        var workers = ids.Select(id => new Thread(() =>
        {
            for (int k = 0; k < 40; k++)
            {
                t.Archive.Jobs.AppendLog(id, ArchivedJobLogLevel.Info, $"line {k}");
                t.Archive.Jobs.UpdateProgress(id, k / 40.0);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        foreach (var id in ids)
            Assert.Equal(Enumerable.Range(0, 40).Select(k => $"line {k}"), t.Archive.Jobs.ReadLog(id).Select(l => l.Line));
    }
}

/// <summary>Writers in other processes meet SQLite's locking, retried by Microsoft.Data.Sqlite (busy_timeout is 0).</summary>
public class CrossProcessWriterTests
{
    [Fact]
    public void ImportsFromTwoProcessesAndThisOneAllLand()
    {
        using var t = new TempArchive();
        var job = t.Archive.Jobs.Create("/dev/ttyUSB0", "backup").Id;
        var folders = Enumerable.Range(0, 2).Select(p =>
        {
            var dir = Directory.CreateDirectory(Path.Combine(t.Scratch, $"p{p}")).FullName;
            for (int i = 0; i < 4; i++) File.WriteAllBytes(Path.Combine(dir, $"d{i}.bin"), SyntheticDumps.Make(100 + p * 10 + i));
            return dir;
        }).ToList();

        var children = folders.Select(dir => Task.Run(() => BkTui.Tests.TestSupport.BktuiProcess.Run("dumps", "import", dir, "--archive", t.Root))).ToList();
        int lines = 0;
        // Keep logging from here while the children import, at a busy job's pace: a loop with no pause
        // holds the write lock nearly all the time and starves the other processes' 150 ms retries.
        while (!children.All(c => c.IsCompleted))
        {
            t.Archive.Jobs.AppendLog(job, ArchivedJobLogLevel.Info, $"line {lines++}");
            Thread.Sleep(10);
        }

        Assert.True(lines > 0, "this process wrote while the children imported");
        foreach (var c in children) Assert.True(c.Result.ExitCode == 0, c.Result.Stderr);
        Assert.Equal(8, t.Archive.ListDumps().Count);
        Assert.Equal(lines, t.Archive.Jobs.ReadLog(job).Count);
        Assert.True(t.Archive.Check().Ok);
    }
}
