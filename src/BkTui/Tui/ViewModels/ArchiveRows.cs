using BkTui.Core.Archive;

namespace BkTui.Tui.ViewModels;

/// <summary>A line of the Archive pane: a device heading or one of its dumps.</summary>
public sealed record ArchiveRow(bool IsDevice, string? Mac, long? DumpId, string Title, string When, string Size, string Grade, string Label)
{
    /// <summary>A dump's date and time (local to the archive's clock), e.g. "2026-11-21 09:27".</summary>
    public string Date { get; init; } = "";
    /// <summary>Where a dump came from, shortened: "port bk7231n-plug", "file plug.bin".</summary>
    public string Source { get; init; } = "";

    /// <summary>Stable selection key (selection is an id, never a row number).</summary>
    public string Key => IsDevice ? "dev:" + (Mac ?? "-") : "dump:" + DumpId;
}

/// <summary>
/// Devices and their dumps, newest first, with relative times; a filter keeps devices whose MAC,
/// chip or labels match and dumps whose MAC or label match.
/// </summary>
public static class ArchiveRows
{
    /// <summary>The heading of dumps without a MAC when the archive gives no other name (as `dumps list` says).</summary>
    public const string Unidentified = "unidentified";

    public static IReadOnlyList<ArchiveRow> Build(IReadOnlyList<DeviceRecord> devices, IReadOnlyList<DumpSummary> dumps, string? filter, DateTimeOffset now)
    {
        var byMac = dumps.GroupBy(d => MacText.Normalize(d.Mac) ?? "").ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.TakenAt).ThenByDescending(d => d.Id).ToList());
        var known = devices.Where(d => d.Mac is not null).ToDictionary(d => MacText.Normalize(d.Mac)!, d => d);
        var macs = byMac.Keys.Where(k => k.Length > 0).Union(known.Keys)
            .OrderByDescending(m => Newest(byMac, known, m)).ThenBy(m => m, StringComparer.Ordinal).ToList();
        if (byMac.ContainsKey("")) macs.Add("");

        var rows = new List<ArchiveRow>();
        foreach (var mac in macs)
        {
            known.TryGetValue(mac, out var device);
            var list = byMac.TryGetValue(mac, out var l) ? l : [];
            bool deviceMatches = Matches(filter, mac, device?.Chip, device?.Labels ?? []);
            var shown = deviceMatches ? list : list.Where(d => Matches(filter, mac, d.Chip, [d.Label])).ToList();
            if (!deviceMatches && shown.Count == 0) continue;
            rows.Add(DeviceRow(mac, device, list, now));
            rows.AddRange(shown.Select(d => DumpRow(d, now)));
        }
        return rows;
    }

    private static DateTimeOffset Newest(Dictionary<string, List<DumpSummary>> byMac, Dictionary<string, DeviceRecord> known, string mac)
    {
        var t = byMac.TryGetValue(mac, out var l) && l.Count > 0 ? l[0].TakenAt : DateTimeOffset.MinValue;
        return known.TryGetValue(mac, out var d) && d.LastSeen > t ? d.LastSeen : t;
    }

    private static bool Matches(string? filter, string mac, string? chip, IEnumerable<string> labels)
    {
        if (string.IsNullOrWhiteSpace(filter)) return true;
        var f = filter.Trim();
        var bare = f.Replace(":", "").Replace("-", "");
        return (bare.Length > 0 && mac.Replace(":", "").Contains(bare, StringComparison.OrdinalIgnoreCase))
            || (chip?.Contains(f, StringComparison.OrdinalIgnoreCase) ?? false)
            || labels.Any(l => l.Contains(f, StringComparison.OrdinalIgnoreCase));
    }

    private static ArchiveRow DeviceRow(string mac, DeviceRecord? d, List<DumpSummary> dumps, DateTimeOffset now)
    {
        var chip = d?.Chip ?? dumps.FirstOrDefault(x => x.Chip is not null)?.Chip ?? "";
        var verdict = d?.KeyVerdict is { } v ? $" key {v}" : "";
        // The name people gave the device comes first; the MAC and chip identify it.
        var label = d?.Labels.FirstOrDefault(l => l.Length > 0);
        var title = (label is null ? "" : label + " · ") + (mac.Length == 0 ? NoMacName(dumps) : mac) + (chip.Length > 0 ? $"  {chip}" : "") + verdict;
        var seen = d?.LastSeen ?? (dumps.Count > 0 ? dumps[0].TakenAt : default);
        var count = Humane.Count(dumps.Count, "dump");
        return new ArchiveRow(true, mac.Length == 0 ? null : mac, null, title, Humane.Ago(seen, now), count, "", string.Join(", ", d?.Labels ?? []));
    }

    /// <summary>Dumps without a MAC under the archive's own name(s) for their devices ("unidentified", a key).</summary>
    private static string NoMacName(List<DumpSummary> dumps) =>
        dumps.Select(d => d.Device).Distinct().ToList() is { Count: > 0 } names ? string.Join(", ", names) : Unidentified;

    private static ArchiveRow DumpRow(DumpSummary d, DateTimeOffset now) =>
        new(false, d.Mac, d.Id, $"#{d.Id}", Humane.Ago(d.TakenAt, now), Humane.Bytes(d.Size), d.Grade ?? "", d.Label)
        {
            Date = d.TakenAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Source = ShortSource(d.Source),
        };

    /// <summary>"port bk7231n-plug" or "file plug.bin": what the source was, without the long path (the detail view has it).</summary>
    public static string ShortSource(DumpSource s) =>
        (s.Kind == DumpSourceKind.Port ? "port " + Panes.ListWindow.PortName(s.Location) : "file " + Path.GetFileName(s.Location));
}
