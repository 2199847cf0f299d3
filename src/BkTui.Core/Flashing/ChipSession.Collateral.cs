using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    /// <summary>The lines that tell what happened outside a write's range (printed by the CLI, kept in every log).</summary>
    public const string OutsideLogPrefix = "outside the range: ";

    /// <summary>The CRCs of the places a flipped address bit could reach, taken before a write or erase (CollateralRegions).</summary>
    private sealed record CollateralSnapshot(IReadOnlyList<(uint Start, uint Length)> Runs, uint[] Crcs);

    /// <summary>
    /// What the flash held before this session wrote (a verified whole-flash dump of this device): the
    /// source a place outside the range is written back from when a command acted there. Used only where
    /// a chip CRC taken before the write proves its bytes are what the chip held.
    /// </summary>
    public FlashBackup? Backup { get; set; }

    /// <summary>Sectors this session erased or programmed, with the bytes it put there (the newest truth for them).</summary>
    private readonly Dictionary<uint, byte[]> _putThere = new();

    /// <summary>Flash outside [first, last) (and outside <paramref name="alsoExcluded"/>) that one damaged address could hit, read as chip CRCs; each asked until two agree (a reply has no checksum).</summary>
    private CollateralSnapshot? SnapshotCollateral(uint first, uint last, (uint Start, uint Length)? alsoExcluded, CancellationToken cancel)
    {
        if (!_options.CollateralCheck) return null;
        var runs = CollateralRegions.For(first, last, Info.FlashSize)
            .Where(r => alsoExcluded is not { } x || r.Start + r.Length <= x.Start || r.Start >= x.Start + x.Length).ToList();
        var crcs = runs.Select(r => StableCrc(r.Start, r.Length, cancel)).ToArray();
        _observer.Log($"collateral check: {runs.Count} run(s), {runs.Sum(r => (long)r.Length) / 1024} KiB outside 0x{first:X6}..0x{last:X6} a flipped address bit could reach");
        return new CollateralSnapshot(runs, crcs);
    }

    /// <summary>
    /// After the write: every place outside the range must hold what it held before. Two kinds of
    /// evidence: the chip's own answers (an erase or write echoing another address: the chip acted there)
    /// and the collateral CRCs. A place that changed is written back — from what this session put there,
    /// or from <see cref="Backup"/> where a CRC taken before the write proves the backup holds exactly the
    /// old bytes — and proven by CRC. Anything that cannot be put back fails loudly (port, place, what to do).
    /// </summary>
    private void ProveCollateralUnchanged(CollateralSnapshot? before, uint first, uint last, CancellationToken cancel,
        (uint Start, uint Length)? alsoExcluded = null)
    {
        bool Outside(uint s) => (s < first || s >= last) && (alsoExcluded is not { } x || s < x.Start || s >= x.Start + x.Length);
        var runs = before?.Runs ?? [];
        var problems = new List<(uint Address, string Text)>();
        var pending = Enumerable.Range(0, runs.Count).ToHashSet();
        var acted = TakeActedElsewhere(Outside);
        for (var round = 1; round <= _options.MaxAttempts && (pending.Count > 0 || acted.Count > 0); round++)
        {
            foreach (var i in pending.Concat(acted.Select(s => RunOf(runs, s)).OfType<int>()).Distinct().Order().ToList())
                CheckRun(runs[i], before!.Crcs[i], problems, cancel);
            foreach (var s in acted.Where(s => RunOf(runs, s) is null)) CheckActedSector(s, problems, cancel);
            pending.Clear();
            acted = TakeActedElsewhere(Outside); // a restore's own command may have gone astray too
        }
        if (problems.Count == 0)
        {
            if (before is not null) _observer.Log($"collateral check: flash outside 0x{first:X6}..0x{last:X6} holds what it held before ({runs.Count} run(s))");
            return;
        }
        throw new VerifyFailedException(Port, problems.Min(p => p.Address),
            $"flash OUTSIDE the written range 0x{first:X6}..0x{last:X6} changed during the write and could not be put back: {string.Join("; ", problems.Select(p => p.Text))}. " +
            "A command's address was damaged on the way to the chip and erased or wrote there. Do not reboot or unplug the device yet: " +
            "that area may hold its bootloader, RF calibration or settings. Write it back from the backup taken before " +
            $"(`bktui run restore-factory --port {Port} --dump ID`, the ID from `bktui dumps list`), after checking the wiring (short leads, common GND) " +
            "or with a lower --baud.");
    }

    /// <summary>A collateral run: unchanged, or put back from proven bytes, or a problem.</summary>
    private void CheckRun((uint Start, uint Length) run, uint beforeCrc, List<(uint, string)> problems, CancellationToken cancel)
    {
        var (start, length) = run;
        if (Attempt("collateral CRC", start, () => CrcRaw(start, length, cancel), cancel) == beforeCrc) return;
        var now = StableCrc(start, length, cancel);
        if (now == beforeCrc) return;
        var place = $"0x{start:X6}–0x{start + length - 1:X6} (crc 0x{beforeCrc:X8} → 0x{now:X8})";
        var (old, source) = ExpectedBytes(start, length);
        if (old is null) { problems.Add((start, $"{place}: no backup of this device covers it")); return; }
        if (BekenCrc32.Chip(old) != beforeCrc)
        {
            problems.Add((start, $"{place}: the backup ({source}) does not hold what the chip held there before the write"));
            return;
        }
        var restored = RestoreSectors(start, old, cancel);
        if (StableCrc(start, length, cancel) != beforeCrc) { problems.Add((start, $"{place}: writing it back from {source} did not take")); return; }
        _observer.Log($"{OutsideLogPrefix}{Port}: 0x{start:X6}–0x{start + length - 1:X6} had changed; {restored} sector(s) written back from {source}, " +
                      $"proven equal to what the chip held before the write (crc 0x{beforeCrc:X8})");
    }

    /// <summary>A sector the chip acted on that no CRC from before the write covers: put back only from bytes this session itself wrote there.</summary>
    private void CheckActedSector(uint sector, List<(uint, string)> problems, CancellationToken cancel)
    {
        var chip = Attempt("sector CRC", sector, () => CrcRaw(sector, SectorSize, cancel), cancel);
        var (old, source) = ExpectedBytes(sector, SectorSize);
        if (old is not null && BekenCrc32.Chip(old) == chip) return;
        if (old is null || !_putThere.ContainsKey(sector))
        {
            problems.Add((sector, $"0x{sector:X6} (the chip acted there; no CRC from before the write covers it, and " +
                                  (old is null ? "no backup of this device covers it)" : $"it differs from the backup ({source}), which cannot be proven current there)")));
            return;
        }
        RestoreSectors(sector, old, cancel);
        if (Attempt("sector CRC", sector, () => CrcRaw(sector, SectorSize, cancel), cancel) != BekenCrc32.Chip(old))
            problems.Add((sector, $"0x{sector:X6}: writing back what this session had written there did not take"));
        else _observer.Log($"{OutsideLogPrefix}{Port}: 0x{sector:X6} written back from {source}");
    }

    /// <summary>Erases and programs each sector of <paramref name="old"/> whose chip CRC differs; returns how many.</summary>
    private int RestoreSectors(uint start, byte[] old, CancellationToken cancel)
    {
        EnsureUnprotected(cancel);
        var n = 0;
        for (var i = 0; i < old.Length / SectorSize; i++)
        {
            var at = start + (uint)(i * SectorSize);
            if (Attempt("sector CRC", at, () => CrcRaw(at, SectorSize, cancel), cancel) == BekenCrc32.Chip(Sector(old, i))) continue;
            ProgramSector(start, old, i, erased: false, cancel);
            n++;
        }
        return n;
    }

    /// <summary>What [start, start+length) should hold: per sector, what this session put there, else the backup; null when a sector has neither.</summary>
    private (byte[]? Bytes, string Source) ExpectedBytes(uint start, uint length)
    {
        var bytes = new byte[length];
        var sources = new SortedSet<string>();
        for (var off = 0u; off < length; off += SectorSize)
        {
            var s = start + off;
            if (_putThere.TryGetValue(s, out var mine)) { mine.CopyTo(bytes, (int)off); sources.Add("what this session wrote"); continue; }
            if (Backup is not { } b || b.Image.Length < s + SectorSize) return (null, "");
            b.Image.AsSpan((int)s, SectorSize).CopyTo(bytes.AsSpan((int)off));
            sources.Add(b.Name);
        }
        return (bytes, string.Join(" and ", sources));
    }

    /// <summary>The sectors outside the request that the chip said it acted on since the last call (logged), aligned and inside the flash.</summary>
    private SortedSet<uint> TakeActedElsewhere(Func<uint, bool> outside)
    {
        var sectors = new SortedSet<uint>();
        foreach (var m in _client.ActedElsewhere)
        {
            var start = m.Start & (Info.FlashSize - 1);
            var hit = Enumerable.Range(0, (int)(m.Length / SectorSize)).Select(k => start + (uint)(k * SectorSize)).Where(outside).ToList();
            _observer.Log($"{OutsideLogPrefix}{Port}: the chip answered the {m.Command} of 0x{m.Requested:X6} for 0x{m.Echoed:X6}: it acted on " +
                          $"0x{start:X6}–0x{start + m.Length - 1:X6}" + (hit.Count == 0 ? " (inside the range: the range's own proof covers it)" : $", {hit.Count} sector(s) outside the range to check"));
            sectors.UnionWith(hit);
        }
        _client.ActedElsewhere.Clear();
        return sectors;
    }

    private static int? RunOf(IReadOnlyList<(uint Start, uint Length)> runs, uint sector)
    {
        for (var i = 0; i < runs.Count; i++)
            if (sector >= runs[i].Start && sector < runs[i].Start + runs[i].Length) return i;
        return null;
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

/// <summary>A verified whole-flash image of the device (<see cref="Name"/> says which, e.g. "dump #12"), the source places outside a write are restored from.</summary>
public sealed record FlashBackup(byte[] Image, string Name);
