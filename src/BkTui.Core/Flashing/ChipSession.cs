using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Protocol;
using BkTui.Core.Serial;

namespace BkTui.Core.Flashing;

/// <summary>
/// A linked, identified chip at its working baud. Synchronous and blocking; one owner per port.
/// Every operation is bounded (attempts per command, re-links per operation), CRC-verifies each
/// sector it moves and ends with a whole-range CRC. Dispose restores the flash protection bits;
/// the link itself stays the caller's.
/// </summary>
public sealed partial class ChipSession : IDisposable
{
    private readonly BootloaderClient _client;
    private readonly ConnectOptions _options;
    private readonly IFlashObserver _observer;
    private FlashProtection? _protection;
    private bool _unprotected;
    private bool _crcLockPending;
    private uint _bootloaderCrc;
    private bool _bootloaderKnown;
    private int _relinksWithoutProgress;
    private int _retries;
    private int _workingBaud = Linker.LinkBaud;
    /// <summary>The rates this session may use, fastest first (<see cref="BaudPlan.Candidates"/>); step-downs go along it.</summary>
    private IReadOnlyList<int> _ladder = [Linker.LinkBaud];

    public ChipInfo Info { get; private set; } = null!;
    public string Port => _client.Port;
    public ChipProfile Profile => Info.Profile;
    /// <summary>Protocol-level counters (bytes on the wire, skipped garbage) for diagnostics and benchmarks.</summary>
    public BootloaderClient Client => _client;

    private ChipSession(ISerialLink link, ConnectOptions options, IFlashObserver? observer)
    {
        _client = new BootloaderClient(link, options.Timeouts);
        _options = options;
        _observer = observer ?? NullFlashObserver.Instance;
    }

    /// <summary>Links (with resets), identifies the chip, switches to the working baud and reads key, flash ID and MAC.</summary>
    public static ChipSession Connect(ISerialLink link, ConnectOptions? options = null, IFlashObserver? observer = null, CancellationToken cancel = default)
    {
        var session = new ChipSession(link, options ?? new ConnectOptions(), observer);
        session.Establish(cancel);
        return session;
    }

    /// <summary>The raw chip CRC (CheckCRC register, no final inversion) of [start, start+length), with the family's end rule.</summary>
    public uint ChipCrc(uint start, uint length, CancellationToken cancel = default)
    {
        GuardRange(start, length, "CRC");
        BeginOperation();
        return Attempt("CRC", start, () => CrcRaw(start, length, cancel), cancel);
    }

    /// <summary>True when the chip holds exactly <paramref name="expected"/> at <paramref name="start"/> (one CRC, nothing read).</summary>
    public bool Verify(uint start, ReadOnlySpan<byte> expected, CancellationToken cancel = default)
    {
        var want = BekenCrc32.Chip(expected);
        Progress(FlashPhase.Verify, 0, expected.Length, 0);
        var got = ChipCrc(start, (uint)expected.Length, cancel);
        Progress(FlashPhase.Verify, expected.Length, expected.Length, 0);
        _observer.Log($"verify 0x{start:X6}+0x{expected.Length:X}: chip 0x{got:X8}, file 0x{want:X8}");
        return got == want;
    }

    /// <summary>Restores protection and asks the chip to reboot into its firmware. The session is unusable afterwards.</summary>
    public void Reboot()
    {
        RestoreProtection();
        _observer.Log("reboot");
        _client.Reboot();
    }

    public void Dispose() => RestoreProtection();

    private void RestoreProtection()
    {
        if (!_unprotected || _protection is null) return;
        try { _protection.Restore(CancellationToken.None); _unprotected = false; }
        catch (Exception e) when (e is ProtocolException or IOException) { _observer.Log($"could not restore flash protection: {e.Message}"); }
    }

    // ---- address rules and guards ----

    /// <summary>Reads and CRCs go through the +size mirror on bootloaders that refuse their own window (T/U/BK7252).</summary>
    private uint ReadAddress(uint a) => Profile.ReadMirror ? a + Info.FlashSize : a;

