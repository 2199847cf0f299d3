using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Protocol;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Tests.Flashing;

/// <summary>The host stack over a real pty against the virtual chip (no wire pacing, so it stays fast).</summary>
public class SimEndToEndTests
{
    internal static ConnectOptions Options => new()
    {
        Baud = 921600,
        LinkTimeout = TimeSpan.FromSeconds(8),
        Timeouts = new ProtocolTimeouts { Command = TimeSpan.FromMilliseconds(300), Read4K = TimeSpan.FromMilliseconds(300), Write4K = TimeSpan.FromMilliseconds(300) },
    };

    internal static SimHost Start(ChipFamily family, string? faults = null, EfuseKey? key = null) =>
        SimHost.Start(new SimOptions { Family = family, WireModel = false, Faults = FaultPlan.Parse(faults), EfuseKey = key });

    [Theory]
    [InlineData(ChipFamily.BK7231T, null)]
    [InlineData(ChipFamily.BK7231N, "tuya")]
    [InlineData(ChipFamily.BK7231M, "zero")]
    public void Identifies(ChipFamily family, string? verdict)
    {
        using var sim = Start(family);
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, Options);
        Assert.Equal(family, s.Info.Family);
        Assert.Equal(verdict, s.Info.KeyVerdict);
        Assert.Equal((uint)sim.Chip.Flash.Size, s.Info.FlashSize);
        Assert.Equal(string.Join(':', ImageSynthesizer.DefaultMac(family).Select(b => b.ToString("X2"))), s.Info.Mac);
        if (family == ChipFamily.BK7231M) Assert.Contains(s.Info.Advice, a => a.Contains("zero-key"));
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T)]
    [InlineData(ChipFamily.BK7231N)]
    [InlineData(ChipFamily.BK7231M)]
    public void FullReadEqualsTheImage(ChipFamily family)
    {
        using var sim = Start(family);
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, Options);
        Assert.Equal(sim.Chip.Flash.Snapshot(), s.Read(0, s.Info.FlashSize));
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T)]
    [InlineData(ChipFamily.BK7231N)]
    [InlineData(ChipFamily.BK7231M)]
    public void WriteThenVerifyLeavesEverythingElseAlone(ChipFamily family)
    {
        using var sim = Start(family);
        var before = sim.Chip.Flash.Snapshot();
        var data = new byte[0x24567];
        new Random((int)family).NextBytes(data);
        using (var port = SerialPort.Open(sim.PtyPath))
        using (var s = ChipSession.Connect(port, Options))
        {
            s.Write(0x11000, data);
            Assert.True(s.Verify(0x11000, data));
        }
        var after = sim.Chip.Flash.Snapshot();
        Assert.Equal(data, after.AsSpan(0x11000, data.Length).ToArray());
        Assert.Equal(before.AsSpan(0, 0x11000).ToArray(), after.AsSpan(0, 0x11000).ToArray());
        Assert.Equal(before.AsSpan(0x11000 + data.Length).ToArray(), after.AsSpan(0x11000 + data.Length).ToArray());
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T, 0x0u, true)]
    [InlineData(ChipFamily.BK7231N, 0x10000u, false)]
    [InlineData(ChipFamily.BK7231M, 0x1FF000u, false)]
    public void GuardsRefuseBeforeAnythingIsWritten(ChipFamily family, uint start, bool consent)
    {
        using var sim = Start(family);
        var before = sim.Chip.Flash.Snapshot();
        using (var port = SerialPort.Open(sim.PtyPath))
        using (var s = ChipSession.Connect(port, Options))
            Assert.Throws<GuardRefusedException>(() => s.Write(start, new byte[0x2000], new WriteOptions { AllowBootloader = consent }));
        Assert.Equal(0, sim.Chip.Flash.Erases);
        Assert.Equal(0, sim.Chip.Flash.Programs);
        Assert.Equal(before, sim.Chip.Flash.Snapshot());
    }
}
