namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// Differences between two byte sources as ranges, the way `bktui dumps diff` lists them: changed
/// bytes closer than <see cref="Gap"/> equal bytes belong to one range. A flashed app differs over a
/// megabyte with bytes that happen to match every few hundred; jumping byte by byte never got past it.
/// Bytes past the shorter source count as different. Reads through a small window, any file size.
/// </summary>
public sealed class DifferenceRanges(IByteSource a, IByteSource b)
{
    /// <summary>The same merge gap as the archive's diff (DumpDiffer.MergeGap).</summary>
    public const int Gap = 32;
    private const int Window = 64 * 1024;

    private readonly long _common = Math.Min(a.Length, b.Length);
    private readonly long _longest = Math.Max(a.Length, b.Length);
    private readonly byte[] _a = new byte[Window], _b = new byte[Window];
    private long _windowStart = -1;

    /// <summary>The range after (+1) or before (-1) the one holding <paramref name="from"/>; null when there is none.</summary>
    public (long Start, long End)? Next(long from, int direction)
    {
        if (direction > 0)
        {
            long search = Differs(from) ? EndOf(from) : from + 1;
            return search < _longest && HexSearch.NextDifference(a, b, search, 1) is { } next ? (next, EndOf(next)) : null;
        }
        long before = (Differs(from) ? StartOf(from) : from) - 1;
        return before >= 0 && HexSearch.NextDifference(a, b, before, -1) is { } prev ? (StartOf(prev), EndOf(prev)) : null;
    }

    /// <summary>One past the last changed byte of the range holding the changed byte <paramref name="at"/>.</summary>
    private long EndOf(long at)
    {
        long last = at;
        for (long i = at + 1; i < _longest && i - last <= Gap; i++)
            if (Differs(i)) last = i;
        return last + 1;
    }

    private long StartOf(long at)
    {
        long first = at;
        for (long i = at - 1; i >= 0 && first - i <= Gap; i--)
            if (Differs(i)) first = i;
        return first;
    }

    private bool Differs(long i)
    {
        if (i < 0 || i >= _longest) return false;
        if (i >= _common) return true;
        if (_windowStart < 0 || i < _windowStart || i >= _windowStart + Window)
        {
            _windowStart = Math.Max(0, i - Window / 2);
            a.Read(_windowStart, _a);
            b.Read(_windowStart, _b);
        }
        int k = (int)(i - _windowStart);
        return _a[k] != _b[k];
    }
}