    private void GuardRange(uint start, uint length, string what)
    {
        if (length == 0) throw new GuardRefusedException(Port, start, $"{what}: the length is zero.");
        if ((ulong)start + length > Info.FlashSize)
            throw new GuardRefusedException(Port, start,
                $"{what} of 0x{length:X} bytes from 0x{start:X} goes past the end of the {Info.FlashSize / 1024} KiB flash. Use a smaller range or the right image.");
    }

    /// <summary>Before a byte is sent: nothing below the bootloader size without consent, never where the bootloader is the downloader.</summary>
    private void GuardModify(uint start, uint length, bool allowBootloader, string what)
    {
        GuardRange(start, length, what);
        var boot = Profile.BootloaderSize;
        if (start >= boot) return;
        if (!Profile.BootloaderWritable)
            throw new GuardRefusedException(Port, start,
                $"{what} would touch the bootloader (0x0-0x{boot - 1:X}) of a {Info.Family}, whose bootloader is the download code itself: it is never written. " +
                $"Start at 0x{Profile.AppOffset:X} (an app/UA image) instead.");
        if (!allowBootloader)
            throw new GuardRefusedException(Port, start,
                $"{what} would touch the bootloader region 0x0-0x{boot - 1:X}. Nothing was sent. Start at 0x{boot:X}, or pass --allow-bootloader if you really mean to replace it (keep a backup).");
    }

    // ---- retries and re-linking ----

    private void BeginOperation()
    {
        _relinksWithoutProgress = 0;
        _retries = 0;
    }

