using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

public class ArchiveCheckTests
{
    private static string OnlyPack(TempArchive t) =>
        Assert.Single(Directory.GetFiles(Path.Combine(t.Root, DumpArchive.BlobFolder), "*.pack", SearchOption.AllDirectories));

    [Fact]
    public void HealthyArchiveChecksOk()
    {
        using var t = new TempArchive();
        t.Archive.Import(SyntheticDumps.Make(10), DumpSource.FromFile("a.bin"));
        t.Archive.Import(SyntheticDumps.Make(11), DumpSource.FromFile("b.bin"));
        var r = t.Archive.Check();
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        Assert.Equal("ok", r.IntegrityCheck);
        Assert.Equal(2, r.Dumps);
        Assert.Equal(2, r.Packs);
        Assert.Empty(r.OrphanFiles);
    }

    [Fact]
    public void CorruptedBlobIsDetectedAndExportRefuses()
    {
        using var t = new TempArchive();
        var d = t.Archive.Import(SyntheticDumps.Make(12), DumpSource.FromFile("a.bin"));
        var pack = OnlyPack(t);
        var bytes = File.ReadAllBytes(pack);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(pack, bytes);

        var r = t.Archive.Check();
        Assert.False(r.Ok);
        Assert.Contains(r.Problems, p => p.Contains("does not match") || p.Contains("does not decode"));
        Assert.Contains(r.Problems, p => p.StartsWith($"dump {d.DumpId}:"));
        var e = Assert.Throws<ArchiveException>(() => t.Archive.Export(d.DumpId, Path.Combine(t.Scratch, "x.bin")));
        Assert.Equal(ArchiveProblem.Damaged, e.Problem);
        Assert.False(File.Exists(Path.Combine(t.Scratch, "x.bin")), "nothing written from a damaged dump");
    }

    [Fact]
    public void MissingBlobIsDetected()
    {
        using var t = new TempArchive();
        t.Archive.Import(SyntheticDumps.Make(13), DumpSource.FromFile("a.bin"));
        File.Delete(OnlyPack(t));
        var r = t.Archive.Check();
        Assert.False(r.Ok);
        Assert.Contains(r.Problems, p => p.Contains("is missing"));
    }

    [Fact]
    public void OrphanFilesAreHarmlessAndCleaned()
    {
        using var t = new TempArchive();
        t.Archive.Import(SyntheticDumps.Make(14), DumpSource.FromFile("a.bin"));
        var sub = Directory.CreateDirectory(Path.Combine(t.Root, DumpArchive.BlobFolder, "ab"));
        var orphanPack = Path.Combine(sub.FullName, new string('a', 62) + "bb.pack");
        var leftoverTemp = Path.Combine(sub.FullName, ".x.pack.123.tmp");
        File.WriteAllBytes(orphanPack, [1, 2, 3]);
        File.WriteAllBytes(leftoverTemp, [4]);

        var r = t.Archive.Check();
        Assert.True(r.Ok);
        Assert.Equal(new[] { leftoverTemp, orphanPack }.Order(), r.OrphanFiles.Order());
        var cleaned = t.Archive.Check(cleanOrphans: true);
        Assert.Equal(2, cleaned.OrphansRemoved);
        Assert.False(File.Exists(orphanPack));
        Assert.Empty(t.Archive.Check().OrphanFiles);
        Assert.True(t.Archive.Check().Ok);
    }

    [Fact]
    public void DumpsCheckVerbExitsNonZeroWhenDamaged()
    {
        using var t = new TempArchive();
        t.Archive.Import(SyntheticDumps.Make(15), DumpSource.FromFile("a.bin"));
        var ok = BktuiProcess.Run("dumps", "check", "--archive", t.Root);
        Assert.Equal(0, ok.Code);
        Assert.Contains(": ok", ok.Out);
        File.Delete(OnlyPack(t));
        var bad = BktuiProcess.Run("dumps", "check", "--archive", t.Root, "--json");
        Assert.Equal(9, bad.Code);
        Assert.Contains("\"ok\": false", bad.Out);
    }
}
