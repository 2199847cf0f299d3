using BkTui.Core.Chips;
using BkTui.Core.Serial;
using BkTui.Simulator;
using static BkTui.Tests.Simulator.Requests;

namespace BkTui.Tests.Simulator;

/// <summary>Each fault kind on the chip→host stream; N counts protocol reply bytes since start (8 after the link).</summary>
public class FaultTests
{
    [Fact]
    public void Parse_AcceptsEveryKind_AndRejectsNonsense()
    {
        var plan = FaultPlan.Parse("drop@10, flip@20,stall@30:250,reset@40,unplug@50,random:2.5:7");
        Assert.NotNull(plan);
        foreach (var bad in new[] { "drop", "drop@x", "stall@5", "stall@5:-1", "flip@3:4", "boom@1", "random:0:1", "random:1" })
            Assert.Throws<FormatException>(() => FaultPlan.Parse(bad));
    }

    [Fact]
    public void Parse_AimsAnAddressFlipAtTheKthEraseWriteOrRead()
    {
        Assert.NotNull(FaultPlan.Parse("addrflip@erase#1:16,addrflip@write#3:12,addrflip@read#40:20"));
        foreach (var bad in new[] { "addrflip@erase", "addrflip@erase#0:16", "addrflip@erase#1:32", "addrflip@crc#1:3", "addrflip@write#1", "addrflip@read1:3" })
            Assert.Throws<FormatException>(() => FaultPlan.Parse(bad));
        Assert.Equal("addrflip@write#3:12", new Fault(FaultKind.AddrFlip, 3, Command: AddressedCommand.Write, Bit: 12).ToString());
    }

    [Fact]
    public void Drop_LosesExactlyThatByte()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, faults: "drop@20"); // byte 12 of the second reply
        var reply = h.Exchange(Read4K(0x11000), Read4KReply - 1);
        var clean = new List<byte>(Hex.Parse("040EFF01E0FCF40610090000100100"));
        clean.AddRange(h.Original.AsSpan(0x11000, 4096).ToArray());
        clean.RemoveAt(12);
        Assert.Equal(clean.ToArray(), reply);
        Assert.Empty(h.ReadFor(0.1));
        Assert.Contains(h.Chip.FiredFaults, f => f.Kind == FaultKind.Drop && f.AtByte == 20);
    }

    [Fact]
    public void Flip_ChangesOneBitOfThatByte()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, faults: "flip@100");
        var reply = h.Exchange(Read4K(0x11000), Read4KReply);
        var expected = h.Original.AsSpan(0x11000, 4096).ToArray();
        int at = 100 - 8 - 15;
        Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)(reply[15 + at] ^ expected[at])));
        reply[15 + at] = expected[at];
        Assert.Equal(expected, reply.AsSpan(15).ToArray());
    }

    [Fact]
    public void Stall_DelaysTheRestOfTheReply_OnTheModelledClock()
    {
        var clock = new ManualSimClock();
        using var h = new ChipHarness(ChipFamily.BK7231N, wireModel: true, clock: clock, faults: "stall@10:300");
        // Reply bytes 8.. of the LinkCheck exchange are the second reply: byte 10 is its third byte.
        double before = h.Chip.ModelledSeconds;
        h.Exchange(LinkCheck, 8);
        double bt = 10.0 / 115200;
        Assert.Equal(before + 13 * bt + 0.300, h.Chip.ModelledSeconds, 9);
    }

    [Fact]
    public void Reset_CutsTheReply_AndTheChipRestarts()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, faults: "reset@1000");
        int resets = h.Chip.Resets;
        h.Wire.Host.Write(Read4K(0x11000));
        h.ReadExactly(1000 - 8);
        Assert.Empty(h.ReadFor(0.1)); // the rest of the reply never comes
        Assert.Equal(resets + 1, h.Chip.Resets);
        Assert.Equal(ChipState.LinkWindow, h.Chip.State);
        Assert.Equal(VirtualChip.BootBaud, h.Chip.Baud);
        h.Link(); // and it links again
    }

    [Fact]
    public void Unplug_HangsUpTheLine()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, faults: "unplug@500");
        h.Wire.Host.Write(Read4K(0x11000));
        var buf = new byte[8192];
        int total = 0;
        var ex = Record.Exception(() =>
        {
            for (int i = 0; i < 500; i++) total += h.Wire.Host.Read(buf, TimeSpan.FromMilliseconds(20));
        });
        Assert.IsType<DeviceGoneException>(ex);
        Assert.Equal(500 - 8, total);
        Assert.Equal(ChipState.Gone, h.Chip.State);
    }

    [Fact]
    public void Unplug_OnThePty_HostSeesHangUp()
    {
        using var sim = SimHost.Start(new SimOptions { LinkWindow = SimHostTests.LongWindow, Family = ChipFamily.BK7231T, WireModel = false, Faults = FaultPlan.Parse("unplug@100") });
        using var port = SerialPort.Open(sim.PtyPath);
        SimHostTests.Link(port);
        port.Write(Read4K(0x211000));
        var buf = new byte[8192];
        Assert.Throws<DeviceGoneException>(() =>
        {
            for (int i = 0; i < 200; i++) port.Read(buf, TimeSpan.FromMilliseconds(20));
        });
        Assert.True(sim.Unplugged);
    }

    [Fact]
    public void Random_IsSeeded_SameSeedSameFaults()
    {
        IReadOnlyList<Fault> Run(int seed)
        {
            // Modelled clock: stalls cost no wall time, so every run completes all eight replies.
            using var h = new ChipHarness(ChipFamily.BK7231N, wireModel: true, clock: new ManualSimClock(), faults: $"random:400:{seed}");
            for (int i = 0; i < 8; i++) h.Wire.Host.Write(Read4K(0x11000 + (uint)i * 0x1000));
            var until = DateTime.UtcNow.AddSeconds(5);
            while (h.Chip.BytesSent < 8 + 8 * Read4KReply && DateTime.UtcNow < until) Thread.Sleep(5);
            Assert.Equal(8 + 8 * Read4KReply, h.Chip.BytesSent);
            return h.Chip.FiredFaults;
        }
        var a = Run(42);
        var b = Run(42);
        var c = Run(43);
        Assert.NotEmpty(a); // 400 per MiB over ~32 KiB: ~12 expected
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, f => Assert.Contains(f.Kind, new[] { FaultKind.Drop, FaultKind.Flip, FaultKind.Stall }));
    }
}
