using BkTui.Tui.Panes.Log;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.ViewModels;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>The Ports pane looks at the ports again on the clock: no R needed for a port taken, freed, plugged or pulled.</summary>
public sealed class PortsPollTests
{
    private static readonly DateTimeOffset Start = WorkstationHarness.Clock;

    [Fact]
    public void A_port_another_program_takes_shows_busy_on_the_next_look_not_before()
    {
        var t = new WorkstationHarness(100, 30).Focus(PortsPane.PaneIdValue);
        var plug = t.Bench.PortList[0]; // no job of ours on it (the sample runs one on the bulb)
        t.Bench.PortList[0] = plug with { Busy = true, HolderPid = 4242, HolderName = "minicom" };

        t.Do(new Tick(Start + PortsPane.PollInterval / 2));
        Assert.DoesNotContain(t.Effects, e => e is PortsPollEffect);
        Assert.DoesNotContain("busy", t.Screen());

        t.Do(new Tick(Start + PortsPane.PollInterval));
        Assert.Single(t.Effects, e => e is PortsPollEffect);
        Assert.Contains(t.Screen().Split('\n'), r => r.Contains(PortRows.ShortName(plug)) && r.Contains("busy"));
    }

    [Fact]
    public void A_look_that_finds_nothing_new_leaves_the_port_list_as_it_was()
    {
        var t = new WorkstationHarness(100, 30);
        var before = t.Pane<PortsState>(PortsPane.PaneIdValue);
        t.Do(new Tick(Start + PortsPane.PollInterval));
        var after = t.Pane<PortsState>(PortsPane.PaneIdValue);
        Assert.Single(t.Effects, e => e is PortsPollEffect);
        Assert.True(before.Ports == after.Ports, "the same array: nothing to redraw");
        Assert.False(after.Polling);
    }

    [Fact]
    public void An_adapter_plugged_in_appears_and_one_pulled_goes_with_its_mark()
    {
        var t = new WorkstationHarness(100, 30).Focus(PortsPane.PaneIdValue);
        var pulled = t.Pane<PortsState>(PortsPane.PaneIdValue).Ports[^1];
        t.Do(new PortsToggleMark()).Do(new PortsMove(1)).Do(new PortsToggleMark()); // both ports marked, the last selected
        var selected = t.Pane<PortsState>(PortsPane.PaneIdValue).Selected;
        Assert.Equal(pulled.Path, selected);

        t.Bench.PortList.Remove(pulled);
        t.Bench.PortList.Add(pulled with { Path = "/dev/ttyUSB7", ById = null });
        t.Do(new Tick(Start + PortsPane.PollInterval));

        var pane = t.Pane<PortsState>(PortsPane.PaneIdValue);
        Assert.Contains(pane.Ports, p => p.Path == "/dev/ttyUSB7");
        Assert.DoesNotContain(pane.Ports, p => p.Path == pulled.Path);
        Assert.DoesNotContain(pulled.Path, pane.Marked);
        Assert.Single(pane.Marked); // the other mark stays
        Assert.NotEqual(pulled.Path, pane.Selected);
    }

    [Fact]
    public void No_second_look_starts_while_one_is_out()
    {
        var t = new WorkstationHarness(100, 30);
        var first = t.App.Dispatch(new Tick(Start + PortsPane.PollInterval)); // dispatched, its effect not run
        Assert.Single(first, e => e is PortsPollEffect);
        Assert.DoesNotContain(t.App.Dispatch(new Tick(Start + 3 * PortsPane.PollInterval)), e => e is PortsPollEffect);
        t.App.Dispatch(new PortsPolled(null)); // a failed look ends the poll, the next one comes on time
        Assert.Single(t.App.Dispatch(new Tick(Start + 4 * PortsPane.PollInterval)), e => e is PortsPollEffect);
    }
}

/// <summary>A port another program holds: who holds it is the footer's first line, and no job is queued on it.</summary>
public sealed class BusyPortTests
{
    private static WorkstationHarness WithPlugHeld(int width, int height)
    {
        var bench = WorkstationHarness.Sample();
        bench.PortList[0] = bench.PortList[0] with { Busy = true, HolderPid = 4242, HolderName = "minicom" };
        return new WorkstationHarness(width, height, bench: bench).Focus(PortsPane.PaneIdValue);
    }

    [Theory]
    [InlineData(100, 30)]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void TheFooterNamesTheHolder_BeforeThePortsDescription(int width, int height)
    {
        var t = WithPlugHeld(width, height);
        var screen = t.Screen();
        Assert.Contains("held by pid 4242 minicom", screen);
        var rows = screen.Split('\n');
        int held = Array.FindIndex(rows, r => r.Contains("held by pid 4242 minicom"));
        int path = Array.FindIndex(rows, r => r.Contains(WorkstationHarness.PlugPort[..12]));
        Assert.True(held < path, $"the holder (row {held}) comes before the description (row {path})");
    }

    [Fact]
    public void AJobOnABusyPort_IsNotQueued_AndSaysWhoHoldsIt()
    {
        var t = WithPlugHeld(100, 30);
        t.Press("b");
        Assert.Empty(t.Bench.Enqueued);
        Assert.Null(t.State.Overlay);
        Assert.Contains("bk7231n-plug is busy, held by pid 4242 minicom", t.State.Flash!.Text);
        Assert.Contains("Nothing was queued", t.State.Flash.Text);
        // The refusal stays on the bench's record, not only on the message line.
        var log = (LogState)t.State.Panes[LogPane.PaneIdValue];
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("bk7231n-plug is busy, held by pid 4242 minicom"));
    }
}
