using BkTui.Core.Archive;
using BkTui.Tui.Commands;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Log;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>The ':' line runs archive verbs on the session's archive (a real SQLite archive in a temporary folder).</summary>
public sealed class CommandLineArchiveTests
{
    [Fact]
    public void DumpsList_AtTheCommandLine_ListsTheSessionsArchive()
    {
        var root = Directory.CreateTempSubdirectory("bktui-session-").FullName;
        try
        {
            using (var archive = DumpArchive.Open(root))
                archive.ImportFile(WriteImage(root), new ImportOptions { Label = "session-dump" });
            var t = new WorkstationHarness();
            t.Services.Add(new SessionArchive(root));
            t.Press(":").Press("dumps list").Press(Key.Of(KeyCode.Enter));
            var log = t.Pane<LogState>(LogPane.PaneIdValue).Lines.Select(l => l.Text).ToList();
            Assert.Contains($"$ bktui dumps list --archive {root}", log);
            Assert.Contains(log, l => l.Contains("session-dump", StringComparison.Ordinal));
            Assert.Contains("done (exit 0)", t.State.Flash!.Text);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void SessionArchive_IsAddedOnlyToVerbsThatTakeOne_AndNeverOverAnArchiveTheLineNames()
    {
        var session = new SessionArchive("/srv/bench-archive");
        Assert.Equal(["dumps", "devices", "--archive", "/srv/bench-archive"], session.Apply(["dumps", "devices"]));
        Assert.Equal(["dumps", "list", "--archive", "/tmp/other"], session.Apply(["dumps", "list", "--archive", "/tmp/other"]));
        Assert.Equal(["version"], session.Apply(["version"]));
    }

    private static string WriteImage(string dir)
    {
        var path = Path.Combine(dir, "plug.bin");
        File.WriteAllBytes(path, WorkstationHarness.Image);
        return path;
    }
}
