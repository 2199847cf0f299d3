using BkTui.Core.Archive;
using Microsoft.Data.Sqlite;

namespace BkTui.Tests.Archive;

/// <summary>
/// Writers that meet wait in SQLite's own busy handler (busy_timeout 15 s). With the old bundled
/// build (no usleep) that handler slept whole seconds and the archive had its own writer turn; these
/// tests proved that problem and now check that SQLite's waiting alone loses nothing.
/// </summary>
public class ConcurrentWriterTests
{
    [Fact]
    public void AWriteWaitsWhileAnotherConnectionHoldsTheLockAndCompletesOnceItCommits()
    {
        using var t = new TempArchive();
        var job = t.Archive.Jobs.Create("/dev/ttyUSB0", "backup").Id;
        using var logged = new ManualResetEventSlim();
        using var holder = new SqliteConnection($"Data Source={t.Archive.DatabasePath};Pooling=False");
        holder.Open();
        using (var tx = holder.BeginTransaction()) // BEGIN IMMEDIATE: the write lock
        {
            var writer = new Thread(() => { t.Archive.Jobs.AppendLog(job, ArchivedJobLogLevel.Info, "from another worker"); logged.Set(); });
            writer.Start();
            // While the lock is held the other writer cannot have written; it waits instead of failing.
            Assert.False(logged.Wait(TimeSpan.FromMilliseconds(300)));
            Assert.Empty(t.Archive.Jobs.ReadLog(job)); // readers are not held up by a writer
            tx.Commit();
            Assert.True(logged.Wait(TimeSpan.FromSeconds(30)));
            writer.Join();
        }
        Assert.Equal(["from another worker"], t.Archive.Jobs.ReadLog(job).Select(l => l.Line));
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

/// <summary>Writers in other processes meet SQLite's locking and wait in its busy handler.</summary>
public class CrossProcessWriterTests
{
    [Fact]
    public async Task ImportsFromTwoProcessesAndThisOneAllLand()
    {
        using var t = new TempArchive();
        var job = t.Archive.Jobs.Create("/dev/ttyUSB0", "backup").Id;
        var folders = Enumerable.Range(0, 2).Select(p =>
        {
            var dir = Directory.CreateDirectory(Path.Combine(t.Scratch, $"p{p}")).FullName;
            for (int i = 0; i < 4; i++) File.WriteAllBytes(Path.Combine(dir, $"d{i}.bin"), SyntheticDumps.Make(100 + p * 10 + i));
            return dir;
        }).ToList();

        var children = folders.Select(dir => Task.Run(() => BkTui.Tests.TestSupport.BktuiProcess.Run("dumps", "import", dir, "--archive", t.Root, "--keep-unknown"))).ToList();
        int lines = 0;
        // Keep logging from here while the children import, at a busy job's pace.
        while (!children.All(c => c.IsCompleted))
        {
            t.Archive.Jobs.AppendLog(job, ArchivedJobLogLevel.Info, $"line {lines++}");
            Thread.Sleep(10);
        }

        Assert.True(lines > 0, "this process wrote while the children imported");
        foreach (var c in children)
        {
            var r = await c;
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
        Assert.Equal(8, t.Archive.ListDumps().Count);
        Assert.Equal(lines, t.Archive.Jobs.ReadLog(job).Count);
        Assert.True(t.Archive.Check().Ok);
    }
}