    /// <summary>Runs one command with bounded attempts; from the second failure on, makes sure the link is still there.</summary>
    private T Attempt<T>(string what, uint address, Func<T> op, CancellationToken cancel)
    {
        ProtocolException? last = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            cancel.ThrowIfCancellationRequested();
            try
            {
                var result = op();
                _relinksWithoutProgress = 0;
                return result;
            }
            catch (ProtocolException e)
            {
                last = e;
                _retries++;
                _observer.Log($"{what} @0x{address:X6} attempt {attempt}: {e.Message}");
                if (attempt < 2) continue;
                // Two failures in a row while the chip still answers at the working rate (no reset, no
                // stall): the rate is the suspect. Step down and go on from this command.
                if (!EnsureLink(cancel) && attempt % 2 == 0 && attempt < _options.MaxAttempts) StepDown(what, address, cancel);
            }
        }
        throw PortSharing.Explain(Port, new RetriesExhaustedException(Port, address,
            $"{what} failed {_options.MaxAttempts} times (last: {last!.Message}). Check the wiring and the 3.3 V supply, try a lower --baud, then retry.", last));
    }

    private void Attempt(string what, uint address, Action op, CancellationToken cancel) =>
        Attempt(what, address, () => { op(); return 0; }, cancel);

    /// <summary>
    /// Quick LinkChecks at the working baud; if the chip is gone from there (reset, long stall), link
    /// again, prove it is the same chip (<see cref="ProveSameChip"/>: nothing read or written after
    /// the re-link counts before that), then restore baud and protection state. Bounded by
    /// <see cref="ConnectOptions.MaxRelinks"/> re-links without progress in between.
    /// </summary>
    /// <returns>True when the chip had to be linked again (it reset or stalled); false when it was still there.</returns>
    private bool EnsureLink(CancellationToken cancel)
    {
        var relinked = false;
        while (true)
        {
            _client.Link.DiscardInput();
            _client.Scanner.Clear();
            var alive = false;
            for (var i = 0; i < 3 && !alive; i++) alive = _client.TryLinkCheck(TimeSpan.FromMilliseconds(100), cancel);
            if (alive) _client.Scanner.Drain(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(200), cancel);
            if (alive && !_proofPending) return relinked;
            if (++_relinksWithoutProgress > _options.MaxRelinks)
                throw PortSharing.Explain(Port, new NoLinkException(Port, $"the chip stopped answering and {_options.MaxRelinks} re-links did not bring it back. Check power and wiring, then retry."));
            if (!alive)
            {
                _observer.Log("chip not answering at the working baud: re-linking");
                new Linker(_client, _options, _observer).Link(cancel, stillAt: _workingBaud);
                _proofPending = true;
                relinked = true;
            }
            try
            {
                ProveSameChip(cancel);
                if (_bootloaderKnown && _client.Link.Baud != _workingBaud)
                {
                    _workingBaud = SwitchBaud(_ladder.Where(b => b <= _workingBaud).ToList(), cancel);
                    if (Info is not null) Info = Info with { Baud = _workingBaud };
                }
                _proofPending = false;
                _crcLockPending = false;
                if (_unprotected) _protection?.Unprotect(cancel);
                return true;
            }
            catch (ProtocolException e) { _observer.Log($"re-link incomplete: {e.Message}"); }
        }
    }

    /// <summary>
    /// The next lower rate of the ladder, proven like every rate (<see cref="ProveRate"/>), without
    /// leaving the operation: the caller retries its command at the new rate. Nothing to do at the
    /// bottom of the ladder. <see cref="ChipInfo.Baud"/> follows, so callers remember the lower rate.
    /// </summary>
    private void StepDown(string what, uint address, CancellationToken cancel)
    {
        var lower = _ladder.Where(b => b < _workingBaud).ToList();
        if (lower.Count == 0) return;
        _observer.Log($"{BaudPlan.LogPrefix}{Port}: {what} @0x{address:X6} failed twice at {_workingBaud} baud; stepping down to {lower[0]} and going on from there");
        var clock = Stopwatch.StartNew();
        _workingBaud = SwitchBaud(lower, cancel, relinkProvesChip: true);
        StepDownTime += clock.Elapsed;
        StepDowns++;
        if (Info is not null) Info = Info with { Baud = _workingBaud };
        // Lost the chip during the switch and linked it from scratch: prove it is the same one first.
        if (_proofPending) EnsureLink(cancel);
    }

    /// <summary>How often this session stepped down the ladder during an operation (for logs, tests and benchmarks).</summary>
    public int StepDowns { get; private set; }

    /// <summary>The rate the caller asked for (--baud), or null when the ladder chose.</summary>
    public int? AskedBaud => _options.Baud;

    /// <summary>Wall time the ladder took at connect: every rate tried and proven, until one held (the benchmarks' "probe time").</summary>
    public TimeSpan LadderTime { get; private set; }

    /// <summary>Wall time spent switching and proving lower rates during operations.</summary>
    public TimeSpan StepDownTime { get; private set; }

    // ---- small helpers used by read/write ----

    private uint CrcRaw(uint start, uint length, CancellationToken cancel)
    {
        var a = ReadAddress(start);
        var crc = _client.CheckCrc(a, Profile.CrcEnd(a, length), length, cancel);
        // Non-ROM bootloaders silently re-protect after CheckCRC; a LinkCheck before the next erase/write undoes it (protocol.md §5).
        if (Profile.Protocol != BootProtocol.Full) _crcLockPending = true;
        return crc;
    }

    private void ReleaseCrcLock(CancellationToken cancel)
    {
        if (!_crcLockPending) return;
        if (!_client.TryLinkCheck(TimeSpan.FromMilliseconds(200), cancel))
            throw new ProtocolException(ProtocolFailure.Timeout, "no LinkCheck answer after CheckCRC");
        _client.Scanner.Drain(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(50), cancel);
        _crcLockPending = false;
    }

    private void EnsureUnprotected(CancellationToken cancel)
    {
        if (_unprotected || _protection is null) return;
        Attempt("unprotect", 0, () => _protection.Unprotect(cancel), cancel);
        _unprotected = true;
    }

    private readonly Stopwatch _phaseClock = new();

    private void Progress(FlashPhase phase, long done, long total, long movedBytes)
    {
        if (done == 0) _phaseClock.Restart();
        var secs = _phaseClock.Elapsed.TotalSeconds;
        _observer.Progress(new FlashProgress(phase, done, total, secs > 0.05 ? movedBytes / secs : 0, _retries));
    }
}
