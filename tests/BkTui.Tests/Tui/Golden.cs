using System.Text;
using BkTui.Terminal.Screen;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Tui;

/// <summary>
/// Golden screens: every row's text, then a style mask (one letter per distinct SGR, '.' for the
/// default) with its legend. BKTUI_UPDATE_GOLDEN=1 rewrites the files; a mismatch writes
/// &lt;name&gt;.actual beside the golden file and fails naming the first differing line.
/// </summary>
public static class Golden
{
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "BkTui.Tests", "Tui", "Golden");

    public static string Snapshot(ScreenBuffer buffer)
    {
        var sb = new StringBuilder();
        for (int y = 0; y < buffer.Height; y++) sb.Append(buffer.RowText(y).TrimEnd()).Append('\n');
        sb.Append("--- styles\n");
        var letters = new Dictionary<string, char>();
        for (int y = 0; y < buffer.Height; y++)
        {
            var row = new StringBuilder();
            for (int x = 0; x < buffer.Width; x++)
            {
                var cell = buffer[x, y];
                if (cell.IsContinuation) continue;
                var sgr = buffer.Styles.Sgr(cell.Style);
                if (cell.Style == 0 || sgr.Length == 0) { row.Append('.'); continue; }
                if (!letters.TryGetValue(sgr, out var letter))
                    letters[sgr] = letter = (char)(letters.Count < 26 ? 'a' + letters.Count : 'A' + letters.Count - 26);
                row.Append(letter);
            }
            sb.Append(row.ToString().TrimEnd('.')).Append('\n');
        }
        sb.Append("--- legend\n");
        foreach (var (sgr, letter) in letters) sb.Append(letter).Append(" = ").Append(sgr.Replace("\u001b", "ESC")).Append('\n');
        return sb.ToString();
    }

    public static void Verify(string name, ScreenBuffer buffer)
    {
        var actual = Snapshot(buffer);
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
