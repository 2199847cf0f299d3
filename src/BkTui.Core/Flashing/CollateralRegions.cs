using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

/// <summary>
/// Where one flipped address bit in an erase or write command for [first, last) would land instead:
/// each sector of the range with one address bit from 12 up to the flash size flipped, outside the
/// range, merged into runs of at most 64 KiB (so a change is named to 64 KiB at worst). Bits below 12
/// stay inside the sector (SPI erases ignore them; page programs wrap within their page). Pure.
/// </summary>
public static class CollateralRegions
{
    public const uint MaxRun = FlashGeometry.BlockSize;
    private const uint Sector = FlashGeometry.SectorSize;

    public static IReadOnlyList<(uint Start, uint Length)> For(uint first, uint last, uint flashSize)
    {
        var sectors = new SortedSet<uint>();
        for (var s = first; s < last; s += Sector)
            for (var bit = 12; (1u << bit) < flashSize; bit++)
            {
                var other = s ^ (1u << bit);
                if (other < flashSize && (other < first || other >= last)) sectors.Add(other);
            }
        var runs = new List<(uint Start, uint Length)>();
        foreach (var s in sectors)
        {
            if (runs.Count > 0 && runs[^1] is var (start, length) && start + length == s && length < MaxRun
                && start / MaxRun == s / MaxRun)
                runs[^1] = (start, length + Sector);
            else runs.Add((s, Sector));
        }
        return runs;
    }
}
