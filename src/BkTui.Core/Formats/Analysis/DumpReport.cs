using System.Text.Json.Nodes;

namespace BkTui.Core.Formats.Analysis;

/// <summary>Everything the analyzer found in one flash dump. Offsets are physical, after undoing any rotation.</summary>
public sealed record DumpReport
{
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public ChipVerdict Chip { get; init; } = new();
    public BootloaderInfo Bootloader { get; init; } = new();
    /// <summary>The file starts this many bytes into the flash (the dump wrapped); 0 when not rotated.</summary>
    public uint RotatedBy { get; init; }
    public EncryptionInfo Encryption { get; init; } = new();
    public IReadOnlyList<PartitionInfo> Partitions { get; init; } = [];
    public AppInfo App { get; init; } = new();
    /// <summary>Upper-case AA:BB:CC:DD:EE:FF, null when none.</summary>
    public string? Mac { get; init; }
    public string? MacSource { get; init; }
    public RfInfo Rf { get; init; } = new();
    public TuyaInfo? Tuya { get; init; }
    public ObkInfo? Obk { get; init; }
    public QualityInfo Quality { get; init; } = new();
    /// <summary>What the user should do next (Restore RF, flash the M build, …).</summary>
    public IReadOnlyList<string> Advice { get; init; } = [];
    /// <summary>True when the input is not a whole flash image and only part could be analysed.</summary>
    public bool Partial { get; init; }

    /// <summary>The report as JSON (camelCase); secrets are masked unless <paramref name="revealSecrets"/>.</summary>
    public string ToJson(bool revealSecrets = false) => ReportJson.Serialize(this, revealSecrets);

    /// <summary>The JSON tree (masked unless revealed), for callers that embed it (archive, CLI).</summary>
    public JsonObject ToJsonNode(bool revealSecrets = false) => ReportJson.ToNode(this, revealSecrets);

    /// <summary>The partition covering a physical offset, or null.</summary>
    public PartitionInfo? PartitionAt(long physical) =>
        Partitions.Where(p => physical >= p.Start && physical < p.Start + p.Size).OrderBy(p => p.Size).FirstOrDefault();
}

/// <summary>Chip family name (BK7231T … or "unknown") and the observations it rests on.</summary>
public sealed record ChipVerdict
{
    public string Family { get; init; } = "unknown";
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

public sealed record BootloaderInfo
{
    public bool Present { get; init; }
    public string? Name { get; init; }
    public string? Version { get; init; }
    /// <summary>Standard CRC-32 used for identification, "0x…" (of bytes 0–255 or 0–256, see <see cref="CrcRange"/>).</summary>
    public string? Crc32 { get; init; }
    public string? CrcRange { get; init; }
    public bool Known { get; init; }
    /// <summary>Version text found inside the decrypted bootloader (e.g. "BK7231N_1.0.1").</summary>
    public string? Text { get; init; }

    /// <summary>"CRC-32 0x78D89A2E of bytes 0-255": the identifying CRC covers the loader's start, not its range.</summary>
    public string CrcText() => $"CRC-32 {Crc32} of bytes {CrcRange}";

    /// <summary>Its name with its version, once: a name read from the loader's own text already carries it ("BK7231n_1.0.11").</summary>
    public string? NameWithVersion(string? name) =>
        name is null ? null : Version is { Length: > 0 } v && !name.Contains(v, StringComparison.Ordinal) ? $"{name} {v}" : name;
}

public sealed record EncryptionInfo
{
    /// <summary>"tuya", "zero", "other" or "unknown".</summary>
    public string Key { get; init; } = "unknown";
    /// <summary>The four key words in hex, null when the key is not known.</summary>
    public IReadOnlyList<string>? Words { get; init; }
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

public sealed record PartitionInfo(string Name, long Start, long Size, string Evidence);

public sealed record RblInfo
{
    public string Name { get; init; } = "";
    public string Version { get; init; } = "";
    /// <summary>Offset of the header (physical).</summary>
    public long Offset { get; init; }
    /// <summary>"crc-blocks" (in-flash container) or "plain" (OTA image).</summary>
    public string Form { get; init; } = "";
    public uint RawSize { get; init; }
    public uint PackageSize { get; init; }
    public int Encryption { get; init; }
    public int Compression { get; init; }
    /// <summary>Payload CRC-32 and FNV hash match (in-flash containers), null when not checked.</summary>
    public bool? PayloadOk { get; init; }
}

public sealed record AppInfo
{
    public IReadOnlyList<RblInfo> Rbls { get; init; } = [];
    public IReadOnlyList<string> VersionStrings { get; init; } = [];
    /// <summary>Tuya firmware version from gw_di.swv, when present.</summary>
    public string? TuyaFirmwareVersion { get; init; }
    /// <summary>Whether the app is OpenBeken (by its strings).</summary>
    public bool OpenBeken { get; init; }
}

public sealed record RfInfo
{
    public bool Present { get; init; }
    public long? Offset { get; init; }
    public uint? Length { get; init; }
    public bool Complete { get; init; }
    public bool MacIsPlaceholder { get; init; }
    /// <summary>Where this family expects the RF sector.</summary>
    public long? ExpectedOffset { get; init; }
    public string? Advice { get; init; }
}

public sealed record TuyaKeyInfo(string Name, int Length, bool ChecksumOk);

public sealed record TuyaPinInfo(string Key, int Pin, string Role);

public sealed record TuyaInfo
{
    public long Offset { get; init; }
    public long End { get; init; }
    public string DeviceKey { get; init; } = "";
    public IReadOnlyList<TuyaKeyInfo> Keys { get; init; } = [];
    public string? Module { get; init; }
    public string? Platform { get; init; }
    public string? FirmwareVersion { get; init; }
    public IReadOnlyList<TuyaPinInfo> Pins { get; init; } = [];
    /// <summary>user_param_key decoded from Tuya loose JSON.</summary>
    public JsonObject? UserConfig { get; init; }
    /// <summary>Every key whose value is JSON, decoded (secrets masked by the serialiser).</summary>
    public JsonObject Values { get; init; } = new();
}

public sealed record ObkInfo
{
    public long Offset { get; init; }
    public int Version { get; init; }
    public bool CrcOk { get; init; }
    public string WifiSsid { get; init; } = "";
    public string WifiPassword { get; init; } = "";
    public string MqttHost { get; init; } = "";
    public int MqttPort { get; init; }
    public string MqttUser { get; init; } = "";
    public string MqttPassword { get; init; } = "";
    public string ShortName { get; init; } = "";
    public string LongName { get; init; } = "";
    public IReadOnlyList<ObkPinInfo> Pins { get; init; } = [];
}

public sealed record ObkPinInfo(int Gpio, int Role, int Channel);

public sealed record QualityProblem(string Code, string Severity, string Message);

public sealed record QualityInfo
{
    /// <summary>A (clean) … F (no usable content).</summary>
    public string Grade { get; init; } = "F";
    public IReadOnlyList<QualityProblem> Problems { get; init; } = [];
}
