using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    private ChipFingerprint? _fingerprint;
    /// <summary>What this session erased or programmed: those content CRCs may change between links.</summary>
    private readonly WrittenRanges _written = new();
    /// <summary>Set by every re-link; cleared only once the chip proved it is the one the session started on.</summary>
    private bool _proofPending;

    /// <summary>The first link's fingerprint (null until identification finished).</summary>
    public ChipFingerprint? Fingerprint => _fingerprint;

    /// <summary>Takes the fingerprint once identification is complete (every part through bounded attempts).</summary>
    private void TakeFingerprint(CancellationToken cancel)
    {
        _fingerprint = ReadFingerprint(Info.EfuseKey, read: (what, a, f) => Attempt(what, a, f, cancel), cancel);
        Info = Info with { Fingerprint = _fingerprint };
        _observer.Log($"fingerprint: {_fingerprint}");
    }

    /// <summary>
    /// Reads the chip's fingerprint with <paramref name="read"/> doing each command: six commands.
    /// The eFuse key is taken from <paramref name="key"/>, not read again: it costs ~64 register
    /// commands and is the same on every unit of a model, so a relink proves the rest (a new
    /// connection, as a job's relink makes, reads it afresh).
    /// </summary>
    private ChipFingerprint ReadFingerprint(EfuseKey? key, Func<string, uint, Func<uint>, uint> read, CancellationToken cancel)
    {
        var full = Profile.Protocol == BootProtocol.Full;
        var boot = read("bootloader CRC", 0, () => _client.CheckCrc(0, BootloaderProbeEnd, BootloaderProbeEnd + 1, cancel));
        uint? chipId = full ? read("chip ID", ChipIdRegister, () => _client.ReadReg(ChipIdRegister, cancel)) : null;
        uint? mid = full ? read("flash ID", 0, () => _client.FlashGetMid(cancel)) : null;
        uint? RegionCrc(string what, (uint Start, uint Length) r) =>
            r.Start + r.Length <= Info.FlashSize ? read(what, r.Start, () => CrcRaw(r.Start, r.Length, cancel)) : null;
        return new ChipFingerprint
        {
            Family = Info.Family, ChipId = chipId, FlashId = mid, FlashSize = Info.FlashSize, EfuseKey = key, BootloaderCrc = boot,
            RfCrc = RegionCrc("RF sector CRC", ChipFingerprint.RfRegion(Profile)),
            AppCrc = RegionCrc("app CRC", ChipFingerprint.AppRegion(Profile)),
            DataCrc = ChipFingerprint.DataRegion(Profile) is { } data ? RegionCrc("Tuya storage CRC", data) : null,
            Mac = Info.Mac,
        };
    }

    /// <summary>
    /// After a re-link: the chip must show the first link's fingerprint before anything more counts.
    /// Replies carry no checksum, so a corrupted one could fake a difference: a difference counts
    /// only when a second reading shows the same one. Throws <see cref="DeviceChangedException"/>.
    /// </summary>
    private void ProveSameChip(CancellationToken cancel)
    {
        if (_fingerprint is not { } first)
        {
            // Still identifying: only the bootloader CRC may have been read so far (0 is not a CRC it gave).
            if (_bootloaderKnown)
            {
                var a = _client.CheckCrc(0, BootloaderProbeEnd, BootloaderProbeEnd + 1, cancel);
                if (a != _bootloaderCrc && _client.CheckCrc(0, BootloaderProbeEnd, BootloaderProbeEnd + 1, cancel) == a)
                    throw new NoLinkException(Port, $"after re-linking, a chip with another bootloader (CRC 0x{~a:X8}, was 0x{~_bootloaderCrc:X8}) answered while it was being identified. Check which board is on this adapter, then retry.");
            }
            return;
        }
        uint Direct(string what, uint address, Func<uint> f) => f();
        var now = ReadFingerprint(first.EfuseKey, Direct, cancel) with { Mac = null };
        var diff = first.Differences(now, _written);
        if (diff.Count == 0) { _observer.Log("re-link: same chip (fingerprint matches)"); return; }
        var again = ReadFingerprint(first.EfuseKey, Direct, cancel) with { Mac = null };
        if (again != now)
            throw new ProtocolException(ProtocolFailure.Mismatch, "the fingerprint read after re-linking changed between two readings (noisy line): asking again");
        throw new DeviceChangedException(Port, first, now, diff);
    }

    /// <summary>Records a range about to be erased or programmed.</summary>
    private void Touch(uint start, uint length) => _written.Add(start, length);
}
