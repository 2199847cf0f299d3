using BkTui.Core.Serial;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>In the flash prompt, ↑ offers first the builds named for the chip on the port the job goes to.</summary>
public sealed class FirmwareHistoryTests
{
    private static readonly string[] Builds = ["/fw/OpenBK7231T_QIO_1.17.bin", "/fw/OpenBK7231N_QIO_1.17.bin", "/fw/OpenBK7231M_QIO_1.17.bin"];

    private static string FirstUp(WorkstationHarness t)
    {
        t.Do(new SeedPromptHistory(QueuePane.FirmwarePurpose, Builds));
        t.Press("f").Press(Key.Of(KeyCode.Up));
        return ((PromptOverlay)t.State.Overlay!).Text;
    }

    [Theory]
    [InlineData(WorkstationHarness.PlugPort, "/fw/OpenBK7231N_QIO_1.17.bin")] // the archive saw a BK7231N there
    [InlineData(WorkstationHarness.BulbPort, "/fw/OpenBK7231T_QIO_1.17.bin")] // its description names a BK7231T
    public void Up_OffersTheBuildForTheTargetPortsChipFirst(string port, string expected)
    {
        var bench = WorkstationHarness.Sample();
        bench.PortList[0] = bench.PortList[0] with { Product = "USB Serial" }; // the plug's chip known from the archive only
        var t = new WorkstationHarness(100, 30, bench: bench).Focus(PortsPane.PaneIdValue);
        while (t.Pane<PortsState>(PortsPane.PaneIdValue).Selected != port) t.Do(new PortsMove(1));
        Assert.Equal(expected, FirstUp(t));
        t.Press(Key.Of(KeyCode.Up));
        Assert.Equal("/fw/OpenBK7231M_QIO_1.17.bin", ((PromptOverlay)t.State.Overlay!).Text); // then the rest, newest first
    }

    [Fact]
    public void Up_WithNothingKnownOfTheChip_OffersTheNewestEntry()
    {
        var bench = WorkstationHarness.Sample();
        bench.PortList.Add(new PortInfo("/dev/ttyUSB0", null, "ch341-uart", "1a86", "7523", null, "USB Serial", false, null));
        var t = new WorkstationHarness(100, 30, bench: bench).Focus(PortsPane.PaneIdValue);
        while (t.Pane<PortsState>(PortsPane.PaneIdValue).Selected != "/dev/ttyUSB0") t.Do(new PortsMove(1));
        Assert.Equal(Builds[^1], FirstUp(t));
    }

    [Fact]
    public void Up_ForMarkedPortsOfDifferentChips_KeepsTheHistorysOwnOrder()
    {
        var t = new WorkstationHarness(100, 30).Focus(PortsPane.PaneIdValue);
        t.Do(new PortsToggleMark()).Do(new PortsMove(1)).Do(new PortsToggleMark());
        Assert.Equal(2, t.Pane<PortsState>(PortsPane.PaneIdValue).Marked.Count);
        Assert.Equal(Builds[^1], FirstUp(t));
    }
}
