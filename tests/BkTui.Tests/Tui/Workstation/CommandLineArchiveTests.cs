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

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void CommandOutput_WiderThanTheLogPane_IsReadWhole(int w, int h)
    {
        var root = Directory.CreateTempSubdirectory("bktui-session-").FullName;
        try
        {
            using (var archive = DumpArchive.Open(root))
                archive.ImportFile(WriteImage(root), new ImportOptions { Label = "session-dump" });
            var t = new WorkstationHarness(w, h);
            t.Services.Add(new SessionArchive(root));
            t.Press(":").Press("dumps list").Press(Key.Of(KeyCode.Enter)).Press("7");
            var log = t.Pane<LogState>(LogPane.PaneIdValue).Lines.Select(l => l.Text).ToList();
            // The table's own lines (Console.Out is process-wide: a test running beside this one may add lines).
            var output = log.Where(l => l.StartsWith("ID ", StringComparison.Ordinal) || l.Contains("session-dump", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, output.Count);
            Assert.Contains(output, l => l.Length > 80); // wider than the pane (80 columns, 71 in the tile) at either size
            var shown = LogLinesOnScreen(t.Screen(), "$ bktui dumps list");
            foreach (var line in output) Assert.Contains(Collapsed(line), shown);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    /// <summary>The log's lines as the screen shows them: a line's rows (time first, then rows under its text) joined, spaces collapsed.</summary>
    private static List<string> LogLinesOnScreen(string screen, string firstText)
    {
        var rows = screen.Split('\n');
        int x = rows.Select(r => r.IndexOf(firstText, StringComparison.Ordinal)).First(i => i >= 0) - "HH:mm:ss ".Length;
        var lines = new List<string>();
        foreach (var row in rows.Select(r => r.Length > x ? r[x..] : ""))
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(row, @"^\d\d:\d\d:\d\d ")) lines.Add(row[9..]);
            else if (row.StartsWith("         ", StringComparison.Ordinal) && row.Trim().Length > 0 && lines.Count > 0) lines[^1] += " " + row;
        }
        return lines.Select(Collapsed).ToList();
    }

    private static string Collapsed(string text) => System.Text.RegularExpressions.Regex.Replace(text.Trim(), " +", " ");

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
