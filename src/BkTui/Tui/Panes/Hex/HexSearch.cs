using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// Searching and comparing over a byte source in bounded chunks (1 MiB buffers), so files of any
/// size are searched without loading them.
/// </summary>
public static partial class HexSearch
{
    private const int Chunk = 1 << 20;

    /// <summary>
    /// "de ad be ef" / "DEADBEEF" → bytes; anything else (or text in double quotes) → its UTF-8 bytes.
    /// Null for an empty pattern.
    /// </summary>
    public static byte[]? ParsePattern(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') text = text[1..^1];
        else if (HexPattern().IsMatch(text))
        {
            var digits = text.Replace(" ", "");
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits[2..];
            return Enumerable.Range(0, digits.Length / 2)
                .Select(i => byte.Parse(digits.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        }
        return text.Length == 0 ? null : Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex("^(0[xX])?([0-9a-fA-F]{2} ?)+$")]
    private static partial Regex HexPattern();

    /// <summary>First match at or after <paramref name="from"/> (direction +1) or at or before it (-1).</summary>
    public static long? Find(IByteSource source, ReadOnlySpan<byte> pattern, long from, int direction)
    {
        if (pattern.IsEmpty || source.Length < pattern.Length) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk + pattern.Length);
        try
        {
            long last = source.Length - pattern.Length;
            if (direction >= 0)
            {
                for (long start = Math.Max(0, from); start <= last; start += Chunk)
                {
                    int n = source.Read(start, buffer.AsSpan(0, (int)Math.Min(Chunk + pattern.Length - 1, source.Length - start)));
                    int at = buffer.AsSpan(0, n).IndexOf(pattern);
                    if (at >= 0) return start + at;
                }
            }
            else
            {
                for (long end = Math.Min(from, last) + pattern.Length; end >= pattern.Length; end -= Chunk)
                {
                    long start = Math.Max(0, end - Chunk - pattern.Length + 1);
                    int n = source.Read(start, buffer.AsSpan(0, (int)(end - start)));
                    int at = buffer.AsSpan(0, n).LastIndexOf(pattern);
                    if (at >= 0) return start + at;
                    if (start == 0) break;
                }
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The first offset at or after (+1) / at or before (-1) <paramref name="from"/> where the two
    /// sources differ; bytes past the shorter one count as different.
    /// </summary>
    public static long? NextDifference(IByteSource a, IByteSource b, long from, int direction)
    {
        long common = Math.Min(a.Length, b.Length), longest = Math.Max(a.Length, b.Length);
        if (from < 0 || from >= longest) return null;
        var bufA = ArrayPool<byte>.Shared.Rent(Chunk);
        var bufB = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            if (direction >= 0)
            {
                for (long start = from; start < common; start += Chunk)
                {
                    int n = (int)Math.Min(Chunk, common - start);
                    a.Read(start, bufA.AsSpan(0, n));
                    b.Read(start, bufB.AsSpan(0, n));
                    int same = bufA.AsSpan(0, n).CommonPrefixLength(bufB.AsSpan(0, n));
                    if (same < n) return start + same;
                }
                return longest > common ? Math.Max(from, common) : null;
            }
            if (from >= common) return from;
            for (long end = from + 1; end > 0; end -= Chunk)
            {
                long start = Math.Max(0, end - Chunk);
                int n = (int)(end - start);
                a.Read(start, bufA.AsSpan(0, n));
                b.Read(start, bufB.AsSpan(0, n));
                for (int i = n - 1; i >= 0; i--)
                    if (bufA[i] != bufB[i]) return start + i;
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bufA);
            ArrayPool<byte>.Shared.Return(bufB);
        }
    }
}
