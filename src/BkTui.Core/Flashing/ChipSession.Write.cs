using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    private const int SectorSize = FlashGeometry.SectorSize;

    /// <summary>
    /// Writes <paramref name="data"/> at <paramref name="start"/>. Guards first (nothing is sent when
    /// they refuse). Bytes of partly covered sectors outside the data are read and kept. Sectors whose
    /// chip CRC already matches are left alone; 64 KiB erases where a whole block changes, 4 KiB
    /// otherwise. Then one verification pass: the whole-range CRC (<see cref="VerifyWritten"/>), which
    /// also catches a sector disturbed after it was programmed; skipped when
    /// <see cref="WriteOptions.Verify"/> is off because the caller proves a larger range at its end.
    /// </summary>
    public void Write(uint start, ReadOnlySpan<byte> data, WriteOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new WriteOptions();
        GuardModify(start, (uint)data.Length, options.AllowBootloader, "write");
        BeginOperation();
        var first = start & ~(uint)(SectorSize - 1);
        var last = (uint)((start + (ulong)data.Length + SectorSize - 1) & ~(ulong)(SectorSize - 1));
        var image = new byte[last - first];
        MergeEdges(first, last, start, data.Length, image, cancel);
        data.CopyTo(image.AsSpan((int)(start - first)));

        var count = image.Length / SectorSize;
        var blank = new bool[count];
        var changed = options.SkipMatching ? FindChangedSectors(first, image, blank, cancel) : Enumerable.Repeat(true, count).ToArray();
        _observer.Log($"write 0x{first:X6}..0x{last:X6}: {changed.Count(c => c)} of {count} sectors differ");
        var collateral = changed.Any(c => c) ? SnapshotCollateral(first, last, options.ProvenByCaller, cancel) : null;

        try
        {
            EnsureUnprotected(cancel);
            long done = 0, moved = 0;
            Progress(FlashPhase.Write, 0, image.Length, 0);
            for (var i = 0; i < count;)
            {
                cancel.ThrowIfCancellationRequested();
                var address = first + (uint)(i * SectorSize);
                if (WholeBlockChanges(image, changed, blank, first, i))
                {
                    Touch(address, FlashGeometry.BlockSize);
                    Attempt("erase 64K", address, () => { ReleaseCrcLock(cancel); _client.FlashErase(EraseSize.Block64K, address, cancel); }, cancel);
                    for (var k = 0; k < FlashGeometry.SectorsPerBlock; k++, i++)
                        moved += ProgramSector(first, image, i, erased: true, cancel);
                }
                else
                {
                    if (changed[i]) moved += ProgramSector(first, image, i, erased: blank[i], cancel);
                    i++;
                }
                done = (long)i * SectorSize;
                Progress(FlashPhase.Write, done, image.Length, moved);
            }
            if (options.Verify) ProveWritten(first, image, cancel);
            ProveCollateralUnchanged(collateral, first, last, cancel, options.ProvenByCaller);
        }
        finally { RestoreProtection(); }
    }

    /// <summary>Erases [start, start+length) (4 KiB aligned): 4 KiB up to a 64 KiB boundary, 64 KiB blocks, 4 KiB for the rest; each unit verified blank.</summary>
    public void Erase(uint start, uint length, bool allowBootloader, CancellationToken cancel = default)
    {
        GuardModify(start, length, allowBootloader, "erase");
        if (start % SectorSize != 0 || length % SectorSize != 0)
            throw new GuardRefusedException(Port, start, $"erase start and length must be multiples of 4 KiB (0x1000); got 0x{start:X}+0x{length:X}.");
        BeginOperation();
        var collateral = SnapshotCollateral(start, start + length, null, cancel);
        try
        {
            EnsureUnprotected(cancel);
            Touch(start, length);
            Progress(FlashPhase.Erase, 0, length, 0);
            for (var a = start; a < start + length;)
            {
                var big = a % FlashGeometry.BlockSize == 0 && start + length - a >= FlashGeometry.BlockSize;
                var unit = big ? (uint)FlashGeometry.BlockSize : SectorSize;
                var blank = big ? Erased64K : BekenCrc32.ErasedSector4K;
                var at = a;
                Attempt(big ? "erase 64K" : "erase 4K", at, () =>
                {
                    ReleaseCrcLock(cancel);
                    _client.FlashErase(big ? EraseSize.Block64K : EraseSize.Sector4K, at, cancel);
                    if (CrcRaw(at, unit, cancel) != blank)
                        throw new ProtocolException(ProtocolFailure.Mismatch, "the area is not blank after erasing (write-protected flash?)");
                }, cancel);
                for (var s = at; s < at + unit; s += SectorSize) _putThere[s] = BlankSector;
                a += unit;
                Progress(FlashPhase.Erase, a - start, length, a - start);
            }
            var blankRange = new byte[length];
            blankRange.AsSpan().Fill(0xFF);
            ProveWritten(start, blankRange, cancel);
            ProveCollateralUnchanged(collateral, start, start + length, cancel);
        }
        finally { RestoreProtection(); }
    }

    /// <summary>
    /// Which sectors differ on the chip. Whole 64 KiB blocks are asked first (one CRC instead of
    /// sixteen): equal means nothing to do, blank means only non-FF sectors change; otherwise each
    /// sector is asked, so a sector that already matches is never rewritten.
    /// </summary>
    /// <param name="blank">Set for sectors the chip reported erased (they need no erase before programming).</param>
    private bool[] FindChangedSectors(uint first, byte[] image, bool[] blank, CancellationToken cancel)
    {
        var count = image.Length / SectorSize;
        var changed = new bool[count];
        Progress(FlashPhase.Verify, 0, image.Length, 0);
        for (var i = 0; i < count;)
        {
            var address = first + (uint)(i * SectorSize);
            if (address % FlashGeometry.BlockSize == 0 && i + FlashGeometry.SectorsPerBlock <= count)
            {
                var local = BekenCrc32.Chip(image.AsSpan(i * SectorSize, FlashGeometry.BlockSize));
                var chip = Attempt("block CRC", address, () => CrcRaw(address, FlashGeometry.BlockSize, cancel), cancel);
                if (chip == local || chip == Erased64K)
                {
                    for (var k = 0; k < FlashGeometry.SectorsPerBlock; k++, i++)
                    {
                        blank[i] = chip == Erased64K;
                        changed[i] = chip != local && BekenCrc32.Chip(Sector(image, i)) != BekenCrc32.ErasedSector4K;
                    }
                    continue;
                }
            }
            var want = BekenCrc32.Chip(Sector(image, i));
            var got = Attempt("sector CRC", address, () => CrcRaw(address, SectorSize, cancel), cancel);
            blank[i] = got == BekenCrc32.ErasedSector4K;
            changed[i] = got != want;
            i++;
        }
        return changed;
    }

    /// <summary>Erases (unless already erased) and programs one sector; retries erase again. Returns bytes sent. Proven later by the range CRC.</summary>
    private long ProgramSector(uint first, byte[] image, int index, bool erased, CancellationToken cancel)
    {
        var address = first + (uint)(index * SectorSize);
        var sector = Sector(image, index).ToArray();
        var blank = BekenCrc32.Chip(sector) == BekenCrc32.ErasedSector4K;
        var needErase = !erased;
        Touch(address, SectorSize);
        _putThere[address] = sector;
        Attempt("write", address, () =>
        {
            if (needErase)
            {
                ReleaseCrcLock(cancel);
                _client.FlashErase(EraseSize.Sector4K, address, cancel);
            }
            needErase = true;
            if (!blank)
            {
                ReleaseCrcLock(cancel);
                _client.FlashWrite4K(address, sector, cancel);
            }
        }, cancel);
        return blank ? 0 : SectorSize;
    }

    /// <summary>
    /// A 64 KiB erase pays off when the block lies inside the range, every sector in it changes or
    /// becomes blank, and at least two changing sectors are not blank on the chip already.
    /// </summary>
    private static bool WholeBlockChanges(byte[] image, bool[] changed, bool[] blank, uint first, int index)
    {
        var address = first + (uint)(index * SectorSize);
        if (address % FlashGeometry.BlockSize != 0 || index + FlashGeometry.SectorsPerBlock > changed.Length) return false;
        var changes = 0;
        for (var k = index; k < index + FlashGeometry.SectorsPerBlock; k++)
        {
            if (changed[k]) { if (!blank[k]) changes++; }
            else if (BekenCrc32.Chip(Sector(image, k)) != BekenCrc32.ErasedSector4K) return false;
        }
        return changes >= 2;
    }

    /// <summary>Keeps the chip's bytes in the partly covered first and last sectors.</summary>
    private void MergeEdges(uint first, uint last, uint start, int length, byte[] image, CancellationToken cancel)
    {
        if (start != first) ReadSector(first, cancel).CopyTo(image, 0);
        var end = start + (uint)length;
        if (end != last && (last - SectorSize != first || start == first))
            ReadSector(last - SectorSize, cancel).CopyTo(image, image.Length - SectorSize);
    }

    private static readonly byte[] BlankSector = Enumerable.Repeat((byte)0xFF, SectorSize).ToArray();

    private static ReadOnlySpan<byte> Sector(byte[] image, int index) => image.AsSpan(index * SectorSize, SectorSize);
}
