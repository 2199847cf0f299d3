using BkTui.Core.Formats.Analysis;

namespace BkTui.Tui.ViewModels;

/// <summary>A partition as the map shows it: <see cref="Letter"/> marks its cells in the bar (no colour needed).</summary>
public sealed record PartitionMapRow(int Index, char Letter, string Name, long Start, long Size, string Evidence)
{
    public string StartText => $"0x{Start:X6}";
    /// <summary>
    /// Always in KiB, as flash layouts are written ("1.1 MB" beside "68 KiB" read as mixed units); "~"
    /// when rounded, so it fits the table's 9 columns. The detail view gives the exact bytes.
    /// </summary>
    public string SizeText => Kib(Size);

    /// <summary>A size in KiB ("72 KiB", "~977 KiB"), bytes under 1 KiB: the unit flash layouts are written in.</summary>
    public static string Kib(long size) => size < 1024 ? $"{size} B" : size % 1024 == 0 ? $"{size / 1024} KiB" : $"~{Math.Round(size / 1024.0)} KiB";

    public string ExactSizeText => $"{SizeText} ({Size:N0} bytes, 0x{Size:X})";
}

/// <summary>The partition map: a bar of the whole flash and a table (name, start, size, evidence).</summary>
public sealed record PartitionMapView(long FlashSize, IReadOnlyList<PartitionMapRow> Rows)
{
    public const char Gap = '·';

    /// <summary>Why the map is incomplete (a truncated or unreadable dump), or null for a whole image.</summary>
    public string? Partial { get; init; }

    /// <summary>
    /// A bar of <paramref name="width"/> cells, each a slice of the flash; a cell shows the letter of the
    /// partition covering most of it (a small partition still gets at least one cell), <see cref="Gap"/> where nothing is mapped.
    /// </summary>
    public string Bar(int width, bool unicode = true)
    {
        if (width <= 0 || FlashSize <= 0) return "";
        var cells = new char[width];
        var gap = unicode ? Gap : '.';
        for (int c = 0; c < width; c++)
        {
            long from = FlashSize * c / width, to = FlashSize * (c + 1) / width;
            PartitionMapRow? best = null;
            long bestCover = 0;
            foreach (var r in Rows)
            {
                long cover = Math.Min(to, r.Start + r.Size) - Math.Max(from, r.Start);
                if (cover > bestCover) (best, bestCover) = (r, cover);
            }
            cells[c] = best?.Letter ?? gap;
        }
        foreach (var r in Rows)
        {
            int cell = (int)Math.Min(width - 1, r.Start * width / FlashSize);
            if (Array.IndexOf(cells, r.Letter) < 0) cells[cell] = r.Letter;
        }
        return new string(cells);
    }

    public static PartitionMapView From(DumpReport report) => From(report.Size, report.Partitions) with
    {
        Partial = !report.Partial ? null
            : report.Quality.Problems.FirstOrDefault(p => p.Severity is "error" or "fatal")?.Message
            ?? report.Quality.Problems.FirstOrDefault()?.Message ?? "not a whole flash image: results are partial",
    };

    public static PartitionMapView From(long flashSize, IEnumerable<PartitionInfo> partitions)
    {
        var rows = partitions.OrderBy(p => p.Start).ThenBy(p => p.Size)
            .Select((p, i) => new PartitionMapRow(i, LetterFor(i), p.Name, p.Start, p.Size, p.Evidence)).ToList();
        return new PartitionMapView(flashSize, rows);
    }

    private static char LetterFor(int i) => i < 26 ? (char)('A' + i) : i < 52 ? (char)('a' + i - 26) : '+';
}
