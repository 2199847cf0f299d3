using System.Diagnostics;
using System.Security.Cryptography;
using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

/// <summary>kill -9 of an importing bktui at many points: the archive stays consistent and a re-import completes it.</summary>
public class ArchiveKillTests
{
    private const int Files = 6, Kills = 8;

    [Fact]
    public void KillNineDuringImportLeavesAConsistentArchive()
    {
        using var t = new TempArchive();
        var folder = Directory.CreateDirectory(Path.Combine(t.Scratch, "in")).FullName;
        var bySha = new Dictionary<string, byte[]>();
        var shared = SyntheticDumps.Make(50, sectors: 192);
        for (int i = 0; i < Files; i++)
        {
            // Each dump shares most sectors with the others and has its own: dedup paths get exercised too.
            var d = SyntheticDumps.Vary(shared, 4096 * i + 7, 4096 * (i + 20) + 9);
            new Random(60 + i).NextBytes(d.AsSpan(4096 * (100 + i * 4), 4096 * 4));
            SyntheticDumps.Write(folder, $"dump{i}.bin", d);
            bySha[Convert.ToHexStringLower(SHA256.HashData(d))] = d;
        }

        var rng = new Random(7);
        for (int k = 0; k < Kills; k++)
        {
            using var p = Process.Start(BktuiProcess.StartInfo("dumps", "import", folder, "--archive", t.Root, "--keep-unknown"))!;
            // Kill after the k-th imported line (k = 0: during start-up or the first import), plus jitter,
            // so kills land in opening, analysis, pack writing and the commit.
            int wantLines = k % (Files + 1);
            for (int seen = 0; seen < wantLines && p.StandardOutput.ReadLine() is { } line;)
                if (line.StartsWith('+') || line.StartsWith('=')) seen++;
            Thread.Sleep(rng.Next(0, 40));
            try { p.Kill(); } catch (InvalidOperationException) { } // already finished: fine
            Assert.True(p.WaitForExit(30_000));

            using var archive = DumpArchive.Open(t.Root);
            var check = archive.Check();
            Assert.True(check.Ok, $"after kill {k}: {string.Join("; ", check.Problems)}");
            foreach (var d in archive.ListDumps())
                Assert.Equal(bySha[d.Sha256], archive.ReadDumpBytes(d.Id)); // never a half dump
        }

        var rerun = BktuiProcess.Run("dumps", "import", folder, "--archive", t.Root, "--json", "--keep-unknown");
        Assert.True(rerun.Code == 0, rerun.Err);
        using (var archive = DumpArchive.Open(t.Root))
        {
            Assert.Equal(bySha.Keys.Order(), archive.ListDumps().Select(d => d.Sha256).Order());
            var cleaned = archive.Check(cleanOrphans: true);
            Assert.True(cleaned.Ok);
            Assert.Empty(archive.Check().OrphanFiles);
        }
    }
}
