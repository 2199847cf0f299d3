using System.Diagnostics;
using BkTui.Core.Archive;
using Microsoft.Data.Sqlite;

namespace BkTui.Benchmarks;

/// <summary>
/// The archive: import of the 24 real dumps (time, stored vs raw bytes), re-import, export, check,
/// and `list --mac` over 100,000 dump rows. `dotnet run -c Release --project tests/BkTui.Benchmarks -- archive`
/// </summary>
internal static class ArchiveBench
{
    private const int Rows = 100_000, Devices = 1_000;

    public static int Run()
    {
        var root = Path.Combine(Path.GetTempPath(), $"bktui-archive-bench-{Guid.NewGuid():N}");
        try
        {
            if (SharedDumps() is { } folder) RealDumps(Path.Combine(root, "real"), folder);
            else Console.WriteLine("../shared/dumps not found: real-dump import skipped");
            ListByMac(Path.Combine(root, "rows"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static void RealDumps(string root, string folder)
    {
        var files = Directory.GetFiles(folder, "*.bin").Order(StringComparer.Ordinal).ToList();
        long raw = files.Sum(f => new FileInfo(f).Length);
        using var archive = DumpArchive.Open(root);
        var clock = Stopwatch.StartNew();
        var results = files.Select(f => archive.ImportFile(f)).ToList();
        var import = clock.Elapsed;

        clock.Restart();
        foreach (var f in files) archive.ImportFile(f);
        var again = clock.Elapsed;

        clock.Restart();
        foreach (var f in files) BkTui.Core.Formats.DumpAnalyzer.Analyze(File.ReadAllBytes(f));
        var analysis = clock.Elapsed;

        clock.Restart();
        foreach (var r in results) archive.ReadDumpBytes(r.DumpId);
        var export = clock.Elapsed;

        clock.Restart();
        var check = archive.Check();
        var checkTime = clock.Elapsed;

        using (var c = new SqliteConnection($"Data Source={archive.DatabasePath}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cmd.ExecuteNonQuery();
        }
        long blobs = Directory.EnumerateFiles(Path.Combine(root, DumpArchive.BlobFolder), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        long db = Directory.EnumerateFiles(root, "archive.db*").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"import {files.Count} real dumps ({raw / 1048576.0:0.0} MiB): {import.TotalSeconds:0.00} s ({import.TotalMilliseconds / files.Count:0} ms/dump, {raw / 1048576.0 / import.TotalSeconds:0.0} MiB/s)");
        Console.WriteLine($"  stored: blobs {blobs / 1048576.0:0.00} MiB + database {db / 1048576.0:0.00} MiB = {(blobs + db) / 1048576.0:0.00} MiB, {(double)(blobs + db) / raw:P1} of raw");
        Console.WriteLine($"  of which DumpAnalyzer alone: {analysis.TotalSeconds:0.00} s ({analysis.TotalMilliseconds / files.Count:0} ms/dump)");
        Console.WriteLine($"re-import (all already archived): {again.TotalMilliseconds:0} ms");
        Console.WriteLine($"rebuild + sha256-verify all {files.Count} dumps: {export.TotalMilliseconds:0} ms");
        Console.WriteLine($"check (integrity, every sector, every dump): {checkTime.TotalMilliseconds:0} ms, ok={check.Ok}");
    }

    private static void ListByMac(string root)
    {
        using var archive = DumpArchive.Open(root);
        var clock = Stopwatch.StartNew();
        using (var c = new SqliteConnection($"Data Source={archive.DatabasePath}"))
        {
            c.Open();
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            // Metadata rows only (list never touches blobs): 1,000 devices, 100 dumps each on average.
            cmd.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Devices})
                INSERT INTO devices (mac, chip, first_seen, last_seen)
                SELECT printf('02:00:00:00:%02X:%02X', i / 256, i % 256), 'BK7231N', 0, 0 FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows})
                INSERT INTO dumps (sha256, size, device_id, taken_at, imported_at, source_kind, source, grade, chip, analysis)
                SELECT lower(hex(randomblob(32))), 2097152, 2 + abs(random()) % {Devices}, 1600000000000 + abs(random()) % 100000000000,
                       1700000000000, 'file', '/bench/' || i || '.bin', 'A', 'BK7231N', json_object() FROM n;
                """;
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
        Console.WriteLine($"synthesized {Rows:N0} dump rows over {Devices:N0} devices in {clock.Elapsed.TotalSeconds:0.0} s");

        var rng = new Random(1);
        string Mac() { int i = rng.Next(1, Devices + 1); return $"02:00:00:00:{i / 256:X2}:{i % 256:X2}"; }
        for (int i = 0; i < 20; i++) archive.ListDumps(Mac()); // warm-up (JIT, page cache, pool)
        var times = new List<double>();
        int found = 0;
        for (int i = 0; i < 500; i++)
        {
            var t = Stopwatch.GetTimestamp();
            found += archive.ListDumps(Mac()).Count;
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"ListDumps(mac) over {Rows:N0} rows (~{found / 500} dumps each): median {times[times.Count / 2]:0.00} ms, p95 {times[times.Count * 95 / 100]:0.00} ms, max {times[^1]:0.00} ms");

        var all = Stopwatch.GetTimestamp();
        int n = archive.ListDumps(limit: 1000).Count;
        Console.WriteLine($"ListDumps() newest {n}: {Stopwatch.GetElapsedTime(all).TotalMilliseconds:0.00} ms");
        var dev = Stopwatch.GetTimestamp();
        int d = archive.ListDevices().Count;
        Console.WriteLine($"ListDevices() ({d} devices with counts): {Stopwatch.GetElapsedTime(dev).TotalMilliseconds:0.0} ms");
    }

    /// <summary>../shared/dumps beside the checkout (or beside a worktree's parent).</summary>
    private static string? SharedDumps()
    {
        var repo = ArchiveLocation.FindCheckout(AppContext.BaseDirectory);
        if (repo is null) return null;
        return new[] { "..", Path.Combine("..", "..") }.Select(up => Path.GetFullPath(Path.Combine(repo, up, "shared", "dumps"))).FirstOrDefault(Directory.Exists);
    }
}
