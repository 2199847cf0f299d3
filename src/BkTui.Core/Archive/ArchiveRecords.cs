using BkTui.Core.Identity;

namespace BkTui.Core.Archive;

public enum DumpSourceKind { Port, File }

/// <summary>Where a dump came from: read from a port, or imported from a file.</summary>
public sealed record DumpSource(DumpSourceKind Kind, string Location)
{
    public static DumpSource FromPort(string port) => new(DumpSourceKind.Port, port);
    public static DumpSource FromFile(string path) => new(DumpSourceKind.File, Path.GetFullPath(path));
    public override string ToString() => Kind == DumpSourceKind.Port ? $"read from {Location}" : $"imported from {Location}";
}

/// <summary>What a live session (or the user) knows about a device; null fields are left as they were.</summary>
public sealed record DeviceObservation
{
    public string? Mac { get; init; }
    public string? Chip { get; init; }
    public string? ChipId { get; init; }
    public string? FlashId { get; init; }
    public string? EfuseKey { get; init; }
    public string? KeyVerdict { get; init; }
    public string? Bootloader { get; init; }
    /// <summary>The adapter (port path or by-id name) the device answered on, with <see cref="Baud"/>.</summary>
    public string? Adapter { get; init; }
    public int? Baud { get; init; }
    /// <summary>Evidence beyond the chip's MAC and the dump's own (e.g. a MAC the user gave), strongest first.</summary>
    public IReadOnlyList<DeviceKey> Keys { get; init; } = [];
}

public sealed record ImportOptions
{
    /// <summary>When the bytes were read; default: now for a port, the file's modification time for a file.</summary>
    public DateTimeOffset? TakenAt { get; init; }
    /// <summary>Set by a file import: <see cref="TakenAt"/> is the file's modification time, not a date anyone gave.</summary>
    internal bool TakenFromFile { get; init; }
    public long? JobId { get; init; }
    public string? Label { get; init; }
    /// <summary>Facts from the chip itself; its MAC wins over the one found in the dump.</summary>
    public DeviceObservation? Device { get; init; }
    /// <summary>Refuse a file whose analysis finds nothing BK72xx in it (grade F); `dumps import` sets it unless --keep-unknown. A chip's own read is always kept.</summary>
    public bool RefuseUnrecognised { get; init; }
}

/// <summary>Where an archived dump's taken-at date came from: an import says it, since a copied file's date is the copy's.</summary>
public enum TakenAtSource
{
    /// <summary>The caller gave it (`dumps import --taken`).</summary>
    Given,
    /// <summary>The file's modification time (the default of a file import).</summary>
    FileModified,
    /// <summary>The moment it was archived (a read from a port).</summary>
    ImportTime,
    /// <summary>The same bytes were archived before: their first date stays.</summary>
    Archived,
}

/// <param name="IsNew">False when the same bytes (same sha256) were already archived: nothing was added.</param>
/// <param name="NewBytes">Compressed bytes this import added to the blob store.</param>
public sealed record ImportResult(long DumpId, string Sha256, long Size, bool IsNew, string? Mac, string? Grade,
    int NewSectors, long NewBytes, DumpSource Source)
{
    /// <summary>The evidence the device was identified by (strongest first); empty: archived as unidentified.</summary>
    public IReadOnlyList<DeviceKey> Keys { get; init; } = [];
    /// <summary>When the archive says the bytes were taken, and (<see cref="TakenFrom"/>) why.</summary>
    public DateTimeOffset TakenAt { get; init; }
    public TakenAtSource TakenFrom { get; init; }
}

public sealed record DumpSummary(long Id, string Sha256, long Size, string? Mac, DateTimeOffset TakenAt, DateTimeOffset ImportedAt,
    DumpSource Source, long? JobId, string? Grade, string? Chip, string Label, long NewBytes)
{
    /// <summary>The device's name: its MAC, else its first identity key, else "unidentified".</summary>
    public string Device { get; init; } = Mac ?? "unidentified";
    /// <summary>The archive's device row that holds it: dumps are grouped by this, never by MAC text.</summary>
    public long DeviceId { get; init; }
    /// <summary>In the bucket of dumps without evidence: each may be a different board.</summary>
    public bool InUnidentifiedBucket => DeviceId == DumpArchive.UnidentifiedBucket;
}

/// <summary>A dump with its stored analysis (DumpReport JSON, secrets masked).</summary>
public sealed record DumpDetail(DumpSummary Dump, string AnalysisJson, int SectorCount, int ErasedSectors);

public sealed record DeviceRecord(long Id, string? Mac, string? Chip, string? ChipId, string? FlashId, string? EfuseKey,
    string? KeyVerdict, string? Bootloader, IReadOnlyList<string> Labels, string Notes, DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen, int DumpCount, long? LatestDumpId, IReadOnlyDictionary<string, int> BaudByAdapter)
{
    /// <summary>The evidence this device is identified by (docs/identity.md); none: unidentified.</summary>
    public IReadOnlyList<DeviceKey> Keys { get; init; } = [];
    /// <summary>The placeholder MAC it reported before it was identified (never an identity).</summary>
    public string? PlaceholderMac { get; init; }
    public bool IsUnidentified => Mac is null && Keys.Count == 0;
    /// <summary>Its MAC, else its first key, else "unidentified" (with the placeholder it reported).</summary>
    public string Name => Mac ?? Keys.FirstOrDefault()?.Key ?? DeviceNames.Unidentified(PlaceholderMac);
}

/// <summary>How every part names a device without a true identity, so the archive, the jobs and the TUI say the same.</summary>
public static class DeviceNames
{
    /// <summary>"unidentified", or "unidentified (reported C8:47:8C:00:00:00)" with the placeholder it reported, upper case.</summary>
    public static string Unidentified(string? placeholderMac) =>
        placeholderMac is null ? "unidentified" : $"unidentified (reported {MacText.Normalize(placeholderMac) ?? placeholderMac})";
}

/// <summary>Result of <see cref="DumpArchive.Check"/>: ok means nothing is missing or damaged (orphans are harmless).</summary>
public sealed record CheckReport(bool Ok, string IntegrityCheck, int Dumps, int Sectors, int Packs,
    IReadOnlyList<string> Problems, IReadOnlyList<string> OrphanFiles, int OrphansRemoved, IReadOnlyList<string> Notes);

/// <summary>Canonical MAC text: AA:BB:CC:DD:EE:FF.</summary>
public static class MacText
{
    /// <summary>Accepts colons, dashes, dots or none; null when it is not 12 hex digits.</summary>
    public static string? Normalize(string? mac)
    {
        if (string.IsNullOrWhiteSpace(mac)) return null;
        var hex = new string(mac.Where(c => c is not (':' or '-' or '.' or ' ')).ToArray());
        if (hex.Length != 12 || !hex.All(Uri.IsHexDigit)) return null;
        hex = hex.ToUpperInvariant();
        return string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2)));
    }
}
