using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;
using BkTui.Simulator;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Flashing;

/// <summary>Issue 11 item 6: the right recovery after a long stall and a reset mid baud switch, the right diagnosis for a shared port.</summary>
public class LinkRecoveryTests
{
    private const byte SetBaudRate = 0x0F;

    private sealed class Recording : IFlashObserver
    {
        public readonly List<string> Attention = [], Lines = [];
        public void Progress(FlashProgress progress) { }
        public void NeedsAttention(string message) { lock (Attention) Attention.Add(message); }
        public void Log(string line) { lock (Lines) Lines.Add(line); }
    }

    /// <summary>Bytes the chip sends and receives while a session connects (so a fault lands inside the operation).</summary>
    internal static (long Sent, long Received) ConnectCounts()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N);
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, SimEndToEndTests.Options);
        return (sim.Chip.BytesSent, sim.Chip.BytesReceived);
    }

    [Theory]
    [InlineData(2500)]
    [InlineData(6000)]
    public void A_read_through_a_long_stall_relinks_at_the_working_rate_without_asking_the_user(int stallMs)
    {
        var at = ConnectCounts().Sent + 150_000;
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N, $"stall@{at}:{stallMs}");
        using var port = SerialPort.Open(sim.PtyPath);
        var seen = new Recording();
        using var s = ChipSession.Connect(port, SimEndToEndTests.Options with { LinkTimeout = TimeSpan.FromSeconds(20) }, seen);
        var resets = sim.Chip.Resets;
        var data = s.Read(0, s.Info.FlashSize);
        Assert.NotEmpty(sim.Chip.FiredFaults);
        Assert.Equal(sim.Chip.Flash.Snapshot(), data);
        Assert.Empty(seen.Attention);
        Assert.Equal(resets, sim.Chip.Resets);
        Assert.Equal(921600, s.Info.Baud);
    }

    [Fact]
    public void A_chip_that_resets_during_the_baud_switch_keeps_the_rate_asked_for()
    {
        var link = new FakeChipLink(ChipFamily.BK7231N, FakeChips.Image(ChipFamily.BK7231N));
        var switches = 0;
        link.Faults = (_, op) => op == SetBaudRate && ++switches == 1 ? FakeChipLink.Fault.Reset : FakeChipLink.Fault.None;
        using var s = ChipSession.Connect(link, FakeChips.Options());
        Assert.True(switches >= 2);
        Assert.Equal(921600, s.Info.Baud);
    }

    [Fact]
    public void A_reset_during_a_relinks_baud_switch_does_not_fail_the_write()
    {
        var (link, s) = FakeChips.Connect(ChipFamily.BK7231N);
        var protection = link.StatusRegister;
        var data = new byte[0x30000];
        new Random(8).NextBytes(data);
        var writes = 0;
        var switches = 0;
        // A reset mid-write, then another while the re-link switches back to the working rate.
        link.Faults = (_, op) =>
            op == 0x07 && ++writes == 5 ? FakeChipLink.Fault.Reset
            : op == SetBaudRate && writes >= 5 && ++switches == 1 ? FakeChipLink.Fault.Reset
            : FakeChipLink.Fault.None;
        s.Write(0x40000, data);
        Assert.True(switches >= 2, $"{switches} switches");
        Assert.Equal(data, link.Flash.AsSpan(0x40000, data.Length).ToArray());
        Assert.Equal(protection, link.StatusRegister); // protection restored after the write
    }

    [Fact]
    public void A_port_that_a_serial_monitor_reads_is_named_instead_of_the_wiring()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N);
        using var monitor = Process.Start(new ProcessStartInfo("cat", [sim.PtyPath]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            // Wait until the monitor has the port open.
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (PortHolders.Snapshot().OtherOpener(sim.PtyPath) is null && DateTime.UtcNow < until) Thread.Sleep(20);
            var out_ = Path.Combine(Path.GetTempPath(), $"bktui-monitor-{Environment.ProcessId}.bin");
            var r = BktuiProcess.Run("read", "--port", sim.PtyPath, "--out", out_, "--link-timeout", "3");
            Assert.True(r.ExitCode == 3, $"exit {r.ExitCode}: {r.Stderr}");
            Assert.Contains($"pid {monitor.Id} (cat)", r.Stderr);
            Assert.DoesNotContain("check the wiring", r.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(out_));
        }
        finally { monitor.Kill(); monitor.WaitForExit(); }
    }
}
