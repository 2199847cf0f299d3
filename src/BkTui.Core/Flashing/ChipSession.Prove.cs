using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    /// <summary>
    /// Proves that the chip holds <paramref name="expected"/> at <paramref name="start"/> after a write:
    /// one CRC over the range. On a mismatch, only what is wrong is found (64 KiB block CRCs, then
    /// sector CRCs inside the wrong blocks) and rewritten, and the range is asked again; at most
    /// <see cref="ConnectOptions.MaxAttempts"/> rounds. Bytes of partly covered sectors outside the
    /// range are the chip's own (read and kept when a repair needs them).
    /// </summary>
    public void VerifyWritten(uint start, ReadOnlySpan<byte> expected, CancellationToken cancel = default)
    {
        GuardRange(start, (uint)expected.Length, "verify");
        BeginOperation();
        var length = (uint)expected.Length;
        if (RangeMatches(start, length, BekenCrc32.Chip(expected), cancel)) return;
        var first = start & ~(uint)(SectorSize - 1);
        var last = (uint)((start + (ulong)length + SectorSize - 1) & ~(ulong)(SectorSize - 1));
        var image = new byte[last - first];
        MergeEdges(first, last, start, expected.Length, image, cancel);
        expected.CopyTo(image.AsSpan((int)(start - first)));
        try
        {
            ProveWritten(first, image, cancel);
            ProveCollateralUnchanged(null, first, last, cancel); // a repair's command may have gone astray
        }
        finally { RestoreProtection(); }
    }

    private void ProveWritten(uint start, byte[] image, CancellationToken cancel)
    {
        var want = BekenCrc32.Chip(image);
        var length = (uint)image.Length;
        for (var round = 1; ; round++)
        {
            if (RangeMatches(start, length, want, cancel)) return;
            var wrong = WrongSectors(start, image, cancel);
            _observer.Log($"{wrong.Count} sector(s) differ (repair round {round})");
            if (round >= _options.MaxAttempts)
                throw new VerifyFailedException(Port, start,
                    $"the range CRC over 0x{length:X} bytes on the chip differs from 0x{want:X8} here after {round} round(s) of repair. Retry (and check power and wiring).");
            if (wrong.Count == 0) continue; // every part matches: the range CRC answer itself was bad, ask again
            EnsureUnprotected(cancel);
            foreach (var i in wrong) ProgramSector(start, image, i, erased: false, cancel);
        }
    }

    /// <summary>One CRC over the range: true when the chip's equals <paramref name="want"/>.</summary>
    private bool RangeMatches(uint start, uint length, uint want, CancellationToken cancel)
    {
        Progress(FlashPhase.Verify, 0, length, 0);
        var got = Attempt("range CRC", start, () => CrcRaw(start, length, cancel), cancel);
        Progress(FlashPhase.Verify, length, length, 0);
        _observer.Log(got == want
            ? $"range 0x{start:X6}+0x{length:X} verified (crc 0x{got:X8})"
            : $"range 0x{start:X6}+0x{length:X}: chip crc 0x{got:X8}, expected 0x{want:X8}");
        return got == want;
    }

    /// <summary>Sector indexes whose chip CRC differs: whole 64 KiB blocks first, sectors only inside the blocks that differ.</summary>
    private List<int> WrongSectors(uint start, byte[] image, CancellationToken cancel)
    {
        var wrong = new List<int>();
        var count = image.Length / SectorSize;
        for (var i = 0; i < count;)
        {
            var address = start + (uint)(i * SectorSize);
            var n = Math.Min((int)(FlashGeometry.BlockSize - address % FlashGeometry.BlockSize) / SectorSize, count - i);
            var local = BekenCrc32.Chip(image.AsSpan(i * SectorSize, n * SectorSize));
            var chip = Attempt("block CRC", address, () => CrcRaw(address, (uint)(n * SectorSize), cancel), cancel);
            if (chip != local)
                for (var k = i; k < i + n; k++)
                {
                    var at = start + (uint)(k * SectorSize);
                    if (Attempt("sector CRC", at, () => CrcRaw(at, SectorSize, cancel), cancel) != BekenCrc32.Chip(Sector(image, k))) wrong.Add(k);
                }
            i += n;
        }
        return wrong;
    }
}
