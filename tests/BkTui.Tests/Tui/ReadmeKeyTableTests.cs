using BkTui.Tests.TestSupport;
using BkTui.Tui.Keys;

namespace BkTui.Tests.Tui;

/// <summary>The README's key table is generated from the keymap (BKTUI_UPDATE_GOLDEN=1 rewrites it).</summary>
public class ReadmeKeyTableTests
{
    private const string Begin = "<!-- keys:begin (generated from the keymap; BKTUI_UPDATE_GOLDEN=1 dotnet test --filter ReadmeKeyTable) -->";
    private const string End = "<!-- keys:end -->";

    [Fact]
    public void Readme_KeyTable_MatchesTheKeymap()
    {
        var app = new TuiHarness().App;
        var table = HelpContent.Markdown(app.Keymap, app.Panes);
        var path = Path.Combine(RepoPaths.Root, "README.md");
        var readme = File.ReadAllText(path);
        int start = readme.IndexOf(Begin, StringComparison.Ordinal), end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md lacks the keys:begin/keys:end markers");
        var current = readme[(start + Begin.Length)..end].Trim('\n');
        if (Environment.GetEnvironmentVariable("BKTUI_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, readme[..(start + Begin.Length)] + "\n" + table + readme[end..]);
            return;
        }
        Assert.Equal(table.Trim('\n'), current);
    }
}
