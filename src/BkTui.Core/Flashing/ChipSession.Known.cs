using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    private const int HalfSector = FlashGeometry.SectorSize / 2;

    /// <summary>
    /// Takes the sectors of a 64 KiB block that a known block holds, instead of reading them. A
    /// candidate's sector is taken only when (1) its CRC equals the chip's sector CRC from the
    /// verification pass and (2) the chip's CRC of the sector's first 2 KiB equals the candidate's:
    /// a second CRC whose boundary cuts the sector, so a difference that fooled the first must also
    /// be a multiple of the polynomial in each half (docs/performance.md, "Dedup on the wire").
    /// Refused sectors are read from the wire like any other.
    /// </summary>
    private void TakeKnownSectors(IReadOnlyList<ReadOnlyMemory<byte>> candidates, uint address, ReadOnlySpan<uint> chipCrcs,
        Span<byte> target, bool[] taken, ReadTally tally, CancellationToken cancel)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Length != FlashGeometry.BlockSize) continue;
            for (var k = 0; k < taken.Length; k++)
            {
                if (taken[k] || chipCrcs[k] == BekenCrc32.ErasedSector4K) continue;
                var sector = candidate.Span.Slice(k * SectorSize, SectorSize);
                if (BekenCrc32.Chip(sector) != chipCrcs[k]) continue;
                var at = address + (uint)(k * SectorSize);
                var half = Attempt("half-sector CRC", at, () => CrcRaw(at, HalfSector, cancel), cancel);
                if (half != BekenCrc32.Chip(sector[..HalfSector]))
                {
                    tally.Refused++;
                    _observer.Log($"known sector 0x{at:X6}: its CRC matches the chip's but its first half does not (0x{half:X8}): refused, reading it");
                    continue;
                }
                sector.CopyTo(target.Slice(k * SectorSize, SectorSize));
                taken[k] = true;
                tally.Known++;
            }
        }
    }
}
