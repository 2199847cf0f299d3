using BkTui.Core.Formats.Analysis;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Partitions;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;
using BkTui.Tui.Views.Hex;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>Top and bottom are the same keys in every list and scrolled text: Home/g to the first row, End/G to the last, PgUp/PgDn a page.</summary>
public sealed class ListNavigationTests
{
    private static readonly Key Home = Key.Of(KeyCode.Home), End = Key.Of(KeyCode.End);

    [Fact]
    public void EveryPane_BindsTheSameMovementKeys()
    {
        var keymap = new WorkstationHarness().App.Keymap;
        Key[] movement = [Key.Ch('k'), Key.Ch('j'), Key.Of(KeyCode.Up), Key.Of(KeyCode.Down), Key.Of(KeyCode.PageUp), Key.Of(KeyCode.PageDown), Home, End, Key.Ch('g'), Key.Ch('G')];
        string[] contexts = [.. PaneCatalog.Workstation().Select(p => p.Id), Contexts.Help, Contexts.Detail, Contexts.Picker];
        foreach (var context in contexts)
        {
            var missing = movement.Where(k => !keymap.Bindings.Any(b => b.Context == context && b.Keys.Contains(k))).ToList();
            Assert.True(missing.Count == 0, $"{context} lacks {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Archive_GoesToTheLastAndFirstRow()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue);
        var rows = ArchivePane.Rows(t.Pane<ArchiveState>(ArchivePane.PaneIdValue), t.State.Now);
        Assert.True(rows.Count >= 3);
        t.Press("G");
        Assert.Equal(rows[^1].Key, t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Selected);
        t.Press("g");
        Assert.Equal(rows[0].Key, t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Selected);
        t.Press(End);
        Assert.Equal(rows[^1].Key, t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Selected);
        t.Press(Home);
        Assert.Equal(rows[0].Key, t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Selected);
        Assert.Null(t.State.Flash);
    }

    [Fact]
    public void Ports_GoesToTheLastAndFirstPort()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("G");
        Assert.Equal(WorkstationHarness.BulbPort, t.Pane<PortsState>(PortsPane.PaneIdValue).Selected);
        t.Press(Home);
        Assert.Equal(WorkstationHarness.PlugPort, t.Pane<PortsState>(PortsPane.PaneIdValue).Selected);
        t.Press(Key.Of(KeyCode.PageDown));
        Assert.Equal(WorkstationHarness.BulbPort, t.Pane<PortsState>(PortsPane.PaneIdValue).Selected);
    }

    [Fact]
    public void Queue_GoesToTheLastAndFirstJob()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("G"); // running #8 first, then the finished #7
        Assert.Equal(7L, t.Pane<QueueState>(QueuePane.PaneIdValue).Selected);
        t.Press("g");
        Assert.Equal(8L, t.Pane<QueueState>(QueuePane.PaneIdValue).Selected);
    }

    [Fact]
    public void Partitions_GoesToTheLastAndFirstPartition()
    {
        var map = PartitionMapView.From(0x200000, [
            new PartitionInfo("bootloader", 0, 0x11000, "FAL"), new PartitionInfo("app", 0x11000, 0x119000, "FAL"),
            new PartitionInfo("rf-calibration", 0x1D0000, 0x1000, "TLV")]);
        var t = new WorkstationHarness();
        using var bytes = new HexDocument(new MemoryByteSource("dump-2.bin", new byte[0x200000]), map);
        t.Do(new HexOpened(bytes)).Focus(PartitionsPane.PaneIdValue).Press("G");
        Assert.Equal(t.Dumps.Map.Map!.Rows.Count - 1, t.Dumps.Map.Selected);
        t.Press("g");
        Assert.Equal(0, t.Dumps.Map.Selected);
    }

    [Fact]
    public void Device_ScrollsToTheBottomAndTop()
    {
        var bench = WorkstationHarness.Sample();
        bench.Chip = FakeBench.ZeroKeyChip;
        var t = new WorkstationHarness(bench: bench).Focus(PortsPane.PaneIdValue).Press("i").Focus(DevicePane.PaneIdValue).Press("G");
        int bottom = t.Pane<DeviceState>(DevicePane.PaneIdValue).Scroll;
        Assert.True(bottom > 0);
        t.Press("j");
        Assert.Equal(bottom, t.Pane<DeviceState>(DevicePane.PaneIdValue).Scroll);
        t.Press("g");
        Assert.Equal(0, t.Pane<DeviceState>(DevicePane.PaneIdValue).Scroll);
    }

    [Fact]
    public void HelpAndDetail_ScrollToTheBottomAndTop()
    {
        var t = new WorkstationHarness().Press("?").Press("G");
        int bottom = Assert.IsType<HelpOverlay>(t.State.Overlay).Scroll;
        Assert.True(bottom > 0);
        t.Press("j").Press(Home);
        Assert.Equal(0, Assert.IsType<HelpOverlay>(t.State.Overlay).Scroll);
        t.Press("q").Do(new ShowDetail("long", [.. Enumerable.Range(1, 80).Select(i => $"line {i}")])).Press(End);
        Assert.True(Assert.IsType<DetailOverlay>(t.State.Overlay).Scroll > 0);
        t.Press("g");
        Assert.Equal(0, Assert.IsType<DetailOverlay>(t.State.Overlay).Scroll);
    }
}
