using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// `x` on a job inside its write step asks first (port, how far, the dump that restores the device);
/// on a read it stops at once. A job that ended inside its write says the flash is incomplete in the
/// Queue row, the job detail and the Device tile.
/// </summary>
public sealed class StopWriteTests
{
    private const string Plug = WorkstationHarness.PlugPort;

    private static JobSnapshot Flash(JobState state, StepState write, string? error = null) => new()
    {
        Id = 9, Request = new JobRequest { Port = Plug, Recipe = Recipe.Flash, FirmwarePath = "/tmp/fw.bin" }, State = state,
        Chip = "BK7231N", Mac = WorkstationHarness.PlugMac, Error = error, DumpId = state.IsFinished() ? 1 : null,
        Progress = new JobProgress("write", 0x80000, 0x119000, 100 * 1024),
        Steps = [new StepReport("identify", StepState.Done), new StepReport("factory dump", StepState.Skipped), new StepReport("pre-flight", StepState.Done),
            new StepReport("write", write), new StepReport("verify", StepState.Pending), new StepReport("reboot", StepState.Pending)],
    };

    private static WorkstationHarness With(JobSnapshot job)
    {
        var t = new WorkstationHarness().Do(new QueueJobChanged(job)).Do(new PortsJobChanged(job)).Focus(QueuePane.PaneIdValue);
        while (t.Pane<QueueState>(QueuePane.PaneIdValue).Selected != job.Id) t.Press("j");
        return t;
    }

    [Fact]
    public void X_OnAWritingJob_AsksNamingPortProgressAndDump_NoKeepsItRunning_YesStopsIt()
    {
        var t = With(Flash(JobState.Running, StepState.Running)).Press("x");
        var dialog = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Equal(("Stop a write", "Stop"), (dialog.Title, dialog.YesLabel));
        Assert.Contains("Port: bk7231n-plug (BK7231N)", dialog.Whole);
        Assert.Contains("Writing: job #9 flash: 46% of the write", dialog.Whole);
        Assert.Contains("will not boot until it is flashed again (r on the job) or dump #2 (it stays in the archive) is restored", dialog.Whole);
        Assert.Empty(t.Bench.Cancelled);
        t.Press("n");
        Assert.Empty(t.Bench.Cancelled);
        t.Press("x").Press("y");
        Assert.Equal([9L], t.Bench.Cancelled);
    }

    [Fact]
    public void X_OnAReadingJob_StopsAtOnce()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue);
        while (t.Pane<QueueState>(QueuePane.PaneIdValue).Selected != 8) t.Press("j");
        t.Press("x");
        Assert.Null(t.State.Overlay);
        Assert.Equal([8L], t.Bench.Cancelled);
    }

    [Fact]
    public void AStopInsideTheWrite_IsAnIncompleteFlash_InTheRowTheDetailAndTheDeviceTile_ButNotAStopBeforeIt()
    {
        var cut = Flash(JobState.Cancelled, StepState.Cancelled, "stopped at a safe point during step 'write' (last good address 0x090000): cancelled by the user");
        Assert.StartsWith("FLASH INCOMPLETE — flash again (r) or restore dump #1", QueueRows.Row(cut).Note);
        Assert.Contains(JobDetail.Lines(cut), l => l.Contains("Flash incomplete: job #9 flash on bk7231n-plug ended inside its write step (last good address 0x090000)"));
        var t = With(cut).Focus(DevicePane.PaneIdValue).Do(new DeviceShowDetail());
        Assert.Contains(Assert.IsType<DetailOverlay>(t.State.Overlay).Lines, l => l.StartsWith("!! Flash incomplete: job #9", StringComparison.Ordinal));

        var before = Flash(JobState.Cancelled, StepState.Cancelled, "stopped at a safe point before step 'write': cancelled by the user");
        Assert.False(HalfWritten.CutShort(before));
        Assert.Equal(before.Error, QueueRows.Row(before).Note);
    }
}
