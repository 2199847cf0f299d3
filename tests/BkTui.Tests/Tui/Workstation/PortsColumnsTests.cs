using BkTui.Core.Archive;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Tui.Bench;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.ViewModels;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The Ports table keeps its columns at 80×24 while jobs run and archive devices: the DRIVER column
/// vanished after the first backup (the recorded device's name widened its column); now the last
/// device is cut (the footer names it whole) and the job text is short with its percentage first.
/// </summary>
public sealed class PortsColumnsTests
{
    private const string Fountain = "/tmp/bkdemo/bl2028n-zero-key";

    private static FakeBench Bench()
    {
        var b = new FakeBench();
        b.PortList.Add(new PortInfo(WorkstationHarness.PlugPort, null, "pty", null, null, null, "virtual BK7231N", false, null));
        b.PortList.Add(new PortInfo(Fountain, null, "pty", null, null, null, "virtual BK7231M", false, null));
        return b;
    }

    private static string Header(WorkstationHarness t) => t.Screen().Split('\n').Single(l => l.Contains("PORT") && l.Contains("STATE"));

    [Fact]
    public void The_columns_stay_when_a_backup_records_a_device_and_a_job_runs()
    {
        var bench = Bench();
        var t = new WorkstationHarness(80, 24, bench: bench).Focus(PortsPane.PaneIdValue);
        var before = Header(t);
        Assert.Contains("DRIVER", before);
        Assert.Contains("LAST DEVICE", before);

        bench.DeviceList.Add(new DeviceRecord(1, WorkstationHarness.PlugMac, "BK7231N", null, null, null, "tuya", null, ["kitchen plug by the kettle"], "",
            WorkstationHarness.Clock, WorkstationHarness.Clock, 1, 1, new Dictionary<string, int> { [WorkstationHarness.PlugPort] = 921600 }));
        var running = new JobSnapshot
        {
            Id = 2, Request = new JobRequest { Port = Fountain, Recipe = Recipe.RestoreFactory }, State = JobState.Running, Steps = [new StepReport("write flash", StepState.Running)],
            Progress = new JobProgress("write", 0x70000, 0x200000, 88 * 1024, TimeSpan.FromSeconds(16)),
        };
        bench.JobList.Add(running);
        t.Do(new PortsLoaded(bench.Ports(), bench.Devices(), bench.Jobs())).Do(new PortsJobChanged(running));

        var screen = t.Screen();
        Assert.Equal(before, Header(t));
        Assert.Contains("RUN restore-factory 22%", screen);                       // the percentage is never the part cut
        Assert.Contains("last device: kitchen plug by the kettle 38:1F:8D:5A:10:02 BK7231N", screen.Replace("\n ", " "));
    }

    /// <summary>The JOB column follows the progress events (it only changed on steps, so it showed no percentage during a backup).</summary>
    [Fact]
    public void The_job_percentage_follows_progress_events()
    {
        var bench = Bench();
        var t = new WorkstationHarness(80, 24, bench: bench).Focus(PortsPane.PaneIdValue);
        var job = new JobSnapshot
        {
            Id = 3, Request = new JobRequest { Port = Fountain, Recipe = Recipe.Backup }, State = JobState.Running, Steps = [new StepReport("read", StepState.Running)],
            Progress = new JobProgress("read", 0, 0x200000, 0, TimeSpan.Zero),
        };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.State, job))) t.Do(a);
        Assert.Contains("RUN backup 0%", t.Screen());
        var later = job with { Progress = new JobProgress("read", 0xCCCCC, 0x200000, 160 * 1024, TimeSpan.FromSeconds(4)) };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.Progress, later))) t.Do(a);
        Assert.Contains("RUN backup 40%", t.Screen());
    }

    /// <summary>
    /// The 100×30 tile has seven rows: three ports and the selected port's two-line footer left no
    /// room for the third port (and nothing said so). Ports come before the footer's detail; a list
    /// longer than the tile says how many are hidden on a row of its own.
    /// </summary>
    [Fact]
    public void At_100x30_every_port_shows_before_the_footer_and_a_longer_list_says_how_many_are_hidden()
    {
        var bench = Bench();
        bench.PortList.Add(new PortInfo("/tmp/bkdemo/bk7231t-bulb", null, "pty", null, null, null, "virtual BK7231T: a Tuya bulb with a long story that wraps", false, null));
        bench.DeviceList.Add(new DeviceRecord(1, WorkstationHarness.PlugMac, "BK7231N", null, null, null, "tuya", null, ["kitchen plug by the kettle"], "",
            WorkstationHarness.Clock, WorkstationHarness.Clock, 1, 1, new Dictionary<string, int> { [WorkstationHarness.PlugPort] = 921600 }));
        var t = new WorkstationHarness(100, 30, bench: bench).Focus(PortsPane.PaneIdValue);
        var screen = t.Screen();
        Assert.Contains("bk7231n-plug", screen);
        Assert.Contains("bk7231t-bulb", screen);
        Assert.Contains("bl2028n-zer", screen);
        Assert.DoesNotContain("more port", screen);

        for (int n = 1; n <= 5; n++)
            bench.PortList.Add(new PortInfo($"/dev/ttyUSB{n}", null, "ch341-uart", null, null, null, null, false, null));
        t.Do(new PortsLoaded(bench.Ports(), bench.Devices(), bench.Jobs()));
        var rows = t.Screen().Split('\n');
        var marker = Assert.Single(rows, r => r.Contains("more ports — j/k scroll", StringComparison.Ordinal));
        Assert.DoesNotContain("ttyUSB", marker[..marker.IndexOf('│')]); // on a row of its own, not over a port
    }

    /// <summary>A finished backup recorded the device on its adapter: the Ports pane's LAST DEVICE shows it without R.</summary>
    [Fact]
    public void JobFinished_RescansThePorts_SoLastDeviceFollows()
    {
        var t = new WorkstationHarness();
        var port = t.Bench.PortList[1].Path;
        t.Bench.DeviceList.Add(t.Bench.DeviceList[0] with { Id = 11, Mac = "C8:47:8C:42:10:99", Labels = ["desk lamp"], BaudByAdapter = new Dictionary<string, int> { [port] = 921600 } });
        Assert.DoesNotContain("desk lamp", string.Join("\n", PortRows.Build(t.Pane<PortsState>(PortsPane.PaneIdValue).Ports, t.Pane<PortsState>(PortsPane.PaneIdValue).Devices, []).Select(r => r.LastDevice)));
        var done = t.Bench.JobList[1] with { State = JobState.Done, Progress = null };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.State, done))) t.Do(a);
        var ports = t.Pane<PortsState>(PortsPane.PaneIdValue);
        Assert.Contains(PortRows.Build(ports.Ports, ports.Devices, []), r => r.Path == port && r.LastDevice.StartsWith("desk lamp", StringComparison.Ordinal));
    }
}
