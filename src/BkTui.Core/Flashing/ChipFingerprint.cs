using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

/// <summary>
/// What a re-link can read cheaply to prove it found the same chip: the silicon (family, chip ID,
/// flash JEDEC ID and size, eFuse key), the bootloader (CRC of its first bytes) and two content
/// CRCs that differ between units of one model: the RF calibration sector (MAC and calibration)
/// the first 64 KiB of the app, and the Tuya key-value storage (the unit's own device id and keys).
/// The download protocol has no unique-ID command (docs/identity.md), so two units with the same
/// firmware, no RF calibration and no Tuya storage of their own cannot be told apart (docs/link-and-faults.md).
/// </summary>
public sealed record ChipFingerprint
{
    public required ChipFamily Family { get; init; }
    public uint? ChipId { get; init; }
    public uint? FlashId { get; init; }
    public required uint FlashSize { get; init; }
    public EfuseKey? EfuseKey { get; init; }
    /// <summary>Raw chip CRC of the bootloader probe (the identification CRC).</summary>
    public required uint BootloaderCrc { get; init; }
    public uint? RfCrc { get; init; }
    public uint? AppCrc { get; init; }
    /// <summary>
    /// Raw chip CRC of the family's Tuya key-value storage: the unit's own device id, keys and settings,
    /// which stay when OpenBeken replaces the app — what tells two uncalibrated units with the same
    /// firmware apart. Null where the family has none inside the flash.
    /// </summary>
    public uint? DataCrc { get; init; }
    /// <summary>The MAC of the RF sector when known (for messages; <see cref="RfCrc"/> is what is compared).</summary>
    public string? Mac { get; init; }

    /// <summary>The regions the content CRCs cover (a write there this job made is allowed to change them).</summary>
    public static (uint Start, uint Length) RfRegion(ChipProfile p) => (p.RfOffset, FlashGeometry.SectorSize);
    public static (uint Start, uint Length) AppRegion(ChipProfile p) => (p.AppOffset, FlashGeometry.BlockSize);
    public static (uint Start, uint Length)? DataRegion(ChipProfile p) => p.TuyaKvOffset is { } at && p.TuyaKvLength > 0 ? (at, p.TuyaKvLength) : null;

    /// <summary>
    /// The parts of <paramref name="now"/> that differ from this (the first link's) fingerprint, one
    /// phrase each; empty when it is the same chip. A content CRC is not compared when
    /// <paramref name="written"/> says this job wrote into its region, nor when either side could not read it.
    /// </summary>
    public IReadOnlyList<string> Differences(ChipFingerprint now, WrittenRanges? written = null)
    {
        var d = new List<string>();
        var profile = ChipProfiles.For(Family);
        if (now.Family != Family) d.Add($"family {Family} → {now.Family}");
        if (now.ChipId != ChipId) d.Add($"chip ID {Hex(ChipId)} → {Hex(now.ChipId)}");
        if (now.FlashId != FlashId) d.Add($"flash ID {Hex(FlashId)} → {Hex(now.FlashId)}");
        if (now.FlashSize != FlashSize) d.Add($"flash {FlashSize / 1024} KiB → {now.FlashSize / 1024} KiB");
        if (now.EfuseKey != EfuseKey) d.Add($"eFuse key {EfuseKey?.Verdict ?? "unread"} → {now.EfuseKey?.Verdict ?? "unread"}");
        if (now.BootloaderCrc != BootloaderCrc) d.Add($"bootloader CRC-32 0x{~BootloaderCrc:X8} → 0x{~now.BootloaderCrc:X8}");
        if (Compared(RfCrc, now.RfCrc, RfRegion(profile), written) && now.RfCrc != RfCrc)
            d.Add($"RF sector CRC 0x{RfCrc:x8} → 0x{now.RfCrc:x8} (the RF calibration and MAC{(Mac is null ? "" : $" {Mac}")} differ)");
        if (Compared(AppCrc, now.AppCrc, AppRegion(profile), written) && now.AppCrc != AppCrc)
            d.Add($"app CRC 0x{AppCrc:x8} → 0x{now.AppCrc:x8}");
        if (DataRegion(profile) is { } data && Compared(DataCrc, now.DataCrc, data, written) && now.DataCrc != DataCrc)
            d.Add($"Tuya storage CRC 0x{DataCrc:x8} → 0x{now.DataCrc:x8} (the unit's own device id and keys differ)");
        return d;
    }

    private static bool Compared(uint? a, uint? b, (uint Start, uint Length) region, WrittenRanges? written) =>
        a is not null && b is not null && written?.Overlaps(region.Start, region.Length) != true;

    private static string Hex(uint? v) => v is { } x ? $"0x{x:x}" : "n/a";

    /// <summary>
    /// One line for messages and logs. The bootloader's CRC is given as the CRC-32 the analysis and the
    /// bootloader table use (the chip returns its complement); the content CRCs are the chip's own, only
    /// ever compared with each other.
    /// </summary>
    public override string ToString() =>
        $"{Family}, chip ID {Hex(ChipId)}, flash {Hex(FlashId)} {FlashSize / 1024} KiB, key {EfuseKey?.Verdict ?? "unread"}, " +
        $"bootloader CRC-32 0x{~BootloaderCrc:X8} (bytes {ChipProfiles.For(Family).ProbeRange}), RF 0x{RfCrc ?? 0:x8} (MAC {Mac ?? "none"}), app 0x{AppCrc ?? 0:x8}, Tuya storage {(DataCrc is { } c ? $"0x{c:x8}" : "n/a")}";
}

/// <summary>Address ranges a job or session has erased or programmed (so their content CRCs may legitimately change).</summary>
public sealed class WrittenRanges
{
    private readonly List<(uint Start, uint End)> _ranges = [];

    public void Add(uint start, uint length)
    {
        if (length == 0) return;
        lock (_ranges) _ranges.Add((start, start + length));
    }

    public bool Overlaps(uint start, uint length)
    {
        lock (_ranges) return _ranges.Exists(r => r.Start < start + length && start < r.End);
    }

    /// <summary>True once anything was erased or programmed.</summary>
    public bool Any { get { lock (_ranges) return _ranges.Count > 0; } }
}

/// <summary>After a re-link, the chip on the port is not the one the operation started on: nothing more was read from or written to it.</summary>
public sealed class DeviceChangedException(string port, ChipFingerprint before, ChipFingerprint now, IReadOnlyList<string> differences)
    : FlashException(port, null,
        $"after re-linking, a different chip answered ({string.Join("; ", differences)}). The job started on [{before}]; this port now leads to [{now}]. " +
        "Nothing read from it was kept and nothing more was written to it. Check which board is on this adapter (a replugged adapter may now have another port name), then rerun.")
{
    public ChipFingerprint Before { get; } = before;
    public ChipFingerprint Now { get; } = now;
}
