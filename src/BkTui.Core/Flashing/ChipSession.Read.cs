using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    private static readonly uint Erased64K = BekenCrc32.Chip(Enumerable.Repeat((byte)0xFF, FlashGeometry.BlockSize).ToArray());

    /// <summary>
    /// Reads [start, start+length). Per 4 KiB sector: the chip's CRC first (all-FF sectors are
    /// filled, not read), then the data, which must match that CRC. With a base image and its
    /// per-64 KiB CRCs, unchanged blocks are copied instead of read. Ends with a whole-range CRC.
    /// </summary>
    public byte[] Read(uint start, uint length, ReadOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new ReadOptions();
        GuardRange(start, length, "read");
        BeginOperation();
        var first = start & ~(uint)(FlashGeometry.SectorSize - 1);
        var last = (start + length + FlashGeometry.SectorSize - 1) & ~(uint)(FlashGeometry.SectorSize - 1);
        var image = new byte[last - first];
        long moved = 0;
        Progress(FlashPhase.Read, 0, image.Length, 0);

        for (var offset = 0u; offset < image.Length;)
        {
            cancel.ThrowIfCancellationRequested();
            var address = first + offset;
            if (TryCopyUnchangedBlock(options, start, address, image.AsSpan((int)offset), cancel))
            {
                offset += FlashGeometry.BlockSize;
            }
            else
            {
                var sector = image.AsSpan((int)offset, FlashGeometry.SectorSize);
                if (ReadSectorInto(address, sector, options.SkipErased, cancel)) moved += FlashGeometry.SectorSize;
                offset += FlashGeometry.SectorSize;
            }
            Progress(FlashPhase.Read, offset, image.Length, moved);
        }

        FinalCheck(first, image, cancel);
        return first == start && image.Length == length ? image : image.AsSpan((int)(start - first), (int)length).ToArray();
    }

    /// <summary>Differential read: a whole 64 KiB block whose chip CRC equals the base's is taken from the base image.</summary>
    private bool TryCopyUnchangedBlock(ReadOptions options, uint rangeStart, uint address, Span<byte> target, CancellationToken cancel)
    {
        if (options.BaseImage is not { } baseImage || options.BaseBlockCrcs is not { } crcs) return false;
        var rel = address - rangeStart;
        if (address < rangeStart || rel % FlashGeometry.BlockSize != 0 || target.Length < FlashGeometry.BlockSize) return false;
        var block = (int)(rel / FlashGeometry.BlockSize);
        if (block >= crcs.Count || rel + FlashGeometry.BlockSize > baseImage.Length) return false;
        var chip = Attempt("block CRC", address, () => CrcRaw(address, FlashGeometry.BlockSize, cancel), cancel);
        if (chip != crcs[block] || BekenCrc32.Chip(baseImage.AsSpan((int)rel, FlashGeometry.BlockSize)) != chip) return false;
        baseImage.AsSpan((int)rel, FlashGeometry.BlockSize).CopyTo(target);
        return true;
    }

    /// <summary>One verified sector (used for the RF sector during connect).</summary>
    private byte[] ReadSector(uint address, CancellationToken cancel)
    {
        var data = new byte[FlashGeometry.SectorSize];
        ReadSectorInto(address, data, skipErased: true, cancel);
        return data;
    }

    /// <summary>Fills <paramref name="target"/> with the verified sector; false when it was erased and not transferred.</summary>
    private bool ReadSectorInto(uint address, Span<byte> target, bool skipErased, CancellationToken cancel)
    {
        uint? expected = null;
        if (skipErased)
        {
            expected = Attempt("sector CRC", address, () => CrcRaw(address, FlashGeometry.SectorSize, cancel), cancel);
            if (expected == BekenCrc32.ErasedSector4K)
            {
                target.Fill(0xFF);
                return false;
            }
        }
        var data = Attempt("read", address, () =>
        {
            // A corrupt CRC reply would make every re-read fail: ask again after a mismatch.
            var want = expected ??= CrcRaw(address, FlashGeometry.SectorSize, cancel);
            var d = _client.FlashRead4K(ReadAddress(address), cancel);
            if (BekenCrc32.Chip(d) != want)
            {
                expected = null;
                throw new ProtocolException(ProtocolFailure.Mismatch, $"sector data CRC 0x{BekenCrc32.Chip(d):X8} differs from the chip's 0x{want:X8}");
            }
            return d;
        }, cancel);
        data.CopyTo(target);
        return true;
    }

    /// <summary>Whole-range CRC at the end of every operation: the chip must hold exactly <paramref name="expected"/>.</summary>
    private void FinalCheck(uint start, ReadOnlySpan<byte> expected, CancellationToken cancel)
    {
        var want = BekenCrc32.Chip(expected);
        var length = (uint)expected.Length;
        Progress(FlashPhase.Verify, 0, length, 0);
        var got = Attempt("range CRC", start, () => CrcRaw(start, length, cancel), cancel);
        Progress(FlashPhase.Verify, length, length, 0);
        if (got != want)
            throw new VerifyFailedException(Port, start,
                $"the range CRC over 0x{length:X} bytes is 0x{got:X8} on the chip but 0x{want:X8} here. Nothing was saved as good; retry (and check power and wiring).");
        _observer.Log($"range 0x{start:X6}+0x{length:X} verified (crc 0x{got:X8})");
    }
}
