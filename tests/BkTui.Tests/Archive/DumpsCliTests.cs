using System.Text.Json;
using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

/// <summary>The dumps verbs end to end through the built bktui.</summary>
public class DumpsCliTests
{
    [Fact]
    public void AgoSaysHowLongBeforeNow()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("now", BkTui.Cli.DumpsCommand.Ago(now, now));
        Assert.Equal("one second ago", BkTui.Cli.DumpsCommand.Ago(now.AddSeconds(-1), now));
        Assert.Equal("2 hours ago", BkTui.Cli.DumpsCommand.Ago(now.AddHours(-2), now));
        Assert.Equal("never", BkTui.Cli.DumpsCommand.Ago(DateTimeOffset.UnixEpoch, now));
    }

    [Fact]
    public void ImportListShowLabelDiffExportDevices()
    {
        using var t = new TempArchive();
        var a = SyntheticDumps.Make(70);
        var b = SyntheticDumps.Vary(a, 0x2000);
        var fa = SyntheticDumps.Write(t.Scratch, "a.bin", a);
        SyntheticDumps.Write(t.Scratch, "b.BIN", b);
        File.WriteAllText(Path.Combine(t.Scratch, "notes.txt"), "not a dump");

        var import = BktuiProcess.Run("dumps", "import", t.Scratch, "--archive", t.Root, "--json", "--keep-unknown");
        Assert.True(import.Code == 0, import.Err);
        using var doc = JsonDocument.Parse(import.Out);
        var ids = doc.RootElement.GetProperty("imported").EnumerateArray().Select(e => e.GetProperty("dumpId").GetInt64()).ToList();
        Assert.Equal(2, ids.Count); // *.bin only, case-insensitive; notes.txt ignored

        var again = BktuiProcess.Run("dumps", "import", fa, "--archive", t.Root, "--keep-unknown");
        Assert.Equal(0, again.Code);
        Assert.Contains("already archived", again.Out);

        var list = BktuiProcess.Run("dumps", "list", "--archive", t.Root);
        Assert.Equal(0, list.Code);
        Assert.Contains($"{ids[0]} ", list.Out); // the TAKEN column's words depend on the clock; AgoSaysHowLongBeforeNow checks them
        Assert.Contains("unidentified", list.Out);

        Assert.Equal(0, BktuiProcess.Run("dumps", "label", $"{ids[0]}", "factory", "--archive", t.Root).Code);
        var show = BktuiProcess.Run("dumps", "show", $"{ids[0]}", "--archive", t.Root, "--json");
        Assert.Equal(0, show.Code);
        Assert.Equal("factory", JsonDocument.Parse(show.Out).RootElement.GetProperty("dump").GetProperty("label").GetString());

        var diff = BktuiProcess.Run("dumps", "diff", $"{ids[0]}", $"{ids[1]}", "--archive", t.Root);
        Assert.Equal(0, diff.Code);
        Assert.Contains("0x002000", diff.Out);

        var outFile = Path.Combine(t.Scratch, "exported.bin");
        var export = BktuiProcess.Run("dumps", "export", $"{ids[0]}", "--out", outFile, "--archive", t.Root);
        Assert.True(export.Code == 0, export.Err);
        Assert.Equal(a, File.ReadAllBytes(outFile));

        var attach = BktuiProcess.Run("dumps", "attach", $"{ids[1]}", "aa:bb:cc:dd:ee:01", "--archive", t.Root);
        Assert.True(attach.Code == 0, attach.Err);
        var devices = BktuiProcess.Run("dumps", "devices", "--archive", t.Root, "--json");
        Assert.Equal(0, devices.Code);
        var rows = JsonDocument.Parse(devices.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal([("AA:BB:CC:DD:EE:01", 1), (null, 1)], rows.Select(r => (r.GetProperty("mac").GetString(), r.GetProperty("dumpCount").GetInt32())));

        var name = BktuiProcess.Run("dumps", "name", "aa:bb:cc:dd:ee:01", "kitchen plug", "--archive", t.Root);
        Assert.True(name.Code == 0, name.Err);
        var named = BktuiProcess.Run("dumps", "devices", "--archive", t.Root);
        Assert.Contains("kitchen plug", named.Out.Split('\n').Single(l => l.StartsWith("AA:BB:CC:DD:EE:01", StringComparison.Ordinal)));
        var nobody = BktuiProcess.Run("dumps", "name", "aa:bb:cc:dd:ee:99", "x", "--archive", t.Root);
        Assert.Equal(1, nobody.Code);
        Assert.Contains("No device", nobody.Err);

        var missing = BktuiProcess.Run("dumps", "show", "999", "--archive", t.Root);
        Assert.Equal(1, missing.Code);
        Assert.Contains("No dump 999", missing.Err);
    }

    [Fact]
    public void ArchiveComesFromTheEnvironmentWhenNoOptionIsGiven()
    {
        using var t = new TempArchive();
        var psi = BktuiProcess.StartInfo("dumps", "list", "--json");
        psi.Environment[ArchiveLocation.EnvironmentVariable] = t.Root;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(30_000));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("[]", output.Trim());
        Assert.True(File.Exists(Path.Combine(t.Root, DumpArchive.DatabaseFile)));
    }
}
