using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Protocol;
using BkTui.Core.Serial;

namespace BkTui.Core.Flashing;

public sealed partial class ChipSession
{
    /// <summary>The identification CRC always asks for [0, 256]: 256 bytes on end-exclusive, 257 on end-inclusive bootloaders (protocol.md §7.1).</summary>
    private const uint BootloaderProbeEnd = 256;
    private const uint ChipIdRegister = 0x00800000;
    private const uint FullChipId7231 = 0x7231C;
    private const uint FullChipId7238 = 0x7238;

    private void Establish(CancellationToken cancel)
    {
        _observer.Progress(new FlashProgress(FlashPhase.Link, 0, 1, 0, 0));
        new Linker(_client, _options, _observer).Link(cancel);

        _observer.Progress(new FlashProgress(FlashPhase.Identify, 0, 1, 0, 0));
        _bootloaderCrc = Attempt("bootloader CRC", 0, () => _client.CheckCrc(0, BootloaderProbeEnd, BootloaderProbeEnd + 1, cancel), cancel);
        _bootloaderKnown = true;
        var known = ChipProfiles.Bootloader(~_bootloaderCrc);

        _observer.Progress(new FlashProgress(FlashPhase.Baud, 0, 1, 0, 0));
        _ladder = BaudPlan.Candidates(_options, known?.Family ?? _options.Family);
        _probeFamily = _options.Family ?? known?.Family;
        var ladderClock = Stopwatch.StartNew();
        var baud = _workingBaud = SwitchBaud(_ladder, cancel);
        LadderTime = ladderClock.Elapsed;

        var protocol = known is not null ? ChipProfiles.For(known.Family).Protocol
            : _options.Family is { } forced ? ChipProfiles.For(forced).Protocol
            : ProbeProtocol(cancel);
        uint? chipId = protocol == BootProtocol.Full ? Attempt("chip ID", ChipIdRegister, () => _client.ReadReg(ChipIdRegister, cancel), cancel) : null;
        string? bootVersion = protocol == BootProtocol.BasicTuya ? _client.ReadBootVersion(TimeSpan.FromMilliseconds(300), cancel) : null;

        var family = _options.Family ?? known?.Family ?? FamilyFromBehaviour(protocol, chipId, bootVersion);
        EfuseKey? key = null;
        if (family is ChipFamily.BK7231N or ChipFamily.BK7231M)
        {
            key = Attempt("eFuse key", 0x800074, () => EfuseReader.ReadKey(_client, cancel), cancel);
            // N and M are the same silicon; only the key tells them apart (protocol.md §7.4).
            if (_options.Family is null) family = key.Value.IsZero ? ChipFamily.BK7231M : ChipFamily.BK7231N;
        }
        var profile = ChipProfiles.For(family);

        uint? mid = null;
        FlashPart? part = null;
        var size = profile.DefaultFlashSize;
        if (protocol == BootProtocol.Full)
        {
            mid = Attempt("flash ID", 0, () => _client.FlashGetMid(cancel), cancel);
            part = FlashParts.Find(mid.Value);
            size = part?.Size ?? FlashParts.SizeFromMid(mid.Value) ?? size;
            if (part is null) _observer.Log($"flash ID 0x{mid:X6} is not in profiles/flash-parts.yaml: size from the ID, protection left as it is");
            _protection = new FlashProtection(_client, part, _observer);
        }
        else if (family == ChipFamily.BK7252)
        {
            size = ProbeMirroredSize(profile, cancel);
        }

        var bootName = known is not null ? $"{known.Name}" : $"{ChipInfo.UnknownBootloader}CRC-32 0x{~_bootloaderCrc:X8} of bytes {profile.ProbeRange})";
        if (!string.IsNullOrEmpty(bootVersion)) bootName += $" [{bootVersion}]";
        Info = new ChipInfo
        {
            Family = family, ChipId = chipId, Bootloader = bootName, FlashId = mid, FlashPart = part?.Name,
            FlashSize = size, EfuseKey = key, Baud = baud,
        };

        string? mac = null;
        if (_options.ReadMac && profile.RfOffset + FlashGeometry.SectorSize <= size)
        {
            BeginOperation();
            mac = RfCalibration.TryParse(ReadSector(profile.RfOffset, cancel))?.Mac?.ToString();
        }
        Info = Info with { Mac = mac, Advice = ChipAdvice.For(family, key, mac, _options.ReadMac, Port, (_client.Link as SerialPort)?.LatencyTimerMs) };
        TakeFingerprint(cancel);
        _observer.Log($"chip {family}, bootloader {bootName}, flash 0x{mid ?? 0:X6} {size / 1024} KiB, key {key?.Verdict ?? "n/a"}, mac {mac ?? "none"}, baud {baud}");
        _observer.Progress(new FlashProgress(FlashPhase.Identify, 1, 1, 0, 0));
    }

