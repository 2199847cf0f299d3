using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Tests.Flashing;

/// <summary>
/// The read's single verification pass over a real pty: a corrupted sector is caught by its own
/// CRC and only it is read again; known sectors are taken only when both of the chip's CRCs agree.
/// </summary>
public class OnePassReadTests
{
    private const int Sector = 4096;
    private const uint RangeStart = 0x100000, RangeLength = 0x40000; // 64 sectors, all used

    private static byte[] DenseImage()
    {
        var image = ImageSynthesizer.Create(ChipFamily.BK7231N);
        new Random(5).NextBytes(image.AsSpan((int)RangeStart, (int)RangeLength));
        return image;
    }

    private static SimHost Start(byte[] image, string? faults = null) =>
        SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, Image = image, WireModel = false, Faults = FaultPlan.Parse(faults) });

    [Fact]
    public void ACorruptedSectorIsCaughtAndOnlyItIsReadAgain()
    {
        var image = DenseImage();
        long connectBytes;
        using (var probe = Start(image))
        using (var port = SerialPort.Open(probe.PtyPath))
        using (ChipSession.Connect(port, SimEndToEndTests.Options))
            connectBytes = probe.Chip.BytesSent;
        // Per block the chip sends 16 CRC replies (11 bytes) and then 16 sectors (15-byte header + data):
        // this lands in the data of the fourth sector of the second block.
        var at = connectBytes + 16 * 11 + 16 * 4111 + 16 * 11 + 3 * 4111 + 15 + 1000;
        using var sim = Start(image, $"flip@{at}");
        using var link = SerialPort.Open(sim.PtyPath);
        var log = new List<string>();
        using var s = ChipSession.Connect(link, SimEndToEndTests.Options, new LogObserver(log));
        var (reads, crcs) = (s.Client.Reads4K, s.Client.Crcs);

        var data = s.Read(RangeStart, RangeLength);

        Assert.Single(sim.Chip.FiredFaults);
        Assert.Equal(image.AsSpan((int)RangeStart, (int)RangeLength).ToArray(), data);
        Assert.Equal(64 + 1, s.Client.Reads4K - reads);  // every sector once, the corrupted one twice
        Assert.Equal(64 + 1, s.Client.Crcs - crcs);      // one CRC per sector, that sector's asked again; no range pass
        Assert.Single(log, l => l.Contains($"read @0x{RangeStart + 0x13000:X6} attempt 1") && l.Contains("differs from the chip's"));
    }

    [Fact]
    public void AKnownSectorWithTheSameCrcButAnotherFirstHalfIsRefusedAndRead()
    {
        var image = DenseImage();
        var known = (byte[])image.Clone();
        var forged = known.AsSpan((int)RangeStart + 5 * Sector, Sector);
        var crc = BekenCrc32.Standard(forged);
        forged[100] ^= 0x5A;                 // a difference in the first half ...
        Crc32Forge.Force(forged, 3000, crc); // ... made invisible to the sector CRC by 4 bytes in the second
        Assert.Equal(BekenCrc32.Chip(image.AsSpan((int)RangeStart + 5 * Sector, Sector)), BekenCrc32.Chip(forged));

        using var sim = Start(image);
        using var link = SerialPort.Open(sim.PtyPath);
        var log = new List<string>();
        using var s = ChipSession.Connect(link, SimEndToEndTests.Options, new LogObserver(log));
        var reads = s.Client.Reads4K;

        var data = s.Read(RangeStart, RangeLength, new ReadOptions { Known = new PreviousImage(known, 0) });

        Assert.Equal(image.AsSpan((int)RangeStart, (int)RangeLength).ToArray(), data);
        Assert.Equal(1, s.Client.Reads4K - reads); // only the forged sector came over the wire
        Assert.Contains(log, l => l.Contains($"known sector 0x{RangeStart + 5 * Sector:X6}") && l.Contains("refused"));
    }

    private sealed class LogObserver(List<string> log) : IFlashObserver
    {
        public void Progress(FlashProgress progress) { }
        public void NeedsAttention(string message) { }
        public void Log(string line) { lock (log) log.Add(line); }
    }
}
