using BkTui.Core.Formats.Analysis;
using BkTui.Tui.Keys;
using BkTui.Tui.ViewModels;
using BkTui.Tui.Render;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Partitions;
using BkTui.Tui.Views.Hex;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>Every workstation pane at 80×24 and 120×40, mono and 16 colours (text + style mask).</summary>
public sealed class WorkstationGoldenTests
{
    public static TheoryData<int, int, ColorMode> Sizes => GoldenScreenTests.Sizes;

    private static string Name(string what, int w, int h, ColorMode mode) => $"ws-{what}-{w}x{h}-{(mode == ColorMode.Mono ? "mono" : "16")}";

    [Theory, MemberData(nameof(Sizes))]
    public void Ports(int w, int h, ColorMode mode)
    {
        var t = new WorkstationHarness(w, h, mode).Focus(PortsPane.PaneIdValue).Press(" ");
        Golden.Verify(Name("ports", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Queue(int w, int h, ColorMode mode)
    {
        var t = new WorkstationHarness(w, h, mode).Focus(QueuePane.PaneIdValue).Do(new QueueMove(1));
        Golden.Verify(Name("queue", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Archive(int w, int h, ColorMode mode)
    {
        var t = new WorkstationHarness(w, h, mode).Focus(ArchivePane.PaneIdValue).Press(" j");
        Golden.Verify(Name("archive", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Partitions(int w, int h, ColorMode mode)
    {
        // A fixed map (not the simulator's image, which other parts refine) so the screen pins only this pane.
        var map = PartitionMapView.From(0x200000, [
            new PartitionInfo("bootloader", 0, 0x11000, "FAL table in the bootloader: 'bootloader' (CRC-16 blocks)"),
            new PartitionInfo("app", 0x11000, 0x119000, "FAL table in the bootloader: 'app' (CRC-16 blocks)"),
            new PartitionInfo("download", 0x12A000, 0xA6000, "FAL table in the bootloader: 'download' (raw)"),
            new PartitionInfo("rf-calibration", 0x1D0000, 0x1000, "\"TLV\" magic, length 0x62"),
            new PartitionInfo("tuya-kv", 0x1EE000, 0x12000, "AES key block (magic 0x13579753) and 17 data blocks")]);
        var t = new WorkstationHarness(w, h, mode);
        using var bytes = new HexDocument(new MemoryByteSource("dump-2.bin", new byte[0x200000]), map);
        t.Do(new HexOpened(bytes)).Focus(PartitionsPane.PaneIdValue).Press("j");
        Golden.Verify(Name("partitions", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Device(int w, int h, ColorMode mode)
    {
        var bench = WorkstationHarness.Sample();
        bench.Chip = FakeBench.ZeroKeyChip;
        bench.MonitorLines.AddRange(["        BK7231n_1.0.11", "[I/FAL] Fal(V0.4.0)success", "[I/OTA] RT-Thread OTA package(V0.2.4) initialize success.",
            "go os_addr(0x10000)..........", "[Flash]id:0xeb6015", "Info:MAIN:Main_Init_Before_Delay"]);
        var t = new WorkstationHarness(w, h, mode, bench: bench).Focus(PortsPane.PaneIdValue).Press("i").Press("m");
        Golden.Verify(Name("device", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void RestoreConfirm(int w, int h, ColorMode mode)
    {
        var t = new WorkstationHarness(w, h, mode).Focus(QueuePane.PaneIdValue).Do(new QueueAdd(Core.Jobs.Recipe.RestoreRf));
        Golden.Verify(Name("confirm-rf", w, h, mode), t.App, t.Services);
    }
}
