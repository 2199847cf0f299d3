using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    /// <summary>The CRCs of the places a flipped address bit could reach, taken before a write or erase (CollateralRegions).</summary>
    private sealed record CollateralSnapshot(IReadOnlyList<(uint Start, uint Length)> Runs, uint[] Crcs);

    /// <summary>Flash outside [first, last) that one damaged address could hit, read as chip CRCs; each asked twice until two agree (a reply has no checksum).</summary>
    private CollateralSnapshot? SnapshotCollateral(uint first, uint last, CancellationToken cancel)
    {
        if (!_options.CollateralCheck) return null;
        var runs = CollateralRegions.For(first, last, Info.FlashSize);
        var crcs = runs.Select(r => StableCrc(r.Start, r.Length, cancel)).ToArray();
        _observer.Log($"collateral check: {runs.Count} run(s), {runs.Sum(r => (long)r.Length) / 1024} KiB outside 0x{first:X6}..0x{last:X6} a flipped address bit could reach");
        return new CollateralSnapshot(runs, crcs);
    }

    /// <summary>
    /// After the write: every run must hold what it held before. A run that changed means a command
    /// acted outside the range (an address bit flipped on the wire): the job fails loudly, naming the
    /// port and the place, and nothing more is written.
    /// </summary>
    private void ProveCollateralUnchanged(CollateralSnapshot? before, uint first, uint last, CancellationToken cancel)
    {
        if (before is null) return;
        var changed = new List<string>();
        uint? firstChanged = null;
        for (var i = 0; i < before.Runs.Count; i++)
        {
            var (start, length) = before.Runs[i];
            if (Attempt("collateral CRC", start, () => CrcRaw(start, length, cancel), cancel) == before.Crcs[i]) continue;
            var now = StableCrc(start, length, cancel);
            if (now == before.Crcs[i]) continue;
            firstChanged ??= start;
            changed.Add($"0x{start:X6}–0x{start + length - 1:X6} (crc 0x{before.Crcs[i]:X8} → 0x{now:X8})");
        }
        if (firstChanged is not { } address)
        {
            _observer.Log($"collateral check: flash outside 0x{first:X6}..0x{last:X6} unchanged ({before.Runs.Count} run(s))");
            return;
        }
        throw new VerifyFailedException(Port, address,
            $"flash OUTSIDE the written range 0x{first:X6}..0x{last:X6} changed during the write: {string.Join(", ", changed)}. " +
            "A command's address was damaged on the way to the chip and erased or wrote there. Do not reboot or unplug the device yet: " +
            "that area may hold its bootloader, RF calibration or settings. Write it back from the backup taken before " +
            $"(`bktui run restore-factory --port {Port} --dump ID`, the ID from `bktui dumps list`), after checking the wiring (short leads, common GND) " +
            "or with a lower --baud.");
    }

    /// <summary>A chip CRC that two readings agree on (up to four readings).</summary>
    private uint StableCrc(uint start, uint length, CancellationToken cancel)
    {
        var last = Attempt("collateral CRC", start, () => CrcRaw(start, length, cancel), cancel);
        for (var i = 0; i < 3; i++)
        {
            var again = Attempt("collateral CRC", start, () => CrcRaw(start, length, cancel), cancel);
            if (again == last) return again;
            last = again;
        }
        return last;
    }
}
