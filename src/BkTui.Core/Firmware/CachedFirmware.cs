using System.Text.Json.Serialization;
using BkTui.Core.Chips;

namespace BkTui.Core.Firmware;

/// <summary>A build in the firmware cache with its provenance: where it came from, when, and its key.</summary>
public sealed record CachedFirmware
{
    /// <summary>Written as the family's own name ("BK7231M") whatever the JSON naming policy.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ChipFamily>))]
    public required ChipFamily Family { get; init; }
    public required string Tag { get; init; }
    public required string AssetName { get; init; }
    /// <summary>The exact URL the file was downloaded from.</summary>
    public required string SourceUrl { get; init; }
    /// <summary>The releases feed the asset was listed in.</summary>
    public string? FeedUrl { get; init; }
    public required string Sha256 { get; init; }
    public required long Size { get; init; }
    public required DateTimeOffset DownloadedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>"tuya" or "zero": the key the image was built for (checked against the family).</summary>
    public required string Key { get; init; }
    /// <summary>"qio" (bootloader + app; the app part is written at 0x11000) or "app" (UA, written at 0x11000).</summary>
    public required string Kind { get; init; }
    /// <summary>Absolute path of the file, <c>&lt;archive&gt;/firmware/&lt;sha256&gt;.bin</c>; filled in by the cache.</summary>
    public string Path { get; init; } = "";

    /// <summary>One line for job records and logs: which build, from where, which bytes.</summary>
    public string Summary => $"{AssetName} ({Tag}, {Key} key, sha256 {Sha256}, from {SourceUrl})";
}

/// <summary>Where the cache keeps its list of builds: the archive database (a seam for unit tests).</summary>
internal interface IFirmwareIndex
{
    IReadOnlyList<CachedFirmware> All();
    /// <summary>Adds or replaces the row for (family, tag, asset name).</summary>
    void Upsert(CachedFirmware entry);
    /// <summary>Removes the row for (family, tag, asset name), if there is one.</summary>
    void Remove(CachedFirmware entry);
}
