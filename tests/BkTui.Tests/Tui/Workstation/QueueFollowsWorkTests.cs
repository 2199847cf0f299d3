using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The queue's selection and detail strip follow the running job until the user moves the selection,
/// and a "…ing" message leaves the message line when its work ends.
/// </summary>
public sealed class QueueFollowsWorkTests
{
    private const string Plug = WorkstationHarness.PlugPort;

    private static JobSnapshot Job(long id, JobState state, long? dump = null) => new()
    {
        Id = id, Request = new JobRequest { Port = Plug, Recipe = Recipe.Backup }, State = state, DumpId = dump,
        Steps = [new StepReport("read", state == JobState.Running ? StepState.Running : StepState.Done)],
    };

    private static long? Selected(WorkstationHarness t) => t.Pane<QueueState>(QueuePane.PaneIdValue).Selected;

    /// <summary>The detail strip's heading line names the job it shows.</summary>
    private static string Strip(WorkstationHarness t) => t.Screen().Split('\n').Single(l => l.Contains("Enter: all of it"));

    [Fact]
    public void The_detail_strip_follows_a_newer_job_as_it_starts_and_finishes()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue);
        t.Do(new QueueJobChanged(Job(8, JobState.Done, dump: 2)));           // the sample's running job finishes
        Assert.Equal(8, Selected(t));
        t.Do(new QueueJobChanged(Job(11, JobState.Running)));
        Assert.Equal(11, Selected(t));
        Assert.Contains("job #11 backup", Strip(t));
        t.Do(new QueueJobChanged(Job(11, JobState.Done, dump: 3)));
        Assert.Equal(11, Selected(t));                                      // its result stays in view
        t.Do(new QueueJobChanged(Job(12, JobState.Queued)));
        Assert.Equal(12, Selected(t));
        t.Do(new QueueJobChanged(Job(12, JobState.Running)));
        Assert.Contains("job #12 backup", Strip(t));
    }

    [Fact]
    public void A_selection_the_user_moved_stays_where_they_put_it()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("G"); // the oldest finished job
        Assert.Equal(7, Selected(t));
        t.Do(new QueueJobChanged(Job(11, JobState.Running)));
        t.Do(new QueueJobChanged(Job(11, JobState.Done, dump: 3)));
        Assert.Equal(7, Selected(t));
        Assert.Contains("job #7 backup", Strip(t));
    }

    [Fact]
    public void The_analysing_message_goes_when_the_analysis_is_shown()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue).Press("j").Press("a");
        Assert.IsType<DetailOverlay>(t.State.Overlay);
        Assert.Contains(t.Messages(), m => m.StartsWith("analysing dump #", StringComparison.Ordinal)); // it was said
        Assert.Null(t.State.Flash);                                                                      // and is over
        t.Press(BkTui.Tui.Keys.Key.Of(BkTui.Tui.Keys.KeyCode.Escape));
        Assert.DoesNotContain("analysing", t.Screen());
    }

    [Fact]
    public void A_message_that_replaced_the_work_in_progress_stays_when_the_work_ends()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue).Press("j").Press("o");
        Assert.StartsWith("opened dump-1.bin", t.State.Flash?.Text); // the hex viewer's word replaced "opening dump #1…"
        t.Do(new ShowFlash("something else")).Do(new WorkEnded("opening dump #2"));
        Assert.Equal("something else", t.State.Flash?.Text);
    }

    /// <summary>More jobs than rows: the count of hidden ones is a row of its own (it was drawn over a job's result).</summary>
    [Fact]
    public void Hidden_jobs_are_counted_on_a_row_of_their_own()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue);
        for (long id = 20; id < 50; id++) t.Do(new QueueJobChanged(Job(id, JobState.Done, dump: 2)));
        var rows = t.Screen().Split('\n');
        var marker = Assert.Single(rows, r => r.Contains("more jobs — j/k scroll", StringComparison.Ordinal));
        Assert.DoesNotContain("#", marker);
        Assert.DoesNotContain("backup", marker);
    }

    [Fact]
    public void A_failure_longer_than_the_strip_ends_with_a_pointer_to_the_whole_job()
    {
        var t = new WorkstationHarness(100, 30).Focus(QueuePane.PaneIdValue);
        var reason = "Wrong chip family: OpenBK7231T_QIO_demo.bin is built for BK7231T but this chip is a BK7231N (bootloader bl_bk7231n_1.0.1): " +
                     "it would not boot. Nothing was written. Use the BK7231N build, OpenBK7231N_QIO_*.bin (`bktui firmware get --chip BK7231N`).";
        t.Do(new QueueJobChanged(Job(12, JobState.Failed) with { Error = $"{Plug}: {reason}", ErrorKind = JobErrorKind.Refused }));
        var rows = t.Press("j").Screen().Split('\n'); // from the running job, pinned first, to this one
        int heading = Array.FindIndex(rows, l => l.Contains("job #12 backup"));
        Assert.True(heading >= 0, string.Join('\n', rows));
        // The tile's strip has a few rows: the reason does not fit, and its last row says where it is whole.
        var strip = rows.Skip(heading + 1).Select(l => l.Split('│')[0].TrimEnd()).TakeWhile(l => l.Length > 0).ToList();
        Assert.True(strip.Any(l => l.Contains("FAIL: Wrong chip family")), string.Join('\n', rows));
        Assert.EndsWith("… Enter", strip.Last(l => l.Length > 0));
    }
}
