using BkTui.Tests.TestSupport;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// docs/keys.md, the one generated key table, is the keymap's own help text (HelpContent.Markdown),
/// so it cannot drift from what the keys do. BKTUI_UPDATE_GOLDEN=1 rewrites the block between the markers.
/// </summary>
public sealed class WorkstationKeyTableTests
{
    private const string Begin = "<!-- workstation-keys:begin (generated from PaneCatalog.Workstation; BKTUI_UPDATE_GOLDEN=1 dotnet test --filter WorkstationKeyTable) -->";
    private const string End = "<!-- workstation-keys:end -->";

    [Fact]
    public void KeyTable_MatchesTheWorkstationKeymap()
    {
        var panes = PaneCatalog.Workstation();
        var table = HelpContent.Markdown(Keymap.Build(panes, readOnly: false), panes);
        var path = Path.Combine(RepoPaths.Root, "docs", "keys.md");
        var doc = File.ReadAllText(path);
        int from = doc.IndexOf(Begin, StringComparison.Ordinal), to = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "docs/keys.md lacks the key table markers");
        var current = doc[(from + Begin.Length)..to].Trim('\n');
        if (Environment.GetEnvironmentVariable("BKTUI_UPDATE_GOLDEN") == "1" && current != table.TrimEnd('\n'))
        {
            File.WriteAllText(path, doc[..(from + Begin.Length)] + "\n" + table + doc[to..]);
            return;
        }
        Assert.Equal(table.TrimEnd('\n'), current);
    }
}
