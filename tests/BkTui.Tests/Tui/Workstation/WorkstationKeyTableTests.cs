using BkTui.Tests.TestSupport;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The README's workstation key table is the keymap's own help text (HelpContent.Markdown), so it
/// cannot drift from what the keys do. BKTUI_UPDATE_GOLDEN=1 rewrites the block between the markers.
/// </summary>
public sealed class WorkstationKeyTableTests
{
    private const string Begin = "<!-- workstation-keys:begin (generated from PaneCatalog.Workstation; BKTUI_UPDATE_GOLDEN=1 dotnet test --filter WorkstationKeyTable) -->";
    private const string End = "<!-- workstation-keys:end -->";

    [Fact]
    public void ReadmeKeyTable_MatchesTheWorkstationKeymap()
    {
        var panes = PaneCatalog.Workstation();
        var table = HelpContent.Markdown(Keymap.Build(panes, readOnly: false), panes);
        var path = Path.Combine(RepoPaths.Root, "README.md");
        var readme = File.ReadAllText(path);
        int from = readme.IndexOf(Begin, StringComparison.Ordinal), to = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "README.md lacks the key table markers");
        var current = readme[(from + Begin.Length)..to].Trim('\n');
        if (Environment.GetEnvironmentVariable("BKTUI_UPDATE_GOLDEN") == "1" && current != table.TrimEnd('\n'))
        {
            File.WriteAllText(path, readme[..(from + Begin.Length)] + "\n" + table + readme[to..]);
            return;
        }
        Assert.Equal(table.TrimEnd('\n'), current);
    }
}
