using BkTui.Core.Archive;

namespace BkTui.Tui.ViewModels;

/// <summary>A line of the Archive pane: a device heading or one of its dumps.</summary>
public sealed record ArchiveRow(bool IsDevice, string? Mac, long? DumpId, string Title, string When, string Size, string Grade, string Label)
{
    /// <summary>A dump's date and time (local to the archive's clock), e.g. "2026-11-21 09:27".</summary>
    public string Date { get; init; } = "";
    /// <summary>Where a dump came from, shortened: "port bk7231n-plug", "file plug.bin".</summary>
    public string Source { get; init; } = "";
    /// <summary>Which archive device the row belongs to ("7", or "u25" for the unidentified dump #25): same group, same board.</summary>
    public string Group { get; init; } = "";
    /// <summary>How the device is named: its MAC, its key ("tuya:…"), or "unidentified #25".</summary>
    public string DeviceName { get; init; } = "";
    /// <summary>The MAC or key the archive can name the device by; null for an unidentified device.</summary>
    public string? Identity { get; init; }

    /// <summary>Stable selection key (selection is an id, never a row number).</summary>
    public string Key => IsDevice ? "dev:" + Group : "dump:" + DumpId;
}

/// <summary>
/// Devices and their dumps, newest first, with relative times. A device is the archive's device
/// record, never a MAC text: a device without a MAC is named by its key ("tuya:…"), and each dump in
/// the unidentified bucket is a device of its own ("unidentified #25") — the bucket holds unrelated
/// boards. A filter keeps devices whose name, chip or labels match and dumps whose name or label match.
/// </summary>
public static class ArchiveRows
{
    public const string Unidentified = "unidentified";

    private sealed record Group(string Id, DeviceRecord? Device, List<DumpSummary> Dumps, string Name, string? Identity);

    public static IReadOnlyList<ArchiveRow> Build(IReadOnlyList<DeviceRecord> devices, IReadOnlyList<DumpSummary> dumps, string? filter, DateTimeOffset now)
    {
        var records = devices.Where(d => d.Id != DumpArchive.UnidentifiedBucket).DistinctBy(d => d.Id).ToDictionary(d => d.Id);
        var groups = new Dictionary<string, Group>();
        foreach (var d in dumps.OrderByDescending(d => d.TakenAt).ThenByDescending(d => d.Id))
        {
            var id = GroupOf(d);
            if (!groups.TryGetValue(id, out var g))
            {
                records.TryGetValue(d.DeviceId, out var rec);
                groups[id] = g = rec is null && d.InUnidentifiedBucket ? new Group(id, null, [], $"{Unidentified} #{d.Id}", null) : NewGroup(id, rec, d);
            }
            g.Dumps.Add(d);
        }
        // Devices the session knows (linked on a port) before any dump of them is archived.
        foreach (var rec in records.Values.Where(r => !r.IsUnidentified && !groups.ContainsKey(r.Id.ToString())))
            groups[rec.Id.ToString()] = NewGroup(rec.Id.ToString(), rec, null);

        var rows = new List<ArchiveRow>();
        foreach (var g in groups.Values.OrderBy(g => g.Identity is null && g.Device is null).ThenByDescending(Newest).ThenBy(g => g.Name, StringComparer.Ordinal))
        {
            bool deviceMatches = Matches(filter, g.Name, g.Device?.Chip ?? g.Dumps.FirstOrDefault()?.Chip, g.Device?.Labels ?? []);
            var shown = deviceMatches ? g.Dumps : g.Dumps.Where(d => Matches(filter, g.Name, d.Chip, [d.Label])).ToList();
            if (!deviceMatches && shown.Count == 0) continue;
            rows.Add(DeviceRow(g, now));
            rows.AddRange(shown.Select(d => DumpRow(d, g, now)));
        }
        return rows;
    }

    /// <summary>The group a dump belongs to: its device row, or itself when it sits in the unidentified bucket.</summary>
    public static string GroupOf(DumpSummary d) => d.InUnidentifiedBucket ? "u" + d.Id : d.DeviceId.ToString();

    private static Group NewGroup(string id, DeviceRecord? rec, DumpSummary? dump)
    {
        var identity = rec is null ? MacText.Normalize(dump?.Mac) : rec.Mac ?? rec.Keys.FirstOrDefault()?.Key;
        var name = identity ?? rec?.Name ?? dump?.Device ?? Unidentified;
        return new Group(id, rec, [], name, identity);
    }

    private static DateTimeOffset Newest(Group g)
    {
        var t = g.Dumps.Count > 0 ? g.Dumps[0].TakenAt : DateTimeOffset.MinValue;
        return g.Device is { } d && d.LastSeen > t ? d.LastSeen : t;
    }

    private static bool Matches(string? filter, string name, string? chip, IEnumerable<string> labels)
    {
        if (string.IsNullOrWhiteSpace(filter)) return true;
        var f = filter.Trim();
        var bare = f.Replace(":", "").Replace("-", "");
        return (bare.Length > 0 && name.Replace(":", "").Contains(bare, StringComparison.OrdinalIgnoreCase))
            || (chip?.Contains(f, StringComparison.OrdinalIgnoreCase) ?? false)
            || labels.Any(l => l.Contains(f, StringComparison.OrdinalIgnoreCase));
    }

    private static ArchiveRow DeviceRow(Group g, DateTimeOffset now)
    {
        var d = g.Device;
        var chip = d?.Chip ?? g.Dumps.FirstOrDefault(x => x.Chip is not null)?.Chip ?? "";
        var verdict = d?.KeyVerdict is { } v ? $" key {v}" : "";
        // The name people gave the device comes first; the MAC (or key) and chip identify it.
        var label = d?.Labels.FirstOrDefault(l => l.Length > 0);
        var title = (label is null ? "" : label + " · ") + g.Name + (chip.Length > 0 ? $"  {chip}" : "") + verdict;
        var seen = d?.LastSeen ?? (g.Dumps.Count > 0 ? g.Dumps[0].TakenAt : default);
        var count = Humane.Count(g.Dumps.Count, "dump");
        return new ArchiveRow(true, d?.Mac, null, title, Humane.Ago(seen, now), count, "", string.Join(", ", d?.Labels ?? []))
        {
            Group = g.Id, DeviceName = g.Name, Identity = g.Identity,
        };
    }

    private static ArchiveRow DumpRow(DumpSummary d, Group g, DateTimeOffset now) =>
        new(false, d.Mac, d.Id, $"#{d.Id}", Humane.Ago(d.TakenAt, now), Humane.Bytes(d.Size), d.Grade ?? "", d.Label)
        {
            Date = d.TakenAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Source = ShortSource(d.Source),
            Group = g.Id, DeviceName = g.Name, Identity = g.Identity,
        };

    /// <summary>"port bk7231n-plug" or "file plug.bin": what the source was, without the long path (the detail view has it).</summary>
    public static string ShortSource(DumpSource s) =>
        (s.Kind == DumpSourceKind.Port ? "port " + Panes.ListWindow.PortName(s.Location) : "file " + Path.GetFileName(s.Location));
}
