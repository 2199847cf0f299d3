using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Tests.Flashing;

/// <summary>
/// A bit flipped in the address of an erase or write command on its way to the chip (the virtual
/// chip's rxflip fault, over a real pty) acts on a sector outside the range. The whole-range CRC cannot
/// see it; the collateral check (chip CRCs of the places one flipped address bit can reach, before and
/// after) finds it and, with no backup to put it back from, fails the write loudly, naming the port and
/// the place. Without those CRCs the chip's echo of the damaged address still names it
/// (MisdirectedAddressTests: with a backup, the place is put back).
/// </summary>
public class CollateralCheckTests
{
    private const uint Start = 0x20000;

    [Fact]
    public void The_places_one_flipped_address_bit_reaches_are_the_sectors_at_each_bit_distance()
    {
        var runs = CollateralRegions.For(0x1D0000, 0x1D1000, 0x200000);
        var sectors = runs.SelectMany(r => Enumerable.Range(0, (int)(r.Length / 0x1000)).Select(i => r.Start + (uint)i * 0x1000)).Order().ToList();
        Assert.Equal(new uint[] { 0x0D0000, 0x150000, 0x190000, 0x1C0000, 0x1D1000, 0x1D2000, 0x1D4000, 0x1D8000, 0x1F0000 }, sectors);
        Assert.All(CollateralRegions.For(0x11000, 0x12A000, 0x200000), r => Assert.True(r.Length <= 0x10000 && (r.Start >= 0x12A000 || r.Start + r.Length <= 0x11000)));
    }

    [Fact]
    public void A_flipped_address_bit_is_caught_and_named_and_without_the_check_it_passes_silently()
    {
        var data = new byte[0x1000];
        new Random(5).NextBytes(data);

        var (e, sim, target) = WriteWithAFlippedAddressBit(data, SimEndToEndTests.Options);
        using (sim)
        {
            Assert.NotNull(e);
            Assert.Contains("OUTSIDE the written range 0x020000..0x021000", e.Message);
            Assert.Contains($"0x{target:X6}", e.Message);
            Assert.Contains($"--port {sim.PtyPath}", e.Message);
            Assert.Contains("restore-factory", e.Message);
            Assert.Equal(sim.PtyPath, e.Port);
        }

        // The same fault without the collateral CRCs: the chip's own echo of the damaged address still
        // names the place (before the echo counted as evidence, this ended "written and verified").
        (e, sim, target) = WriteWithAFlippedAddressBit(data, SimEndToEndTests.Options with { CollateralCheck = false });
        using (sim)
        {
            Assert.NotNull(e);
            Assert.Contains($"0x{target:X6} (the chip acted there", e.Message);
            Assert.Contains("no backup of this device covers it", e.Message);
            Assert.Equal(data, sim.Chip.Flash.Read(Start, data.Length));
        }
    }

    /// <summary>
    /// Connects to a fresh virtual BK7231N, then plants a flip in the address of the first erase or
    /// FlashWrite4K for <see cref="Start"/> (found by a clean run of the same write), choosing the address
    /// byte whose flipped bit (the simulator flips bit index%8) moves the address to another sector.
    /// Asserts the fault fired and changed that sector; returns the write's failure, if any.
    /// </summary>
    private static (VerifyFailedException? Failure, SimHost Sim, uint Target) WriteWithAFlippedAddressBit(byte[] data, ConnectOptions options)
    {
        var addressAt = AddressOffsetAfterConnect(data, options);
        var plan = FaultPlan.Parse(null);
        var sim = SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, WireModel = false, Faults = plan });
        var before = sim.Chip.Flash.Snapshot();
        using var port = SerialPort.Open(sim.PtyPath);
        using var s = ChipSession.Connect(port, options);
        var (index, target) = Enumerable.Range(1, 2)
            .Select(b => (Index: sim.Chip.BytesReceived + addressAt + b, Bit: 8 * b + (int)((sim.Chip.BytesReceived + addressAt + b) % 8)))
            .Where(x => x.Bit is >= 12 and <= 20).Select(x => (x.Index, Start ^ (1u << x.Bit))).First();
        plan.Add(new Fault(FaultKind.RxFlip, index));
        VerifyFailedException? failure = null;
        try { s.Write(Start, data); }
        catch (VerifyFailedException e) { failure = e; }
        Assert.NotEmpty(sim.Chip.FiredFaults);
        Assert.NotEqual(before.AsSpan((int)target, 0x1000).ToArray(), sim.Chip.Flash.Read(target, 0x1000));
        return (failure, sim, target);
    }

    /// <summary>Where, counted from the end of connecting, the first erase or FlashWrite4K for <see cref="Start"/> carries its address.</summary>
    private static int AddressOffsetAfterConnect(byte[] data, ConnectOptions options)
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N);
        using var port = SerialPort.Open(sim.PtyPath);
        var tap = new Tap(port);
        using var s = ChipSession.Connect(tap, options);
        tap.Sent.Clear();
        s.Write(Start, data);
        var sent = tap.Sent.ToArray();
        for (var i = 0; i + 13 <= sent.Length; i++)
        {
            // long frame: 01 E0 FC FF F4 len_lo len_hi opcode …; the erase's address follows its SPI opcode, FlashWrite4K's the opcode.
            if (sent[i] != 0x01 || sent[i + 1] != 0xE0 || sent[i + 2] != 0xFC || sent[i + 3] != 0xFF || sent[i + 4] != 0xF4) continue;
            var addressAt = sent[i + 7] switch { 0x0F => i + 9, 0x07 => i + 8, _ => -1 };
            if (addressAt >= 0 && BitConverter.ToUInt32(sent, addressAt) == Start) return addressAt;
        }
        throw new Xunit.Sdk.XunitException("no erase or FlashWrite4K for the range was sent");
    }

    /// <summary>Records what the host writes (the pty underneath is real).</summary>
    private sealed class Tap(ISerialLink inner) : ISerialLink
    {
        public List<byte> Sent { get; } = [];
        public string PortName => inner.PortName;
        public int Baud => inner.Baud;
        public void SetBaud(int baud) => inner.SetBaud(baud);
        public void Write(ReadOnlySpan<byte> data) { Sent.AddRange(data.ToArray()); inner.Write(data); }
        public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default) => inner.Read(buffer, timeout, cancel);
        public void DiscardInput() => inner.DiscardInput();
        public void DrainOutput() => inner.DrainOutput();
        public bool SetModemLines(bool dtr, bool rts) => inner.SetModemLines(dtr, rts);
        public void Dispose() { }
    }
}
