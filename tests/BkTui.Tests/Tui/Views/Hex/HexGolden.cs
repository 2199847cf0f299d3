using System.Text;
using BkTui.Tests.TestSupport;
using Terminal.Gui.App;

namespace BkTui.Tests.Tui.Views.Hex;

/// <summary>
/// Golden screens for the Terminal.Gui hex views: the text, then one letter per distinct attribute
/// ('.' for the terminal default) with its legend. BKTUI_UPDATE_GOLDEN=1 rewrites the files; a
/// mismatch writes &lt;name&gt;.actual beside the golden file.
/// </summary>
public static class HexGolden
{
    private static string Directory => Path.Combine(RepoPaths.Root, "tests", "BkTui.Tests", "Tui", "Views", "Hex", "Golden");

    public static string Snapshot(IApplication app)
    {
        var contents = app.Driver!.Contents!;
        int rows = contents.GetLength(0), cols = contents.GetLength(1);
        var sb = new StringBuilder();
        foreach (var line in app.Driver.ToString()!.Replace("\r", "").Split('\n').Take(rows)) sb.Append(line.TrimEnd()).Append('\n');
        sb.Append("--- attributes\n");
        var letters = new Dictionary<string, char>();
        for (int y = 0; y < rows; y++)
        {
            var row = new StringBuilder();
            for (int x = 0; x < cols; x++)
            {
                var a = contents[y, x].Attribute?.ToString() ?? "";
                if (a.Length == 0 || a == DefaultAttribute) { row.Append('.'); continue; }
                if (!letters.TryGetValue(a, out var letter)) letters[a] = letter = (char)('a' + letters.Count % 26);
                row.Append(letter);
            }
            sb.Append(row.ToString().TrimEnd('.')).Append('\n');
        }
        sb.Append("--- legend\n");
        foreach (var (a, letter) in letters) sb.Append(letter).Append(" = ").Append(a).Append('\n');
        return sb.ToString();
    }

    private static readonly string DefaultAttribute = new global::Terminal.Gui.Drawing.Attribute(global::Terminal.Gui.Drawing.Color.None, global::Terminal.Gui.Drawing.Color.None).ToString();

    public static void Verify(string name, IApplication app)
    {
        var actual = Snapshot(app);
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
        Assert.Equal(expected, actual);
    }
}
