using BkTui.Core.Chips;

namespace BkTui.Core.Flashing;

/// <summary>What a connected chip is. <see cref="EfuseKey"/> is null where the bootloader cannot read eFuse (T/U/BK7252/BK7238).</summary>
public sealed record ChipInfo
{
    public required ChipFamily Family { get; init; }
    /// <summary>Value of the chip-ID register (FULL chips) or null.</summary>
    public uint? ChipId { get; init; }
    /// <summary>Bootloader name from the CRC table, the T boot version text, or "unknown (CRC-32 0x… of bytes 0-255)" (or 0-256: <see cref="ChipProfile.ProbeRange"/>).</summary>
    public required string Bootloader { get; init; }
    /// <summary>Its first bytes are in no table: identify reads only their CRC, a dump's analysis also reads the loader's own text.</summary>
    public bool BootloaderUnknown => Bootloader.StartsWith(UnknownBootloader, StringComparison.Ordinal);
    public const string UnknownBootloader = "unknown (";
    public uint? FlashId { get; init; }
    public string? FlashPart { get; init; }
    public required uint FlashSize { get; init; }
    public EfuseKey? EfuseKey { get; init; }
    /// <summary>"tuya", "zero", "other", or null when the key cannot be read.</summary>
    public string? KeyVerdict => EfuseKey?.Verdict;
    /// <summary>Wi-Fi MAC from the RF calibration TLV ("C8:47:8C:12:34:56"), null if absent.</summary>
    public string? Mac { get; init; }
    public IReadOnlyList<string> Advice { get; init; } = [];
    public required int Baud { get; init; }
    /// <summary>What a re-link must find again (<see cref="ChipFingerprint"/>); null on a chip that was not linked through a session.</summary>
    public ChipFingerprint? Fingerprint { get; init; }

    public ChipProfile Profile => ChipProfiles.For(Family);
}
