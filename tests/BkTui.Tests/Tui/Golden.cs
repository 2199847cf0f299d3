using System.Text;
using BkTui.Tui.Loop;
using BkTui.Tui.State;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Tui;

/// <summary>
/// Golden screens read from a headless Terminal.Gui driver: every row's text, then an attribute
/// mask (one letter per distinct attribute, '.' for the plain one) with its legend. BKTUI_UPDATE_GOLDEN=1 rewrites the files; a mismatch writes
/// &lt;name&gt;.actual beside the golden file and fails naming the first differing line.
/// </summary>
public static class Golden
{
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "BkTui.Tests", "Tui", "Golden");

    /// <summary>The screen as a headless Terminal.Gui driver holds it: text rows, then the attribute mask.</summary>
    public static string Snapshot(TuiApp app, TuiServices? services = null)
    {
        using var screen = new GuiScreen(app, services);
        var text = screen.Text().ReplaceLineEndings("\n");
        var rows = text.Split('\n').Take(app.State.Height).Select(r => r.TrimEnd());
        return string.Join('\n', rows) + "\n--- styles\n" + screen.StyleMask();
    }

    public static void Verify(string name, TuiApp app, TuiServices? services = null)
    {
        var actual = Snapshot(app, services);
        var path = Path.Combine(Directory, name + ".txt");
        if (Environment.GetEnvironmentVariable("BKTUI_UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file missing: {path} (run with BKTUI_UPDATE_GOLDEN=1 and review it)");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            File.Delete(path + ".actual");
            return;
        }
        File.WriteAllText(path + ".actual", actual);
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"{name}: line {line + 1} differs\nexpected: {(line < e.Length ? e[line] : "<end>")}\nactual:   {(line < a.Length ? a[line] : "<end>")}\n(see {path}.actual)");
    }
}
