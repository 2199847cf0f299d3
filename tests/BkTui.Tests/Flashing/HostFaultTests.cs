using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;

namespace BkTui.Tests.Flashing;

/// <summary>
/// Host→chip faults (a flipped or dropped byte in a command or in write data) over a real pty: the
/// write ends verified or with a clear error, and flash outside the range is untouched either way.
/// </summary>
public class HostFaultTests
{
    [Theory]
    [InlineData("rxflip", 40)]       // in the first commands of the write (CRC requests, unprotect)
    [InlineData("rxflip", 9_000)]    // inside the data of a FlashWrite4K
    [InlineData("rxdrop", 9_000)]
    [InlineData("rxflip", 30_007)]
    [InlineData("rxdrop", 61_000)]
    public void A_write_whose_bytes_are_damaged_on_the_way_to_the_chip_ends_verified_or_clean(string kind, int after)
    {
        var at = LinkRecoveryTests.ConnectCounts().Received + after;
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N, $"{kind}@{at}");
        var before = sim.Chip.Flash.Snapshot();
        var data = new byte[0x40000];
        new Random(after).NextBytes(data);
        Exception? failure = null;
        using (var port = SerialPort.Open(sim.PtyPath))
        using (var s = ChipSession.Connect(port, SimEndToEndTests.Options))
        {
            try { s.Write(0x20000, data); }
            catch (FlashException e) { failure = e; }
        }
        Assert.NotEmpty(sim.Chip.FiredFaults);
        var after_ = sim.Chip.Flash.Snapshot();
        Assert.Null(failure);
        Assert.Equal(data, after_.AsSpan(0x20000, data.Length).ToArray());
        Assert.Equal(before.AsSpan(0, 0x20000).ToArray(), after_.AsSpan(0, 0x20000).ToArray());
        Assert.Equal(before.AsSpan(0x60000).ToArray(), after_.AsSpan(0x60000).ToArray());
    }
}
