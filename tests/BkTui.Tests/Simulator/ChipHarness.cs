using BkTui.Core.Chips;
using BkTui.Simulator;

namespace BkTui.Tests.Simulator;

/// <summary>A virtual chip on an in-memory wire, already linked unless asked otherwise.</summary>
internal sealed class ChipHarness : IDisposable
{
    public MemoryWire Wire { get; }
    public VirtualChip Chip { get; }
    public FlashMemory Flash { get; }
    public byte[] Original { get; }
    public List<string> Events { get; } = new();

    public ChipHarness(ChipFamily family, byte[]? image = null, bool link = true, bool wireModel = false, ISimClock? clock = null,
        string? faults = null, EfuseKey? key = null, bool flashProtected = false, TimeSpan? linkWindow = null, string? persistPath = null, bool hostBaudVisible = true,
        AdapterModel? adapter = null, CableModel? cable = null)
    {
        Original = image ?? ImageSynthesizer.Create(family);
        Wire = new MemoryWire(reportsHostBaud: hostBaudVisible);
        Flash = new FlashMemory((byte[])Original.Clone(), persistPath);
        var options = new SimOptions
        {
            Family = family, WireModel = wireModel, Clock = clock, Faults = FaultPlan.Parse(faults), EfuseKey = key,
            FlashProtected = flashProtected, LinkWindow = linkWindow ?? TimeSpan.FromSeconds(30),
            Trace = e => { lock (Events) Events.Add(e); },
            Adapter = adapter ?? AdapterModel.Any, Cable = cable ?? CableModel.Good,
        };
        Chip = new VirtualChip(options, Wire.Chip, Flash);
        Chip.Start();
        if (link) Link();
    }

    /// <summary>LinkCheck until answered (bytes sent before the chip thread's power-on reset are lost, as on a real chip).</summary>
    public void Link()
    {
        var buf = new byte[8];
        var until = DateTime.UtcNow.AddSeconds(3);
        while (Chip.Resets == 0 && DateTime.UtcNow < until) Thread.Sleep(2); // power-on reset done
        // One LinkCheck at a time, with room for a loaded machine: a second one sent while the first
        // answer is still coming makes the chip send 8 more bytes, and the byte-counted faults
        // (drop@N, flip@N) then land 8 bytes early — Drop_LosesExactlyThatByte failed 2 of 3 at load 25-31.
        for (int i = 0; i < 20; i++)
        {
            Wire.Host.Write(Hex.Parse("01 E0 FC 01 00"));
            int got = 0;
            var end = DateTime.UtcNow.AddMilliseconds(i == 0 ? 1000 : 250);
            while (got < 8 && DateTime.UtcNow < end) got += Wire.Host.Read(buf.AsSpan(got), TimeSpan.FromMilliseconds(10));
            if (got == 8)
            {
                Assert.Equal("040E0501E0FC0100", Hex.Of(buf));
                Thread.Sleep(30);
                Wire.Host.DiscardInput(); // answers to extra LinkChecks
                return;
            }
        }
        Assert.Fail("the virtual chip never answered LinkCheck");
    }

    /// <summary>Sends a request and reads exactly <paramref name="replyLength"/> bytes (fails after 3 s).</summary>
    public byte[] Exchange(string requestHex, int replyLength) => Exchange(Hex.Parse(requestHex), replyLength);

    public byte[] Exchange(byte[] request, int replyLength)
    {
        Wire.Host.Write(request);
        return ReadExactly(replyLength);
    }

    public byte[] ReadExactly(int count, double seconds = 3)
    {
        var buf = new byte[count];
        int got = 0;
        var end = DateTime.UtcNow.AddSeconds(seconds);
        while (got < count && DateTime.UtcNow < end)
            got += Wire.Host.Read(buf.AsSpan(got), TimeSpan.FromMilliseconds(50));
        Assert.True(got == count, $"expected {count} reply bytes, got {got}: {Convert.ToHexString(buf, 0, got)}");
        return buf;
    }

    /// <summary>Whatever arrives within <paramref name="seconds"/>.</summary>
    public byte[] ReadFor(double seconds)
    {
        var all = new List<byte>();
        var buf = new byte[8192];
        var end = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < end)
        {
            int n = Wire.Host.Read(buf, TimeSpan.FromMilliseconds(20));
            all.AddRange(buf.AsSpan(0, n).ToArray());
        }
        return all.ToArray();
    }

    /// <summary>Waits until the chip thread has consumed everything and gone quiet (for commands without a reply).</summary>
    public void Settle()
    {
        var until = DateTime.UtcNow.AddSeconds(3);
        while (Chip.Resets == 0 && DateTime.UtcNow < until) Thread.Sleep(2);
        Thread.Sleep(50);
    }

    public void Dispose()
    {
        Chip.Dispose();
        Wire.Dispose();
        Flash.Dispose();
    }
}

internal static class Hex
{
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static string Of(ReadOnlySpan<byte> b) => Convert.ToHexString(b);

    public static byte[] U32(uint v) => BitConverter.GetBytes(v);
}
