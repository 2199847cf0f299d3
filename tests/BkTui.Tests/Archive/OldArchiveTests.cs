using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

/// <summary>
/// An archive written by the previous bundled SQLite (3.35.5, Microsoft.Data.Sqlite 6.0.0) opens with
/// the current one unchanged: same dump, label and bytes, check ok. The fixture was made by that
/// bktui: `dumps import` of the SmartLED 8044 dump, then `dumps label 1 "made by SQLite 3.35.5"`.
/// </summary>
public class OldArchiveTests
{
    private const string DumpSha256 = "aacbe44269a6f0b8f6328a0a9dda862d2d4c884a20d053367a4d1ca9104602c0";

    [Fact]
    public void AnArchiveWrittenBySqlite3355OpensWithItsDumpIntact()
    {
        using var t = new TempArchive();
        CopyFolder(Path.Combine(RepoPathsFixtures, "archive-sqlite-3.35.5"), t.Root);

        var dump = Assert.Single(t.Archive.ListDumps());
        Assert.Equal("made by SQLite 3.35.5", dump.Label);
        Assert.Equal(DumpSha256, dump.Sha256);
        Assert.Equal("10:5A:17:F3:D6:37", dump.Mac);
        var exported = Path.Combine(t.Scratch, "out.bin");
        t.Archive.Export(dump.Id, exported);
        Assert.Equal(DumpSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(exported))));
        var check = t.Archive.Check();
        Assert.True(check.Ok, string.Join("; ", check.Problems));
    }

    internal static string RepoPathsFixtures =>
        Path.Combine(BkTui.Tests.TestSupport.RepoPaths.Root, "tests", "BkTui.Tests", "Archive", "Fixtures");

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
