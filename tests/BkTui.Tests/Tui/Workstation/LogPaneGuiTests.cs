using BkTui.Tui.Panes.Log;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The Log pane as a user meets it on a headless Terminal.Gui driver at 80×24 and 120×40: a filter
/// that hides other lines (f; c clears).
/// </summary>
public sealed class LogPaneGuiTests
{
    private const string LongLine = "verify failed at 0x011000 after 3 attempts: the chip answered with a CRC of another range; check the wiring and the 3.3 V supply, then retry";

    private static WorkstationHarness WithLog(int w, int h)
    {
        var t = new WorkstationHarness(w, h);
        for (int i = 0; i < 30; i++)
            t.Do(new LogAppend(new LogLine(WorkstationHarness.Clock, LogLevel.Info, $"chunk {i} read from bk7231n-plug")));
        t.Do(new LogAppend(new LogLine(WorkstationHarness.Clock, LogLevel.Error, LongLine)));
        t.Do(new LogAppend(new LogLine(WorkstationHarness.Clock, LogLevel.Info, "job #8 waiting for the port")));
        return t.Focus(LogPane.PaneIdValue);
    }

    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void F_ShowsOnlyMatchingLines_SaidInTheStatus_CClearsIt(int w, int h)
    {
        var t = WithLog(w, h);
        using var screen = new GuiScreen(t.App, t.Services);
        Assert.Contains("job #8 waiting", screen.Text());
        screen.Press(new TgKey('f')).Type("chunk 1").Press(TgKey.Enter);
        var text = screen.Text();
        Assert.Contains("chunk 1 read", text);
        Assert.Contains("chunk 12 read", text);
        Assert.DoesNotContain("chunk 2 read", text);
        Assert.DoesNotContain("job #8 waiting", text);
        Assert.Contains("11 of 32 lines, filter 'chunk 1'", text); // 1, 10..19
        screen.Press(new TgKey('c'));
        text = screen.Text();
        Assert.Contains("job #8 waiting", text);
        Assert.DoesNotContain("filter", text.Split('\n').First(l => l.Contains("lines", StringComparison.Ordinal)));
        Assert.Null(t.Pane<LogState>(LogPane.PaneIdValue).Filter);
    }

    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void F_WithNoMatch_SaysSo_AndCIsRefusedWithoutAFilter(int w, int h)
    {
        var t = WithLog(w, h);
        using var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('c'));
        Assert.Contains("no filter is set", screen.Text());
        screen.Press(new TgKey('f')).Type("nothing-like-this").Press(TgKey.Enter);
        Assert.Contains("No line contains 'nothing-like-this'. Press c to clear the filter.", screen.Text());
    }
}
