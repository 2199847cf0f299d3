using BkTui.Core.Jobs;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>A mistyped ':' command and a write of a file that is not there get one clear message each, and nothing is asked or queued.</summary>
public sealed class CommandAndFileMistakesTests
{
    private static readonly Key Enter = Key.Of(KeyCode.Enter);

    private static IReadOnlyList<string> Log(WorkstationHarness t) => t.Pane<LogState>(LogPane.PaneIdValue).Lines.Select(l => l.Text).ToList();

    [Fact]
    public void An_unknown_command_says_what_was_typed_that_it_is_none_and_the_commands()
    {
        var t = new WorkstationHarness(120, 40).Press(":").Press("frobnicate").Press(Enter);
        var message = Assert.Single(t.Messages());
        Assert.StartsWith("':frobnicate' is not a command. Commands: ", message);
        Assert.Contains("dumps", message);
        Assert.Contains("':VERB --help' explains one", message);
        Assert.Equal(FlashLevel.Error, t.State.Flash!.Level);
        Assert.DoesNotContain(Log(t), l => l.Contains("Required command", StringComparison.Ordinal) || l.Contains("frobnicate", StringComparison.Ordinal));
        Assert.Contains("Error: ':frobnicate' is not a command.", t.Screen());
    }

    [Fact]
    public void An_unknown_word_under_a_verb_is_the_one_error_in_the_log()
    {
        var t = new WorkstationHarness().Press(":").Press("dumps frobnicate").Press(Enter);
        var log = Log(t);
        Assert.Contains(log, l => l.Contains("'frobnicate'", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("Required command was not provided", StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_write_of_a_missing_file_names_it_and_asks_nothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"bktui-no-such-{Guid.NewGuid():N}.bin");
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("c").Press($"write {missing} 0x1D0000").Press(Enter);
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Bench.Enqueued);
        Assert.Equal($"custom write not asked: the file {missing} does not exist. Nothing was queued.", t.State.Flash!.Text);
        Assert.DoesNotContain("0x1D0000–0x1D0000", t.Screen());

        t.Press(":").Press($"write --port {WorkstationHarness.PlugPort} --in {missing} --start 0x1D0000").Press(Enter); // the ':' line's write too
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Bench.Enqueued);
        Assert.Contains(missing, t.State.Flash!.Text);
    }
}
