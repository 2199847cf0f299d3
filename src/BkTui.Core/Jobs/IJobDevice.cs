using BkTui.Core.Chips;

namespace BkTui.Core.Jobs;

/// <summary>What the queue knows about a linked chip (mapped from the flashing layer's ChipInfo).</summary>
public sealed record DeviceFacts
{
    public required ChipFamily Family { get; init; }
    public required uint FlashSize { get; init; }
    public EfuseKey? EfuseKey { get; init; }
    /// <summary>"aa:bb:cc:dd:ee:ff" from the RF calibration, or null when absent.</summary>
    public string? Mac { get; init; }
    public string? Bootloader { get; init; }
    public int Baud { get; init; }
    public IReadOnlyList<string> Advice { get; init; } = [];

    public ChipProfile Profile => ChipProfiles.For(Family);
}

/// <summary>
/// The chip operations a recipe uses: a seam over the flashing layer's ChipSession so the engine
/// can be unit-tested with a fake. Blocking; one caller at a time (the port's worker).
/// </summary>
public interface IJobDevice : IDisposable
{
    DeviceFacts Facts { get; }

    /// <summary>
    /// Reads [start, start+length), verified by a whole-range chip CRC. With <paramref name="baseImage"/>
    /// (an archived dump of this device), only 64 KiB blocks whose chip CRC differs are read.
    /// Safe to cancel anywhere.
    /// </summary>
    byte[] Read(uint start, uint length, byte[]? baseImage, CancellationToken cancel);

    /// <summary>
    /// Writes and verifies (skipping sectors that already match). Callers pass chunks of whole
    /// 64 KiB blocks and never cancel inside one, so a stop lands between an erase and its write never.
    /// </summary>
    void Write(uint start, ReadOnlySpan<byte> data, bool allowBootloader);

    /// <summary>The chip's CRC (BekenCrc32.Chip form) of [start, start+length).</summary>
    uint ChipCrc(uint start, uint length);

    void Reboot();
}

/// <summary>Link callbacks from the flashing layer, forwarded to the job.</summary>
public interface IJobDeviceObserver
{
    void Progress(string phase, long done, long total, double bytesPerSecond, int retries);
    void NeedsAttention(string message);
    void Log(string line);
}

/// <summary>Opens the port and links the chip (reset, identify, baud switch with fallback).</summary>
public interface IJobDeviceConnector
{
    IJobDevice Connect(string port, int? baud, IJobDeviceObserver observer, CancellationToken cancel);
}
