namespace BkTui.Core.Chips;

/// <summary>Numbers for one chip family, loaded from <c>profiles/chips.yaml</c>.</summary>
public sealed record ChipProfile
{
    public required ChipFamily Family { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required BootProtocol Protocol { get; init; }
    /// <summary>CheckCRC end address is inclusive (BootROM) or exclusive (flash bootloaders).</summary>
    public required bool CrcEndInclusive { get; init; }
    public uint? ChipId { get; init; }
    /// <summary>Reads must add the flash size (the bootloader refuses its own window but the flash mirrors above its size).</summary>
    public bool ReadMirror { get; init; }
    public uint BootloaderSize { get; init; } = 0x11000;
    public bool BootloaderWritable { get; init; }
    public uint AppOffset { get; init; } = 0x11000;
    public uint DefaultFlashSize { get; init; } = 0x200000;
    public required string DefaultKey { get; init; }
    public uint RfOffset { get; init; }
    public uint? ObkConfigOffset { get; init; }
    public uint? TuyaKvOffset { get; init; }
    public uint TuyaKvLength { get; init; }
    public uint? OtaOffset { get; init; }
    public string FirmwarePrefix { get; init; } = "";
    /// <summary>Highest baud the bootloader is known to take; null where no public source says (see <see cref="MaxBaudSource"/>).</summary>
    public int? MaxBaud { get; init; }
    /// <summary>Where <see cref="MaxBaud"/> comes from, or why it is unknown.</summary>
    public string MaxBaudSource { get; init; } = "";

    /// <summary>Top of the baud ladder for this family: <see cref="MaxBaud"/>, or <see cref="ChipProfiles.UnknownMaxBaud"/> where unknown.</summary>
    public int LadderTop => MaxBaud ?? ChipProfiles.UnknownMaxBaud;
    /// <summary>Lengths of this family's bootloader+app (QIO) builds; each ends with the app partition's RBL header.</summary>
    public IReadOnlyList<uint> QioLengths { get; init; } = [];

    /// <summary>The eFuse key words this family ships with (tuya or zero).</summary>
    public EfuseKey DefaultEfuseKey => ChipProfiles.Key(DefaultKey);

    /// <summary>CheckCRC end field for the byte range [start, start+length).</summary>
    public uint CrcEnd(uint start, uint length) => CrcEndInclusive ? start + length - 1 : start + length;

    /// <summary>
    /// The bytes the identification CRC covers (its end field is 256: inclusive loaders take 257 bytes),
    /// in the words the analysis, identify and the fingerprint all use.
    /// </summary>
    public static string ProbeCrcRange(bool inclusive) => inclusive ? "0-256" : "0-255";
    public string ProbeRange => ProbeCrcRange(CrcEndInclusive);
}

/// <summary>A bootloader recognised by the standard CRC-32 of its first 256 (or 257) bytes (protocol.md §7.1).</summary>
public sealed record KnownBootloader(uint Crc32, string Name, string Version, ChipFamily Family, string Key, bool CrcLock);
