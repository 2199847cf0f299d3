using System.Diagnostics;
using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

/// <summary>Read-only media, a full disk, concurrent readers: clear errors and nothing partial.</summary>
public class ArchiveSafetyTests
{
    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A small tmpfs we can fill or remount read-only (root only: real media behaviour, not a simulation).</summary>
    private sealed class SmallDisk : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bktui-disk-{Guid.NewGuid():N}");
        public bool Mounted { get; }

        public SmallDisk(string size)
        {
            Directory.CreateDirectory(Path);
            Mounted = Sh("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", Path) == 0;
        }

        public void RemountReadOnly() => Assert.Equal(0, Sh("mount", "-o", "remount,ro", Path));

        public void Dispose()
        {
            if (Mounted && Sh("umount", Path) != 0) Sh("umount", "-l", Path);
            Directory.Delete(Path, recursive: true);
        }

        private static int Sh(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            p.WaitForExit(10_000);
            return p.HasExited ? p.ExitCode : -1;
        }
    }

    [Fact]
    public void ReadOnlyMediaGivesAClearError()
    {
        if (!IsRoot)
        {
            // Without root a read-only folder is the closest we get.
            using var t = new TempArchive();
            Directory.CreateDirectory(t.Root, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var e0 = Assert.Throws<ArchiveException>(() => DumpArchive.Open(Path.Combine(t.Root, "inner")));
            Assert.Equal(ArchiveProblem.ReadOnly, e0.Problem);
            File.SetUnixFileMode(t.Root, DurableFile.PrivateDirectory);
            return;
        }
        using var disk = new SmallDisk("8m");
        Assert.True(disk.Mounted, "mount tmpfs as root");
        var root = Path.Combine(disk.Path, "archive");
        var dump = SyntheticDumps.Make(30);
        using (var a = DumpArchive.Open(root)) a.Import(dump, DumpSource.FromFile("a.bin"));
        disk.RemountReadOnly();

        var e = Assert.Throws<ArchiveException>(() =>
        {
            using var a = DumpArchive.Open(root);
            a.Import(SyntheticDumps.Make(31), DumpSource.FromFile("b.bin"));
        });
        Assert.Equal(ArchiveProblem.ReadOnly, e.Problem);
        Assert.Contains(root, e.Message);
        Assert.Contains("--archive", e.Message);

        var fresh = Assert.Throws<ArchiveException>(() => DumpArchive.Open(Path.Combine(disk.Path, "new")));
        Assert.Equal(ArchiveProblem.ReadOnly, fresh.Problem);
    }

    [Fact]
    public void FullDiskGivesAClearErrorAndLeavesNothingPartial()
    {
        if (!IsRoot) { Console.WriteLine("disk-full test needs root to mount a small tmpfs: skipped"); return; }
        using var disk = new SmallDisk("640k");
        Assert.True(disk.Mounted);
        var root = Path.Combine(disk.Path, "archive");
        using var a = DumpArchive.Open(root);
        var small = a.Import(SyntheticDumps.Make(32, sectors: 8), DumpSource.FromFile("small.bin"));

        var big = new byte[2 * 1024 * 1024];
        new Random(33).NextBytes(big); // incompressible: needs 2 MiB of blobs
        var e = Assert.Throws<ArchiveException>(() => a.Import(big, DumpSource.FromPort("/dev/ttyUSB0")));
        Assert.Equal(ArchiveProblem.DiskFull, e.Problem);
        Assert.Contains("full", e.Message);

        Assert.Equal([small.DumpId], a.ListDumps().Select(d => d.Id));
        var check = a.Check();
        Assert.True(check.Ok, string.Join("\n", check.Problems));
        Assert.Empty(check.OrphanFiles); // the temp pack was removed on failure
        Assert.Equal(SyntheticDumps.Make(32, sectors: 8), a.ReadDumpBytes(small.DumpId));
    }

    [Fact]
    public async Task ReadersKeepWorkingWhileAWriterImports()
    {
        using var t = new TempArchive();
        var archive = t.Archive;
        using var stop = new CancellationTokenSource();
        var errors = new List<Exception>();
        int reads = 0;
        using var started = new ManualResetEventSlim();
        var reader = Task.Run(() =>
        {
            int last = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var list = archive.ListDumps();
                    Assert.True(list.Count >= last, "a reader never sees dumps disappear");
                    last = list.Count;
                    if (list.Count > 0) Assert.Equal(list[0].Size, archive.ReadDumpBytes(list[0].Id).Length);
                    archive.Jobs.ListRecent();
                    reads++;
                    started.Set();
                }
                catch (Exception e) { lock (errors) errors.Add(e); return; }
            }
        });
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "reader started");
        using (var writer = DumpArchive.Open(t.Root)) // a second instance, as another process would
            for (int i = 0; i < 8; i++)
            {
                writer.Import(SyntheticDumps.Make(40 + i), DumpSource.FromFile($"{i}.bin"));
                var job = writer.Jobs.Create("/dev/ttyUSB0", "backup");
                writer.Jobs.AppendLog(job.Id, ArchivedJobLogLevel.Info, $"line {i}");
            }
        stop.Cancel();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(errors);
        Assert.True(reads > 1);
        Assert.Equal(8, archive.ListDumps().Count);
    }
}
