using BkTui.Core.Archive;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The zero-key board after its backup (placeholder MAC, no true identity): the queue row, the job's
/// detail, the Ports row and the Device tile name it as the archive does ("unidentified", the
/// placeholder it reported in upper case) and show the chip and time the archive knows.
/// </summary>
public sealed class UnidentifiedDeviceTests
{
    private const string ZeroKeyPort = "/tmp/bkdemo/bl2028n-zero-key";

    private static WorkstationHarness AfterBackup(int width = 80, int height = 24)
    {
        var bench = WorkstationHarness.Sample();
        bench.PortList.Add(new PortInfo(ZeroKeyPort, null, "pty", null, null, null, "virtual BK7231M", false, null));
        // What the archive lists for its unidentified bucket: its label is the schema's, its chip and time its dump's.
        bench.DeviceList.Add(new DeviceRecord(2, null, "BK7231M", null, null, null, null, null, ["unidentified"], "",
            WorkstationHarness.Clock.AddMinutes(-1), WorkstationHarness.Clock.AddMinutes(-1), 1, 3, new Dictionary<string, int> { [ZeroKeyPort] = 2000000 }));
        bench.JobList.Add(new JobSnapshot
        {
            // The chip reports its MAC in lower case.
            Id = 9, Request = new JobRequest { Port = ZeroKeyPort, Recipe = Recipe.Backup }, State = JobState.Done, DumpId = 3,
            Mac = "c8:47:8c:00:00:00", Chip = "BK7231M",
            Steps = [new StepReport("identify", StepState.Done), new StepReport("read", StepState.Done), new StepReport("archive", StepState.Done, "dump 3 under unidentified (reported C8:47:8C:00:00:00)")],
        });
        return new WorkstationHarness(width, height, bench: bench);
    }

    [Fact]
    public void The_queue_row_and_the_job_name_the_board_as_the_archive_does()
    {
        var t = AfterBackup().Focus(QueuePane.PaneIdValue).Press("gj"); // the running job is pinned first, then this one
        var screen = t.Screen();
        Assert.Contains("backup OK   archive — dump #3 of unidentified (reported", screen); // cut at 80 columns
        Assert.Contains(" BK7231M  unidentified (reported C8:47:8C:00:00:00)  dump #3", screen);   // the detail strip
        Assert.DoesNotContain("c8:47:8c", screen);
        Assert.DoesNotContain("MAC C8:47:8C:00:00:00", screen);

        t.Press(Enter);
        var detail = t.Screen();
        Assert.Contains("Device: unidentified (reported C8:47:8C:00:00:00)", detail);
        Assert.DoesNotContain("c8:47:8c", detail);
    }

    [Fact]
    public void Ports_and_the_device_tile_show_the_archives_name_chip_and_last_seen()
    {
        var t = AfterBackup().Focus(PortsPane.PaneIdValue).Press("jj");
        Assert.Contains("unidentified BK7231M", t.Screen());
        Assert.DoesNotContain("unidentified ?", t.Screen());

        var device = t.Focus(DevicePane.PaneIdValue).Screen();
        Assert.Contains("Last seen   a minute ago on this port", device);
        Assert.Contains("Chip        BK7231M", device);
        Assert.Contains("archived as unidentified", device);
        Assert.DoesNotContain("Label", device);
        Assert.DoesNotContain("not recorded", device.Split('\n').First(l => l.Contains("Chip")));
    }

    [Fact]
    public void A_flash_after_i_names_the_key_the_archive_could_not_record()
    {
        // The archive keeps no key for a board it cannot identify; i on its port found the zero key.
        var t = AfterBackup();
        t.Bench.Chip = FakeBench.ZeroKeyChip;
        t.Focus(PortsPane.PaneIdValue).Press("jj").Press("i");
        var file = DialogGoldenTests.Put("OpenBK7231N_QIO_1.17.bin", BkTui.Tests.Compatibility.GateImages.Build(BkTui.Core.Chips.ChipFamily.BK7231N));
        t.Focus(PortsPane.PaneIdValue).Press("f").Press(file).Press(Enter);
        var confirm = Assert.IsType<BkTui.Tui.State.ConfirmOverlay>(t.State.Overlay);
        var key = Assert.Single(confirm.Stakes, s => s.Label == "Key");
        Assert.Contains("encrypted with the tuya key but the chip last seen on this adapter has the zero key", key.Text);
    }

    [Fact]
    public void The_device_tile_names_its_port_in_the_title_and_the_detail_gives_the_path()
    {
        var t = AfterBackup();
        t.Bench.Chip = FakeBench.ZeroKeyChip;
        t.Focus(PortsPane.PaneIdValue).Press("jj").Press("i");
        var tile = t.Focus(DevicePane.PaneIdValue).Screen();
        Assert.Contains("[6] Device  bl2028n-zero-key", tile);
        Assert.DoesNotContain(ZeroKeyPort, tile); // a short tile keeps its rows for the chip and the verdict
        var detail = Assert.IsType<BkTui.Tui.State.DetailOverlay>(t.Press(Enter).State.Overlay);
        Assert.Equal($"Port: bl2028n-zero-key ({ZeroKeyPort})", detail.Lines[0]);
    }

    private static readonly BkTui.Tui.Keys.Key Enter = BkTui.Tui.Keys.Key.Of(BkTui.Tui.Keys.KeyCode.Enter);
}
