using BkTui.Tui.Keys;
using BkTui.Tui.Commands;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui;

public class LogPaneTests
{
    private static TuiHarness WithLines(int n)
    {
        var t = new TuiHarness().Press(Key.Ch('2'));
        for (int i = 0; i < n; i++) t.Log($"line {i}");
        return t;
    }

    [Fact]
    public void Following_ShowsNewestLinesAtTheBottom()
    {
        var rows = WithLines(50).Rows();
        Assert.EndsWith("line 49", rows[21].TrimEnd());
        Assert.EndsWith("line 30", rows[2].TrimEnd());
    }

    [Fact]
    public void ScrolledBack_StaysPutWhileLinesArrive_EndFollowsAgain()
    {
        var t = WithLines(50).Press(Key.Of(KeyCode.PageUp));
        Assert.Equal(19, t.LogState.ScrollBack); // 20 rows on screen: the old top line is now the bottom one
        Assert.EndsWith("line 30", t.Rows()[21].TrimEnd());
        t.Log("new");
        Assert.EndsWith("line 30", t.Rows()[21].TrimEnd());
        t.Press(Key.Of(KeyCode.End));
        Assert.EndsWith("new", t.Rows()[21].TrimEnd());
        t.Press(Key.Ch('g'));
        Assert.EndsWith("line 0", t.Rows()[2].TrimEnd());
    }

    /// <summary>Lines that wrap: each one is three rows at 80 columns.</summary>
    private static TuiHarness WithLongLines(int n)
    {
        var t = new TuiHarness().Press(Key.Ch('2'));
        for (int i = 0; i < n; i++) t.Log($"line {i} " + string.Concat(Enumerable.Repeat("step 'read': 0x011000-0x1F0000 verified ", 4)));
        return t;
    }

    [Fact]
    public void WrappedLines_TheOldestIsReachable()
    {
        var t = WithLongLines(12).Press(Key.Ch('g'));
        Assert.StartsWith("line 0 ", t.Rows()[2][9..]);
        t.Press(Key.Of(KeyCode.Up));
        Assert.StartsWith("line 0 ", t.Rows()[2][9..]);
    }

    [Fact]
    public void WrappedLines_PageDownSkipsNoLine()
    {
        var t = WithLongLines(30).Press(Key.Ch('g'));
        var seen = new HashSet<string>();
        for (int page = 0; page < 30 && t.LogState.ScrollBack > 0; page++)
        {
            var screen = string.Join('\n', t.Rows());
            for (int i = 0; i < 30; i++) if (screen.Contains($"line {i} step", StringComparison.Ordinal)) seen.Add($"{i}");
            t.Press(Key.Of(KeyCode.PageDown));
        }
        var last = string.Join('\n', t.Rows());
        for (int i = 0; i < 30; i++) if (last.Contains($"line {i} step", StringComparison.Ordinal)) seen.Add($"{i}");
        Assert.Equal(30, seen.Count);
        Assert.Equal(0, t.LogState.ScrollBack);
    }

    [Fact]
    public void Capacity_IsBounded()
    {
        var t = new TuiHarness();
        for (int i = 0; i < LogState.Capacity + 10; i++) t.Do(new LogAppend(new LogLine(TuiHarness.Clock, LogLevel.Info, "x")));
        Assert.Equal(LogState.Capacity, t.LogState.Lines.Count);
        Assert.Equal(10, t.LogState.Dropped);
    }

    [Fact]
    public void Search_JumpsToNewestMatch_ThenOlder()
    {
        var t = WithLines(100);
        t.Do(new PromptSubmitted("log", "search", "line 7"));
        Assert.EndsWith("line 79", t.Rows()[21].TrimEnd());
        t.Press(Key.Ch('n'));
        Assert.EndsWith("line 78", t.Rows()[21].TrimEnd());
    }

    [Fact]
    public void DeviceText_ControlCharsNeverReachTheScreen()
    {
        var t = WithLines(0);
        t.Log("boot\u001b[2J\u0007ok");
        var row = t.Rows()[2];
        Assert.DoesNotContain('\u001b', row);
        Assert.Contains("boot [2J ok", row);
    }

    [Fact]
    public async Task CommandRunner_CapturesVerbOutput()
    {
        var lines = new List<string>();
        int code = await CommandRunner.RunAsync(["about"], lines.Add, default);
        Assert.Equal(0, code);
        Assert.Contains(lines, l => l.StartsWith("bktui "));
        var bad = new List<string>();
        Assert.Equal(2, await CommandRunner.RunAsync(["no-such-verb"], bad.Add, default));
        Assert.NotEmpty(bad);
    }
}
