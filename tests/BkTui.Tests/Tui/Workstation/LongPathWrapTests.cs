using BkTui.Tui.Panes.Log;
using BkTui.Tui.Render;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>At 80 columns a path longer than the line breaks after a '/', so every name in it is on one row and can be selected whole.</summary>
public sealed class LongPathWrapTests
{
    private const string Folder = "/home/pi/bench/archive-of-the-kitchen-bench/logs/";
    private const string File = "20261203T193656Z-job-12-restore-factory-bl2028n-zero-key.log";

    [Fact]
    public void A_log_path_in_the_messages_breaks_between_names()
    {
        var t = new WorkstationHarness().Do(new ShowFlash($"job #12 restore-factory failed: see its log {Folder}{File}", FlashLevel.Error));
        t.Press("M");
        var rows = t.Screen().Split('\n');
        Assert.Contains(rows, r => r.Contains(File));
        Assert.Contains(rows, r => r.TrimEnd(' ', '│').EndsWith(Folder, StringComparison.Ordinal));
    }

    [Fact]
    public void A_log_path_in_the_log_pane_breaks_between_names()
    {
        var t = new WorkstationHarness().Do(new LogAppend(new LogLine(WorkstationHarness.Clock, LogLevel.Info, "── " + Folder + File)))
            .Focus(LogPane.PaneIdValue);
        var rows = t.Screen().Split('\n');
        Assert.Contains(rows, r => r.Contains(File));
        Assert.Contains(rows, r => r.TrimEnd().EndsWith("/logs/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a/bb/ccc", 5, new[] { "a/bb/", "ccc" })]
    [InlineData("/abcdefgh", 4, new[] { "/abc", "defg", "h" })]   // no separator after the first character: cut at the width
    [InlineData("see /x/yy/zzz now", 6, new[] { "see", "/x/yy/", "zzz", "now" })]
    public void Wrap_breaks_a_long_word_after_its_last_separator_that_fits(string text, int width, string[] expected) =>
        Assert.Equal(expected, Box.Wrap(text, width));
}
