using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    private static readonly uint Erased64K = BekenCrc32.Chip(Enumerable.Repeat((byte)0xFF, FlashGeometry.BlockSize).ToArray());

    /// <summary>
    /// Reads [start, start+length) with one verification pass: the chip's CRC of every 4 KiB sector
    /// (asked a 64 KiB block at a time), which every sector must match before it counts. Erased
    /// sectors are filled, not read; with <see cref="ReadOptions.Known"/>, sectors a known block holds
    /// are taken from it once the chip proves them (see <see cref="TakeKnownSectors"/>). The
    /// whole-range CRC is derived from the sector CRCs, not asked again (docs/performance.md).
    /// </summary>
    public byte[] Read(uint start, uint length, ReadOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new ReadOptions();
        GuardRange(start, length, "read");
        BeginOperation();
        var first = start & ~(uint)(SectorSize - 1);
        var last = (start + length + SectorSize - 1) & ~(uint)(SectorSize - 1);
        var image = new byte[last - first];
        var crcs = new uint[image.Length / SectorSize];
        var tally = new ReadTally();
        uint? bootKey = null;
        Progress(FlashPhase.Read, 0, image.Length, 0);

        for (var offset = 0; offset < image.Length;)
        {
            cancel.ThrowIfCancellationRequested();
            var address = first + (uint)offset;
            var sectors = (int)Math.Min(FlashGeometry.BlockSize - address % FlashGeometry.BlockSize, (uint)(image.Length - offset)) / SectorSize;
            var chunkCrcs = crcs.AsSpan(offset / SectorSize, sectors);
            AskSectorCrcs(address, chunkCrcs, cancel);
            var target = image.AsSpan(offset, sectors * SectorSize);
            var taken = new bool[sectors];
            if (sectors == FlashGeometry.SectorsPerBlock)
            {
                var blockCrc = CrcCombine.Join(chunkCrcs, SectorSize);
                if (address == 0) bootKey = blockCrc;
                if (options.Known is { } known) TakeKnownSectors(known.Candidates(bootKey, address, blockCrc), address, chunkCrcs, target, taken, tally, cancel);
            }
            for (var k = 0; k < sectors; k++)
            {
                if (taken[k]) continue;
                var sector = target.Slice(k * SectorSize, SectorSize);
                if (chunkCrcs[k] == BekenCrc32.ErasedSector4K) { sector.Fill(0xFF); tally.Erased++; continue; }
                chunkCrcs[k] = ReadVerified(address + (uint)(k * SectorSize), chunkCrcs[k], sector, cancel);
                tally.Read++;
                Progress(FlashPhase.Read, offset + (k + 1) * SectorSize, image.Length, (long)tally.Read * SectorSize);
            }
            offset += sectors * SectorSize;
            Progress(FlashPhase.Read, offset, image.Length, (long)tally.Read * SectorSize);
        }

        ProveRange(first, image, crcs);
        _observer.Log($"read 0x{first:X6}+0x{image.Length:X}: {tally}");
        return first == start && image.Length == length ? image : image.AsSpan((int)(start - first), (int)length).ToArray();
    }

    /// <summary>Counts of how each sector of a read was obtained (for the log and the benchmarks).</summary>
    private sealed class ReadTally
    {
        public int Read, Erased, Known, Refused;
        public override string ToString() =>
            $"{Read} sectors read, {Erased} erased, {Known} taken from known blocks (proven by half-sector CRCs), {Refused} known sectors refused";
    }

    /// <summary>The verification pass for one 64 KiB block (or the part of it in range): the chip's CRC of each sector.</summary>
    private void AskSectorCrcs(uint address, Span<uint> crcs, CancellationToken cancel)
    {
        for (var k = 0; k < crcs.Length; k++)
        {
            var at = address + (uint)(k * SectorSize);
            crcs[k] = Attempt("sector CRC", at, () => CrcRaw(at, SectorSize, cancel), cancel);
        }
    }

    /// <summary>
    /// Reads one sector until its bytes match the chip's CRC (bounded by the attempt limit). After a
    /// mismatch the CRC is asked again too (a corrupt CRC reply would make every re-read fail).
    /// Returns the CRC the data finally matched.
    /// </summary>
    private uint ReadVerified(uint address, uint crc, Span<byte> target, CancellationToken cancel)
    {
        var want = crc;
        var askAgain = false;
        var data = Attempt("read", address, () =>
        {
            if (askAgain) want = CrcRaw(address, SectorSize, cancel);
            var d = _client.FlashRead4K(ReadAddress(address), cancel);
            var got = BekenCrc32.Chip(d);
            if (got == want) return d;
            askAgain = true;
            throw new ProtocolException(ProtocolFailure.Mismatch, $"sector data CRC 0x{got:X8} differs from the chip's 0x{want:X8}");
        }, cancel);
        data.CopyTo(target);
        return want;
    }

    /// <summary>One verified sector (the RF sector during connect, the edges of a partial write).</summary>
    private byte[] ReadSector(uint address, CancellationToken cancel)
    {
        var data = new byte[SectorSize];
        var crc = Attempt("sector CRC", address, () => CrcRaw(address, SectorSize, cancel), cancel);
        if (crc == BekenCrc32.ErasedSector4K) data.AsSpan().Fill(0xFF);
        else ReadVerified(address, crc, data, cancel);
        return data;
    }

    /// <summary>
    /// The whole-range proof without a second pass: the sector CRCs the chip gave, joined by CRC
    /// combination, must equal the CRC of the assembled image (catches any sector put in the wrong place).
    /// </summary>
    private void ProveRange(uint start, ReadOnlySpan<byte> image, ReadOnlySpan<uint> sectorCrcs)
    {
        var chip = CrcCombine.Join(sectorCrcs, SectorSize);
        var local = BekenCrc32.Chip(image);
        if (chip != local)
            throw new VerifyFailedException(Port, start,
                $"the range CRC derived from the chip's sector CRCs is 0x{chip:X8} but the assembled 0x{image.Length:X} bytes give 0x{local:X8}. Nothing was saved as good; retry.");
        _observer.Log($"range 0x{start:X6}+0x{image.Length:X} verified (crc 0x{chip:X8}, joined from {sectorCrcs.Length} sector CRCs)");
    }
}
