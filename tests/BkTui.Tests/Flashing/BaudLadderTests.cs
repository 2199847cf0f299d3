using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Tests.Flashing;

/// <summary>
/// The default rate (no --baud) over real ptys against the virtual chip with its rate limits: the
/// family's maximum, the adapter's and a cable that damages fast replies (docs/serial-and-adapters.md).
/// </summary>
public class BaudLadderTests
{
    /// <summary>The end-to-end options with the automatic ladder (no explicit baud).</summary>
    private static ConnectOptions Auto => SimEndToEndTests.Options with { Baud = null, ReadMac = false };

    private static SimHost Start(ChipFamily family, string adapter = "any", string cable = "good") =>
        SimHost.Start(new SimOptions
        {
            Family = family, WireModel = false, Adapter = AdapterModel.Parse(adapter), Cable = CableModel.Parse(cable),
        });

    /// <summary>Connects, reads <paramref name="length"/> bytes and checks them against the chip's flash; returns the session's log.</summary>
    private static (ChipInfo Info, int StepDowns, List<string> Log, int ReadStarts) Backup(SimHost sim, ConnectOptions options, uint length)
    {
        var log = new Recorder();
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, options, log);
        var data = s.Read(0, length);
        Assert.Equal(sim.Chip.Flash.Snapshot().AsSpan(0, (int)length).ToArray(), data);
        Assert.Equal(s.Info.Baud, sim.Chip.Baud);
        return (s.Info, s.StepDowns, log.Lines, log.ReadStarts);
    }

    [Theory]
    [InlineData(ChipFamily.BK7231N, 2_000_000)]
    [InlineData(ChipFamily.BK7231T, 2_000_000)]
    [InlineData(ChipFamily.BK7238, 921_600)] // its maximum is unknown: the ladder stops where public tests stop
    public void A_Good_Cable_Reaches_The_Chips_Top_Rate(ChipFamily family, int top)
    {
        using var sim = Start(family);
        var (info, stepDowns, log, _) = Backup(sim, Auto, 0x40000);
        Assert.Equal(top, info.Baud);
        Assert.Equal(0, stepDowns);
        Assert.Contains(log, l => l.StartsWith(BaudPlan.LogPrefix) && l.Contains($"{top} baud proven") && l.Contains(sim.PtyPath));
        Assert.DoesNotContain(log, l => l.Contains("3000000")); // never asked above the family's maximum
    }

    /// <summary>
    /// A CP2102 cannot carry 2 M or 1.5 M: it settles at 921,600. A cable corrupting above 1.5 M lets
    /// 2 M's echo and LinkChecks through, but the probe read fails: it settles at 1.5 M before the
    /// transfer, and the whole 2 MiB backup is verified there.
    /// </summary>
    [Theory]
    [InlineData("cp2102", "good", 921_600, 0x40000)]
    [InlineData("any", "bad@1500000", 1_500_000, 0x200000)]
    public void A_Limited_Adapter_Or_Cable_Settles_Below_And_Says_Which_Rates_Failed(string adapter, string cable, int rate, int length)
    {
        using var sim = Start(ChipFamily.BK7231N, adapter, cable);
        var (info, stepDowns, log, _) = Backup(sim, Auto, (uint)length);
        Assert.Equal(rate, info.Baud);
        Assert.Equal(0, stepDowns); // found before the transfer, not during it
        Assert.Contains(Fallback(sim, 2000000, 1500000), log);
        if (rate < 1_500_000) Assert.Contains(Fallback(sim, 1500000, 921600), log);
        if (cable != "good") Assert.True(sim.Chip.CableFlips > 0);
    }

    [Fact]
    public void A_Cable_Going_Bad_Mid_Transfer_Steps_Down_Without_Restarting()
    {
        // Good for the first 300,000 reply bytes (the probe passes at 2 M), then bad above 921,600.
        using var sim = Start(ChipFamily.BK7231N, cable: "bad@921600:300000");
        var (info, stepDowns, log, readStarts) = Backup(sim, Auto, 0x200000);
        Assert.Equal(921_600, info.Baud);
        Assert.Equal(1, stepDowns);
        Assert.Equal(1, readStarts); // one read from 0 to the end: it went on from the failing sector
        Assert.Contains(log, l => l.StartsWith($"{BaudPlan.LogPrefix}{sim.PtyPath}: ") && l.Contains("failed twice at 2000000 baud; stepping down to 1500000"));
        Assert.Contains(Fallback(sim, 1500000, 921600), log);
    }

    [Theory]
    [InlineData("16550", 115_200)]
    [InlineData("ch340", 2_000_000)]
    public void Other_Adapters_Settle_At_Their_Top(string adapter, int rate)
    {
        using var sim = Start(ChipFamily.BK7231N, adapter: adapter);
        Assert.Equal(rate, Backup(sim, Auto, 0x10000).Info.Baud);
    }

    /// <summary>An explicit --baud wins; a remembered rate is where the ladder starts. Either way 2 M is never tried.</summary>
    [Theory]
    [InlineData(460_800, null)]
    [InlineData(null, 1_500_000)]
    public void An_Explicit_Or_Remembered_Rate_Is_Where_It_Starts(int? asked, int? remembered)
    {
        using var sim = Start(ChipFamily.BK7231N);
        var (info, _, log, _) = Backup(sim, Auto with { Baud = asked, StartBaud = remembered }, 0x10000);
        Assert.Equal(asked ?? remembered, info.Baud);
        Assert.DoesNotContain(log, l => l.Contains("2000000"));
    }

    [Theory]
    [InlineData(null, null, ChipFamily.BK7231N, new[] { 2000000, 1500000, 921600, 460800, 230400, 115200 })]
    [InlineData(null, null, null, new[] { 921600, 460800, 230400, 115200 })]
    [InlineData(null, 921600, ChipFamily.BK7231N, new[] { 921600, 460800, 230400, 115200 })]
    [InlineData(3000000, null, ChipFamily.BK7238, new[] { 3000000, 2000000, 1500000, 921600, 460800, 230400, 115200 })]
    [InlineData(1000000, null, ChipFamily.BK7231N, new[] { 1000000, 921600, 460800, 230400, 115200 })]
    public void Candidates_Follow_The_Profile_The_Memory_And_The_User(int? asked, int? remembered, ChipFamily? family, int[] expected) =>
        Assert.Equal(expected, BaudPlan.Candidates(new ConnectOptions { Baud = asked, StartBaud = remembered }, family));

    /// <summary>The line the ladder logs when <paramref name="from"/> did not hold.</summary>
    private static string Fallback(SimHost sim, int from, int to) => $"{BaudPlan.LogPrefix}{sim.PtyPath}: {from} baud did not hold; trying {to}";

    private sealed class Recorder : IFlashObserver
    {
        public List<string> Lines { get; } = [];
        public int ReadStarts { get; private set; }
        public void Progress(FlashProgress p) { if (p is { Phase: FlashPhase.Read, Done: 0 }) ReadStarts++; }
        public void NeedsAttention(string message) => Lines.Add(message);
        public void Log(string line) => Lines.Add(line);
    }
}
