using BkTui.Core.Formats.Crc16;

namespace BkTui.Core.Formats.Rbl;

/// <summary>An RBL header found in a buffer: where, in which form, and its fields.</summary>
/// <param name="Offset">Offset of the magic in the scanned buffer.</param>
/// <param name="InCrcForm">True when the header is stored as 3 CRC-16 blocks (in-flash containers).</param>
public sealed record RblFound(uint Offset, bool InCrcForm, RblHeader Header);

/// <summary>Finds RBL headers by scanning for the magic (flash-formats.md §5, BKT's rule).</summary>
public static class RblLocator
{
    /// <summary>Every header with a valid header CRC, in plain or CRC-16 block form. Bounded by <paramref name="maxHits"/>.</summary>
    public static IReadOnlyList<RblFound> FindAll(ReadOnlySpan<byte> data, int maxHits = 64)
    {
        var found = new List<RblFound>();
        var pos = 0;
        while (found.Count < maxHits && pos < data.Length)
        {
            var idx = data[pos..].IndexOf(RblHeader.Magic);
            if (idx < 0) break;
            var at = pos + idx;
            var hit = TryAt(data, at);
            if (hit is not null) found.Add(hit);
            pos = at + 1;
        }
        return found;
    }

    /// <summary>Tries the CRC-16 block form first (102 physical bytes), then the plain form.</summary>
    public static RblFound? TryAt(ReadOnlySpan<byte> data, int at)
    {
        if (at < 0) return null;
        if (at + 3 * CrcBlocks.BlockSize <= data.Length)
        {
            var phys = data.Slice(at, 3 * CrcBlocks.BlockSize);
            var h = RblHeader.TryParse(CrcBlocks.ToLogical(phys));
            if (h is { HeaderCrcOk: true }) return new RblFound((uint)at, true, h);
        }
        if (at + RblHeader.Size <= data.Length)
        {
            var h = RblHeader.TryParse(data.Slice(at, RblHeader.Size));
            if (h is { HeaderCrcOk: true }) return new RblFound((uint)at, false, h);
        }
        return null;
    }
}
