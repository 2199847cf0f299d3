using System.Text;

namespace BkTui.Core.Formats.HexView;

/// <summary>
/// Classic 16-bytes-per-line hex dump with a label margin (the partition each line starts in).
/// Runs of identical lines inside one partition collapse to "*", as hexdump -C does, so erased
/// megabytes take one line. Lazy: yields as it goes.
/// </summary>
public static class HexDumpLines
{
    public const int BytesPerLine = 16;
    public const int LabelWidth = 16;

    /// <summary>Shown for a masked byte: in the hex column, and in the text column.</summary>
    public const string MaskedHex = "··";
    public const char MaskedChar = '•';

    /// <param name="label">Label for a file offset (null = none).</param>
    /// <param name="masked">True for a byte whose value is a secret: drawn as <see cref="MaskedHex"/> / <see cref="MaskedChar"/>.</param>
    public static IEnumerable<string> Render(byte[] data, long start, long length, Func<long, string?> label, Func<long, bool>? masked = null)
    {
        masked ??= _ => false;
        if (start < 0 || start >= data.Length) yield break;
        var end = Math.Min(data.Length, start + Math.Max(0, length));
        byte[]? previous = null;
        string? previousLabel = null;
        var starred = false;
        for (var off = start; off < end; off += BytesPerLine)
        {
            var n = (int)Math.Min(BytesPerLine, end - off);
            var line = data.AsSpan((int)off, n);
            var tag = label(off) ?? "";
            bool secret = Enumerable.Range(0, n).Any(i => masked(off + i));
            if (previous is not null && n == BytesPerLine && tag == previousLabel && !secret && line.SequenceEqual(previous))
            {
                if (!starred) yield return new string(' ', LabelWidth + 2) + "*";
                starred = true;
                continue;
            }
            starred = false;
            previous = secret ? null : line.ToArray();
            var showTag = tag != previousLabel ? tag : "";
            previousLabel = tag;
            yield return Format(off, line, showTag, i => masked(off + i));
        }
        yield return new string(' ', LabelWidth + 2) + $"{end:x8}";
    }

    private static string Format(long offset, ReadOnlySpan<byte> line, string tag, Func<int, bool> masked)
    {
        var sb = new StringBuilder(96);
        sb.Append(tag.Length > LabelWidth ? tag[..LabelWidth] : tag.PadRight(LabelWidth)).Append("  ");
        sb.Append(offset.ToString("x8")).Append("  ");
        for (var i = 0; i < BytesPerLine; i++)
        {
            sb.Append(i >= line.Length ? "  " : masked(i) ? MaskedHex : line[i].ToString("x2")).Append(' ');
            if (i == 7) sb.Append(' ');
        }
        sb.Append(" |");
        for (var i = 0; i < line.Length; i++) sb.Append(masked(i) ? MaskedChar : line[i] is >= 0x20 and < 0x7F ? (char)line[i] : '.');
        sb.Append('|');
        return sb.ToString();
    }
}
