using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;

namespace BkTui.Tests.Jobs;

/// <summary>An in-memory chip behind the IJobDevice seam, for unit tests of the engine only (the pty tests use the simulator).</summary>
internal sealed class FakeChip
{
    public FakeChip(ChipFamily family = ChipFamily.BK7231N, string? mac = "c8:47:8c:12:34:56", uint size = 0x200000, int seed = 1)
    {
        Family = family;
        Mac = mac;
        Flash = new byte[size];
        var rnd = new Random(seed);
        rnd.NextBytes(Flash.AsSpan(0, (int)size / 2));
        Flash.AsSpan((int)size / 2).Fill(0xFF);
    }

    public ChipFamily Family { get; }
    public string? Mac { get; set; }
    public byte[] Flash { get; }
    public EfuseKey Key { get; set; } = EfuseKey.Tuya;
    /// <summary>Called before every operation with its name and address; may throw or block.</summary>
    public Action<string, uint>? BeforeOp { get; set; }
    /// <summary>What the chip prints after a reboot (empty: a silent flashing port, as most real firmware logs on TX2).</summary>
    public string BootLog { get; set; } = "";
    public int Connects;
    public int BlocksRead;
    public readonly List<(uint Start, int Length)> Writes = [];

    public ChipInfo Info(int baud) => new()
    {
        Family = Family, FlashSize = (uint)Flash.Length, Mac = Mac, EfuseKey = Key, Baud = baud, Bootloader = "fake",
    };
}

internal sealed class FakeConnector : IJobDeviceConnector
{
    public readonly Dictionary<string, FakeChip> Chips = new();
    public Action<string, IFlashObserver>? OnConnect { get; set; }

    public FakeChip Add(string port, FakeChip chip) { Chips[port] = chip; return chip; }

    public IJobDevice Connect(string port, BaudChoice baud, IFlashObserver observer, CancellationToken cancel)
    {
        var chip = Chips[port];
        Interlocked.Increment(ref chip.Connects);
        OnConnect?.Invoke(port, observer);
        chip.BeforeOp?.Invoke("connect", 0);
        return new FakeDevice(chip, baud.Asked ?? baud.Remembered ?? 921600, observer);
    }
}

internal sealed class FakeDevice(FakeChip chip, int baud, IFlashObserver observer) : IJobDevice
{
    public ChipInfo Info => chip.Info(baud);

    public byte[] Read(uint start, uint length, IKnownBlocks? known, CancellationToken cancel)
    {
        var result = new byte[length];
        for (uint a = 0; a < length; a += 0x10000)
        {
            cancel.ThrowIfCancellationRequested();
            chip.BeforeOp?.Invoke("read", start + a);
            var n = (int)Math.Min(0x10000, length - a);
            var block = chip.Flash.AsSpan((int)(start + a), n);
            var crc = BekenCrc32.Chip(block);
            if (n == 0x10000 && known?.Candidates(null, start + a, crc).FirstOrDefault(c => BekenCrc32.Chip(c.Span) == crc) is { Length: > 0 } same)
                same.Span.CopyTo(result.AsSpan((int)a));
            else
            {
                block.CopyTo(result.AsSpan((int)a));
                Interlocked.Increment(ref chip.BlocksRead);
            }
            observer.Progress(new FlashProgress(FlashPhase.Read, a + n, length, 1e6, 0));
        }
        return result;
    }

    public void UseBackup(FlashBackup backup) { }

    public void Write(uint start, ReadOnlySpan<byte> data, bool allowBootloader, (uint Start, uint Length) whole)
    {
        if (start < ChipProfiles.For(chip.Family).BootloaderSize && !allowBootloader)
            throw new InvalidOperationException("fake: bootloader write without consent reached the device");
        chip.BeforeOp?.Invoke("write", start);
        data.CopyTo(chip.Flash.AsSpan((int)start));
        lock (chip.Writes) chip.Writes.Add((start, data.Length));
        observer.Progress(new FlashProgress(FlashPhase.Write, data.Length, data.Length, 1e6, 0));
    }

    public void VerifyWritten(uint start, ReadOnlySpan<byte> expected)
    {
        chip.BeforeOp?.Invoke("crc", start);
        if (!chip.Flash.AsSpan((int)start, expected.Length).SequenceEqual(expected))
            throw new VerifyFailedException("fake", start, "fake: the chip does not hold what was written");
    }

    public void Reboot() => chip.BeforeOp?.Invoke("reboot", 0);

    public BootProof RebootAndListen(BootListenOptions options, CancellationToken cancel)
    {
        Reboot();
        byte[][] said = chip.BootLog.Length == 0 ? [] : [System.Text.Encoding.ASCII.GetBytes(chip.BootLog)];
        return BootListener.Listen(new Protocol.ScriptedLink(said), options with { Duration = TimeSpan.FromSeconds(0.5) }, options.LogPort is not null, cancel);
    }

    public void Dispose() { }
}