    /// <summary>
    /// BK7252 modules carry 2 or 4 MiB and its bootloader cannot tell (protocol.md §12.5): compare the
    /// app area at 0x11000 with the same offset 2 MiB higher. On a 2 MiB part that is the mirror
    /// (equal); on 4 MiB it is other flash. A blank app area cannot decide: 2 MiB is kept.
    /// </summary>
    private uint ProbeMirroredSize(ChipProfile profile, CancellationToken cancel)
    {
        const uint at = 0x11000, length = FlashGeometry.BlockSize, twoMiB = 0x200000;
        uint Crc(uint a) => Attempt("size probe CRC", a, () => _client.CheckCrc(a, profile.CrcEnd(a, length), length, cancel), cancel);
        var low = Crc(at);
        var high = Crc(at + twoMiB);
        _crcLockPending = true;
        if (low == Erased64K) { _observer.Log("BK7252 size probe: app area blank, assuming 2 MiB"); return twoMiB; }
        var size = low == high ? twoMiB : 2 * twoMiB;
        _observer.Log($"BK7252 size probe: {size / 1024} KiB");
        return size;
    }

    /// <summary>Switches to the first of <paramref name="candidates"/> that holds, proving each with <see cref="ProveRate"/>.</summary>
    /// <param name="relinkProvesChip">After identification: a chip linked again from scratch counts only once proven the same (<see cref="EnsureLink"/>).</param>
    private int SwitchBaud(IReadOnlyList<int> candidates, CancellationToken cancel, bool relinkProvesChip = false) =>
        new BaudSwitcher(_client, _observer, tried =>
            {
                var rate = new Linker(_client, _options, _observer).Link(cancel, stillAt: tried);
                if (relinkProvesChip) _proofPending = true;
                return rate;
            })
            .Switch(candidates, () => ProveRate(cancel), cancel);

    /// <summary>Where the rate probe reads: the app offset, readable directly on every family (no bootloader window).</summary>
    private const uint ProbeAddress = 0x11000;

    /// <summary>The family the probe's CRC rule comes from (null: either rule is accepted).</summary>
    private ChipFamily? _probeFamily;

    /// <summary>
    /// The proof of a new rate before anything big moves at it: the bootloader CRC seen at 115200, then
    /// a short read the chip's CRC must confirm — 4 KiB of reply is what a marginal cable or adapter
    /// corrupts, where LinkChecks and 11-byte CRC replies mostly get through. Before the family is
    /// known, the CRC is asked so that it covers 4096 bytes on end-inclusive and 4095 on end-exclusive
    /// bootloaders, and either match counts (a damaged read matches neither, but for a 2^-31 chance).
    /// </summary>
    private bool ProveRate(CancellationToken cancel)
    {
        if (_client.CheckCrc(0, BootloaderProbeEnd, BootloaderProbeEnd + 1, cancel) != _bootloaderCrc) return false;
        var data = _client.FlashRead4K(ProbeAddress, cancel);
        const uint endField = ProbeAddress + SectorSize - 1;
        var chip = _client.CheckCrc(ProbeAddress, endField, SectorSize, cancel);
        // Flash bootloaders re-protect after CheckCRC until the next LinkCheck (protocol.md §5).
        if (_probeFamily is not { } f || ChipProfiles.For(f).Protocol != BootProtocol.Full) _crcLockPending = true;
        var inclusive = BekenCrc32.Chip(data);
        var exclusive = BekenCrc32.Chip(data.AsSpan(0, SectorSize - 1));
        return _probeFamily is { } family
            ? chip == (ChipProfiles.For(family).CrcEndInclusive ? inclusive : exclusive)
            : chip == inclusive || chip == exclusive;
    }

    /// <summary>
    /// Unknown bootloader: the CRC end rule tells BootROM (inclusive) from flash bootloaders
    /// (exclusive) — CRC of 0x11000..0x11100 against 256 and 257 bytes read there (BKT, protocol.md §7.1).
    /// </summary>
    private BootProtocol ProbeProtocol(CancellationToken cancel)
    {
        const uint at = 0x11000;
        var crc = Attempt("protocol probe CRC", at, () => _client.CheckCrc(at, at + 256, 257, cancel), cancel);
        var data = Attempt("protocol probe read", at, () => _client.FlashRead4K(at, cancel), cancel);
        if (crc == BekenCrc32.Chip(data.AsSpan(0, 257))) return BootProtocol.Full;
        if (crc == BekenCrc32.Chip(data.AsSpan(0, 256)))
            return _client.ReadBootVersion(TimeSpan.FromMilliseconds(300), cancel) is not null ? BootProtocol.BasicTuya : BootProtocol.BasicBeken;
        throw new UnsupportedChipException(Port, $"the bootloader (CRC-32 0x{~_bootloaderCrc:X8} of its first bytes) is unknown and its CRC rule could not be determined. Pass --chip FAMILY if you know it.");
    }

    private ChipFamily FamilyFromBehaviour(BootProtocol protocol, uint? chipId, string? bootVersion) => protocol switch
    {
        BootProtocol.Full when chipId == FullChipId7231 => ChipFamily.BK7231N,
        BootProtocol.Full when chipId == FullChipId7238 => ChipFamily.BK7238,
        BootProtocol.Full => throw new UnsupportedChipException(Port, $"a BootROM chip with chip ID 0x{chipId:X} is not supported. Pass --chip FAMILY to force one."),
        BootProtocol.BasicTuya => ChipFamily.BK7231T,
        _ => Log(ChipFamily.BK7231U, "unknown Beken flash bootloader: assuming BK7231U (pass --chip BK7252 for a BK7252)"),
    };

    private ChipFamily Log(ChipFamily f, string line)
    {
        _observer.Log(line);
        return f;
    }
}
