using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;

namespace BkTui.Tests.Jobs;

/// <summary>The rate proven on an adapter is remembered in the archive: the next job starts there, a step-down demotes it.</summary>
public sealed class BaudMemoryTests : IDisposable
{
    private readonly SimBench _bench = new();
    private readonly List<string> _trace = [];

    public void Dispose() => _bench.Dispose();

    /// <summary>How often the chip switched to <paramref name="baud"/> so far (its trace says "baud N after …").</summary>
    private int SwitchesTo(int baud)
    {
        lock (_trace) return _trace.Count(l => l.Contains($"] baud {baud} after"));
    }

    private void Trace(string line)
    {
        lock (_trace) _trace.Add(line);
    }

    /// <summary>
    /// bad@1500000: the first job's connect finds 2 M failing and settles at 1.5 M. bad@921600:300000:
    /// the connect proves 2 M, the cable goes bad mid-backup and the job steps down to 921,600, which
    /// demotes the remembered rate. Either way the next job starts at the remembered rate: the chip is
    /// never switched to a faster one again.
    /// </summary>
    [Theory]
    [InlineData("bad@1500000", 1_500_000)]
    [InlineData("bad@921600:300000", 921_600)]
    public void The_Next_Job_Starts_At_The_Last_Proven_Rate(string cable, int settled)
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 1, cable: cable, trace: Trace);
        using var q = _bench.Queue();
        var first = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup });
        Assert.True(first.State == JobState.Done, first.Error);
        Assert.Equal(sim.Chip.Flash.Snapshot(), _bench.Store.Archive.ReadDumpBytes(first.DumpId!.Value));
        Assert.Equal(settled, _bench.Store.Archive.LastWorkingBaud(AdapterKey.For(sim.PtyPath)));
        var faster = FasterSwitches(settled);
        Assert.True(faster > 0); // the first job found out the hard way

        var second = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup });
        Assert.True(second.State == JobState.Done, second.Error);
        Assert.Equal(faster, FasterSwitches(settled));
        Assert.Equal(sim.Chip.Flash.Snapshot(), _bench.Store.Archive.ReadDumpBytes(second.DumpId!.Value));
    }

    /// <summary>A rate asked once with --baud is kept only when it raises the remembered one (tester s9: 12345 once, then every job crawled).</summary>
    [Fact]
    public void An_asked_rate_is_remembered_only_when_it_raises_the_memory()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 2, cable: "bad@1500000");
        var adapter = AdapterKey.For(sim.PtyPath);
        using var q = _bench.Queue();

        Assert.Equal(JobState.Done, SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup }).State);
        Assert.Equal(1_500_000, _bench.Store.Archive.LastWorkingBaud(adapter));

        var odd = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Backup, Baud = 115_200 });
        Assert.True(odd.State == JobState.Done, odd.Error);
        Assert.Equal(1_500_000, _bench.Store.Archive.LastWorkingBaud(adapter));

        Assert.True(BaudMemory.Keeps(asked: 2_000_000, linked: 2_000_000, remembered: 1_500_000));
        Assert.False(BaudMemory.Keeps(asked: 12_345, linked: 12_345, remembered: null));
        Assert.True(BaudMemory.Keeps(asked: null, linked: 921_600, remembered: 2_000_000)); // the ladder's step-down
    }

    private int FasterSwitches(int than) => new[] { 2_000_000, 1_500_000 }.Where(b => b > than).Sum(SwitchesTo);

    [Fact]
    public void A_Usb_Adapter_Is_Remembered_By_Its_By_Id_Link_Anything_Else_By_Its_Path()
    {
        var dev = Directory.CreateTempSubdirectory("bktui-dev-").FullName;
        try
        {
            var tty = Path.Combine(dev, "ttyUSB0");
            File.WriteAllText(tty, "");
            Directory.CreateDirectory(Path.Combine(dev, "serial", "by-id"));
            var byId = Path.Combine(dev, "serial", "by-id", "usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0");
            File.CreateSymbolicLink(byId, tty);
            Assert.Equal(byId, AdapterKey.For(tty, dev));
            Assert.Equal(byId, AdapterKey.For(byId, dev));
            var other = Path.Combine(dev, "ttyS0");
            File.WriteAllText(other, "");
            Assert.Equal(other, AdapterKey.For(other, dev));
            Assert.Equal("/nonexistent/bk0", AdapterKey.For("/nonexistent/bk0", dev));
        }
        finally { Directory.Delete(dev, recursive: true); }
    }
}
