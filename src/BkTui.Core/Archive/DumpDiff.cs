using System.Globalization;
using System.Text.Json;

namespace BkTui.Core.Archive;

/// <summary>A run of differing bytes, named by the partitions it touches (from the stored analyses).</summary>
public sealed record ChangedRange(long Start, long Length, IReadOnlyList<string> Partitions)
{
    public long End => Start + Length;
}

/// <summary>A Tuya or OpenBeken config key whose (masked) value differs between two dumps.</summary>
public sealed record ConfigChange(string Section, string Key, string? Before, string? After);

public sealed record DumpDiff(long FirstId, long SecondId, long FirstSize, long SecondSize, long ChangedBytes,
    IReadOnlyList<ChangedRange> Ranges, IReadOnlyList<ConfigChange> ConfigChanges)
{
    public bool Identical => ChangedBytes == 0 && FirstSize == SecondSize;
}

public sealed partial class DumpArchive
{
    /// <summary>Differences in bytes (merged into ranges) and in Tuya/OBK config keys between two archived dumps.</summary>
    public DumpDiff Diff(long firstId, long secondId)
    {
        var a = RequireDump(firstId);
        var b = RequireDump(secondId);
        var bytesA = ReadDumpBytes(firstId);
        var bytesB = ReadDumpBytes(secondId);
        var partitions = DumpDiffer.Partitions(a.AnalysisJson).Concat(DumpDiffer.Partitions(b.AnalysisJson)).Distinct().ToList();
        var ranges = DumpDiffer.Ranges(bytesA, bytesB, partitions, out long changed);
        var config = DumpDiffer.ConfigChanges(a.AnalysisJson, b.AnalysisJson);
        return new DumpDiff(firstId, secondId, bytesA.Length, bytesB.Length, changed, ranges, config);
    }
}

/// <summary>The pure part of <see cref="DumpArchive.Diff"/>: byte ranges and config keys.</summary>
internal static class DumpDiffer
{
    /// <summary>Gaps shorter than this between two changed bytes are merged into one range.</summary>
    public const int MergeGap = 32;
    /// <summary>Bound on the ranges kept; beyond it the closest ranges are merged (hostile or unrelated dumps).</summary>
    public const int MaxRanges = 4096;

    internal sealed record Partition(string Name, long Start, long Size);

    public static List<ChangedRange> Ranges(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, IReadOnlyList<Partition> partitions, out long changedBytes)
    {
        var spans = new List<(long Start, long End)>();
        int common = Math.Min(a.Length, b.Length);
        changedBytes = Math.Abs((long)a.Length - b.Length);
        int i = 0;
        while (i < common)
        {
            int rel = FirstDifference(a[i..common], b[i..common]);
            if (rel < 0) break;
            long start = i + rel;
            int j = (int)start;
            while (j < common && a[j] != b[j]) j++;
            changedBytes += j - start;
            if (spans.Count > 0 && start - spans[^1].End < MergeGap) spans[^1] = (spans[^1].Start, j);
            else spans.Add((start, j));
            i = j;
        }
        if (a.Length != b.Length)
        {
            long tailStart = common, tailEnd = Math.Max(a.Length, b.Length);
            if (spans.Count > 0 && tailStart - spans[^1].End < MergeGap) spans[^1] = (spans[^1].Start, tailEnd);
            else spans.Add((tailStart, tailEnd));
        }
        // Keep the output bounded: merge at growing granularity until it fits.
        for (long gap = 4096; spans.Count > MaxRanges; gap *= 4)
            spans = spans.Aggregate(new List<(long Start, long End)>(), (acc, s) =>
            {
                if (acc.Count > 0 && s.Start - acc[^1].End < gap) acc[^1] = (acc[^1].Start, s.End); else acc.Add(s);
                return acc;
            });
        return spans.Select(s => new ChangedRange(s.Start, s.End - s.Start,
            partitions.Where(p => p.Start < s.End && s.Start < p.Start + p.Size).Select(p => p.Name).Distinct().ToList())).ToList();
    }

    private static int FirstDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int n = a.CommonPrefixLength(b);
        return n == a.Length ? -1 : n;
    }

    /// <summary>Partitions from a stored analysis: a "partitions" array of {name, start|offset, size|length}.</summary>
    public static IEnumerable<Partition> Partitions(string analysisJson)
    {
        var list = new List<Partition>();
        if (Parse(analysisJson) is not { } root || Property(root, "partitions") is not { ValueKind: JsonValueKind.Array } parts) return list;
        foreach (var p in parts.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Object) continue;
            var name = Property(p, "name")?.ToString();
            var start = Number(Property(p, "start") ?? Property(p, "offset"));
            var size = Number(Property(p, "size") ?? Property(p, "length"));
            if (name is not null && start is not null && size is > 0) list.Add(new Partition(name, start.Value, size.Value));
        }
        return list;
    }

    /// <summary>Leaf values under "tuya" and "obk" that differ (added, removed or changed).</summary>
    public static List<ConfigChange> ConfigChanges(string beforeJson, string afterJson)
    {
        var changes = new List<ConfigChange>();
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        foreach (var section in new[] { "tuya", "obk" })
        {
            var x = Flatten(before is { } b ? Property(b, section) : null);
            var y = Flatten(after is { } a ? Property(a, section) : null);
            foreach (var key in x.Keys.Union(y.Keys).Order(StringComparer.Ordinal))
            {
                x.TryGetValue(key, out var v1);
                y.TryGetValue(key, out var v2);
                if (v1 != v2) changes.Add(new ConfigChange(section, key, v1, v2));
            }
        }
        return changes;
    }

    private static Dictionary<string, string> Flatten(JsonElement? element)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement e, string path, int depth)
        {
            if (depth > 16) return; // bounded on hostile JSON
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", depth + 1);
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    // Items named by a "key"/"name" field are matched by it, so an insertion does not shift every later item.
                    foreach (var item in e.EnumerateArray())
                    {
                        var id = Property(item, "key") ?? Property(item, "name");
                        var label = id is { ValueKind: JsonValueKind.String } named ? named.GetString() : i.ToString(CultureInfo.InvariantCulture);
                        Walk(item, $"{path}[{label}]", depth + 1);
                        i++;
                    }
                    break;
                default:
                    leaves[path] = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
                    break;
            }
        }
        if (element is { } el && el.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Walk(el, "", 0);
        return leaves;
    }

    private static JsonElement? Parse(string json)
    {
        try { return JsonDocument.Parse(json).RootElement; }
        catch (JsonException) { return null; }
    }

    private static JsonElement? Property(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in e.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static long? Number(JsonElement? e)
    {
        if (e is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n)) return n;
        if (v.ValueKind != JsonValueKind.String) return null;
        var s = v.GetString()!.Trim();
        return s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out n) ? n : null
            : long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : null;
    }
}
