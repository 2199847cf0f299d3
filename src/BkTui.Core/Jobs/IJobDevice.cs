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
    /// Reads [start, start+length), every sector verified by the chip's CRC. With <paramref name="known"/>
    /// (this device's last dump, other devices' dumps), sectors the chip proves equal are taken, not read.
    /// Safe to cancel anywhere.
    /// </summary>
    byte[] Read(uint start, uint length, IKnownBlocks? known, CancellationToken cancel);

    /// <summary>
    /// Writes, skipping sectors that already match, without the final proof: the caller ends with
    /// <see cref="VerifyWritten"/> over everything it wrote (one CRC pass, not one per chunk).
    /// Not cancellable: callers pass chunks of at most one 64 KiB block and stop between chunks,
    /// never between an erase and its write.
    /// </summary>
    /// <param name="whole">The whole range the caller writes in chunks and proves with <see cref="VerifyWritten"/>.</param>
    void Write(uint start, ReadOnlySpan<byte> data, bool allowBootloader, (uint Start, uint Length) whole);

    /// <summary>The device's verified whole-flash dump: places outside a write that a damaged address hit are put back from it (when proven current).</summary>
    void UseBackup(FlashBackup backup);

    /// <summary>Proves the chip holds <paramref name="expected"/> (whole-range CRC; sectors that differ are found and rewritten, bounded); throws when it cannot.</summary>
    void VerifyWritten(uint start, ReadOnlySpan<byte> expected);

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
    IJobDevice Connect(string port, BaudChoice baud, IFlashObserver observer, CancellationToken cancel);
}

/// <summary>
/// How a job picks its rate: <see cref="Asked"/> (the request's baud) is tried first whatever the
/// chip profile says; otherwise the ladder runs from the profile's maximum, or from
/// <see cref="Remembered"/> (the rate last proven on this adapter) when that is lower.
/// </summary>
public readonly record struct BaudChoice(int? Asked, int? Remembered);
