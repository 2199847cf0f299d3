using BkTui.Core.Flashing;
using BkTui.Core.Monitor;

namespace BkTui.Core.Jobs;

/// <summary>
/// The chip operations a recipe uses: a seam over the flashing layer's <see cref="ChipSession"/>
/// (see <see cref="SerialJobConnector"/>) so the engine can be unit-tested with a fake. Blocking;
/// one caller at a time (the port's worker).
/// </summary>
public interface IJobDevice : IDisposable
{
    ChipInfo Info { get; }

    /// <summary>
    /// Reads [start, start+length), verified by a whole-range chip CRC. With <paramref name="baseImage"/>
    /// (an archived dump of this device, same range), only 64 KiB blocks whose chip CRC differs are read.
    /// Safe to cancel anywhere.
    /// </summary>
    byte[] Read(uint start, uint length, byte[]? baseImage, CancellationToken cancel);

    /// <summary>
    /// Writes and verifies (skipping sectors that already match). Not cancellable: callers pass
    /// chunks of at most one 64 KiB block and stop between chunks, never between an erase and its write.
    /// </summary>
    void Write(uint start, ReadOnlySpan<byte> data, bool allowBootloader);

    /// <summary>The chip's CRC (BekenCrc32.Chip form) of [start, start+length).</summary>
    uint ChipCrc(uint start, uint length);

    void Reboot();

    /// <summary>
    /// Reboots into the firmware and listens for its boot log (on <see cref="BootListenOptions.LogPort"/>,
    /// opened before the reboot, else on this port at the log rate). The session is spent afterwards.
    /// </summary>
    BootProof RebootAndListen(BootListenOptions options, CancellationToken cancel);
}

/// <summary>Opens the port and links the chip (reset, identify, baud switch with fallback).</summary>
public interface IJobDeviceConnector
{
    IJobDevice Connect(string port, int? baud, IFlashObserver observer, CancellationToken cancel);
}
