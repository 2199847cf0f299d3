using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.State;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// Clicks on the tab strip and the '?' help as a user meets them on a headless Terminal.Gui driver
/// at 80×24 (one pane) and 120×40 (tiled).
/// </summary>
public sealed class TabStripAndHelpGuiTests
{
    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void ClickOnATabLabel_FocusesThatPane(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(PortsPane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        var strip = screen.Text().Split('\n')[0];
        int archive = strip.IndexOf(" 3 ", StringComparison.Ordinal);
        Assert.True(archive >= 0, strip);
        screen.Click(archive + 2, 0); // on the "3" of "3 Archive" (or "3 Arc")
        Assert.Equal(ArchivePane.PaneIdValue, t.State.FocusedPaneId);
        strip = screen.Text().Split('\n')[0];
        int log = strip.IndexOf(" 7 Log", StringComparison.Ordinal);
        Assert.True(log >= 0, strip);
        screen.Click(log + 4, 0); // on the name
        Assert.Equal(LogPane.PaneIdValue, t.State.FocusedPaneId);
        screen.Click(0, 0); // the program name is no tab
        Assert.Equal(LogPane.PaneIdValue, t.State.FocusedPaneId);
    }

    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void Help_CoversTheBodyEdgeToEdge_AndWrapsLongDescriptions(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(ArchivePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('?'));
        Assert.IsType<HelpOverlay>(t.State.Overlay);
        var rows = screen.Text().Split('\n');
        // Between the box's top and bottom every row is the box's own, from the first column to the last.
        int top = Array.FindIndex(rows, r => r.Contains("Keys — Esc closes", StringComparison.Ordinal));
        Assert.True(top > 0);
        Assert.Equal('┌', rows[top][0]);
        Assert.Equal('┐', rows[top][w - 1]);
        for (int y = top + 1; y < h - 2 && rows[y][0] != '└'; y++)
        {
            Assert.Equal('│', rows[y][0]);
            Assert.Equal('│', rows[y][w - 1]);
        }
        // The focused pane's keys come first: the analysis key's description is whole, wrapped if it must be.
        var flat = System.Text.RegularExpressions.Regex.Replace(string.Join(" ", rows.Select(r => r.Trim(' ', '│'))), " +", " ");
        Assert.Contains("Analysis of the dump: why its grade, chip, key, Tuya pins, RF MAC (secrets masked)", flat);
        Assert.DoesNotContain("…", string.Join("\n", rows.Skip(top + 1).Take(10)));
    }

    [Fact]
    public void Help_ScrollsToItsLastRow_AndNoFurther()
    {
        var t = new WorkstationHarness(80, 24);
        using var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('?'));
        for (int i = 0; i < 100; i++) screen.Press(TgKey.PageDown);
        var text = screen.Text();
        Assert.Contains("Close help", text); // the Help section is last, whole
        int scroll = ((HelpOverlay)t.State.Overlay!).Scroll;
        screen.Press(TgKey.PageDown);
        Assert.Equal(scroll, ((HelpOverlay)t.State.Overlay!).Scroll);
    }
}
