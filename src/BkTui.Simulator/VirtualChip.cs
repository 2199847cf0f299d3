using System.Text;
using BkTui.Core.Chips;

namespace BkTui.Simulator;

/// <summary>Where the chip is after a reset.</summary>
public enum ChipState
{
    /// <summary>Just reset: listening for LinkCheck for the link window.</summary>
    LinkWindow,
    /// <summary>Linked: serving the download protocol until the next reset.</summary>
    Download,
    /// <summary>Window missed: "running the app", printing its log at 115200, listening for <c>reboot</c>.</summary>
    App,
    /// <summary>Unplugged (fault) or stopped.</summary>
    Gone,
}

/// <summary>
/// A Beken BK72xx bootloader as seen from its UART, for one chip family: the download protocol of
/// protocol.md (FULL BootROM for N/M/BK7238, the Tuya flash bootloader for T, the Beken one for
/// U/BK7252), a NOR flash behind it, the link window after reset, the app's boot log, the wire
/// model and injected faults. Drive it over any <see cref="IChipLine"/>.
/// </summary>
public sealed partial class VirtualChip : IDisposable
{
    public const int BootBaud = 115200;
    private readonly IChipLine _line;
    /// <summary>The chip's second UART (TX2), where the boot log goes when <see cref="SimOptions.LogOnTx2"/>.</summary>
    private readonly IChipLine? _tx2;
    private double? _crashAt;
    private bool _heartbeatsOn;
    private readonly ISimClock _clock;
    private readonly SimTiming _timing;
    private readonly ChipWire _wire;
    private readonly FrameParser _parser = new();
    private readonly ChipRegisters _registers;
    private readonly StatusRegisters _sr;
    private readonly Action<string>? _trace;
    private readonly double _linkWindow;
    private readonly bool _resetOnOpen;
    private readonly StringBuilder _console = new();
    private Thread? _thread;
    private CancellationTokenSource? _cts;
    private double _windowEnd;
    private double _nextHeartbeat;
    private int _heartbeats;
    private byte[] _appOutput = [];
    private int _appOutputPos;
    private long _seenOpens;

    public VirtualChip(SimOptions options, IChipLine line, FlashMemory flash, IChipLine? tx2 = null)
    {
        _tx2 = tx2;
        Options = options;
        Profile = ChipProfiles.For(options.Family);
        _line = line;
        _clock = options.Clock ?? new StopwatchSimClock();
        _timing = options.Timing ?? SimTiming.Default;
        _wire = new ChipWire(line, _clock, options.WireModel, options.Faults, options.Adapter, new CableNoise(options.Cable));
        MaxBaud = options.ChipMaxBaud ?? Profile.LadderTop;
        Flash = flash;
        Key = options.EfuseKey ?? Profile.DefaultEfuseKey;
        var efuse = new byte[32];
        Key.ToEfuseBytes().CopyTo(efuse, 0);
        _registers = new ChipRegisters(Profile.ChipId ?? 0, efuse);
        _sr = new StatusRegisters(options.FlashProtected && Profile.Protocol == BootProtocol.Full);
        _trace = options.Trace;
        _linkWindow = (options.LinkWindow ?? TimeSpan.FromSeconds(_timing.LinkWindow)).TotalSeconds;
        _resetOnOpen = options.ResetOnOpen;
        _seenOpens = line.OpenCount;
        BootVersion = DetectBootVersion();
    }

    public SimOptions Options { get; }
    public ChipProfile Profile { get; }
    public FlashMemory Flash { get; }
    public EfuseKey Key { get; }
    public ChipState State { get; private set; } = ChipState.LinkWindow;

    /// <summary>The highest rate this chip's bootloader takes (SetBaudRate above it is not taken).</summary>
    public int MaxBaud { get; }

    /// <summary>Bits the cable model flipped in the chip's replies so far.</summary>
    public long CableFlips => _wire.CableFlips;

    /// <summary>The chip's current UART baud (115200 after every reset).</summary>
    public int Baud { get; private set; } = BootBaud;

    /// <summary>Non-ROM bootloaders: flash re-protected by the last CheckCRC until the next LinkCheck.</summary>
    public bool CrcLocked { get; private set; }

    /// <summary>Status-register block protection (FULL chips).</summary>
    public bool FlashProtected => _sr.Protected;

    public int Resets { get; private set; }

    /// <summary>Modelled seconds since start: where the wire model's timeline stands.</summary>
    public double ModelledSeconds => _wire.ModelledSeconds;

    /// <summary>Protocol reply bytes sent so far (what fault positions count).</summary>
    public long BytesSent => _wire.BytesSent;
    /// <summary>Modelled seconds spent off the wire: flash reads, erases, programming, CRCs, requested delays.</summary>
    public double BusySeconds => _wire.BusySeconds;
    public long BytesReceived => _wire.BytesReceived;

    /// <summary>Raised on the chip's thread once an unplug fault closed the line.</summary>
    public event Action? Unplugged;

    /// <summary>Faults that have fired.</summary>
    public IReadOnlyList<Fault> FiredFaults => _wire.Faults.Fired;

    /// <summary>Text ReadBootVersion answers on BK7231T (null: the "no version" byte 07).</summary>
    public string? BootVersion { get; }

    /// <summary>Runs the chip on a background thread.</summary>
    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("The virtual chip is already running.");
        _cts = new CancellationTokenSource();
        var token = _cts.Token;
        _thread = new Thread(() => Run(token)) { IsBackground = true, Name = $"sim-{Profile.Family}" };
        _thread.Start();
    }

    /// <summary>Stops the background thread (bounded wait).</summary>
    public void Stop()
    {
        _cts?.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(5));
        _thread = null;
    }

    /// <summary>Serves until cancelled or the line dies (unplug). Never throws for wire trouble.</summary>
    public void Run(CancellationToken cancel)
    {
        var buf = new byte[8192];
        Reset("power on");
        try
        {
            while (!cancel.IsCancellationRequested && !_line.IsClosed && State != ChipState.Gone)
            {
                CheckHostOpened();
                var now = _clock.Now;
                if (State == ChipState.LinkWindow && now >= _windowEnd) BootApp();
                if (State == ChipState.App)
                {
                    if (_heartbeatsOn && now >= _nextHeartbeat) QueueHeartbeat();
                    if (_appOutputPos < _appOutput.Length) SendAppChunk(cancel);
                    else if (_crashAt is { } crash && now >= crash) Reset("watchdog: the app crashed");
                }
                int? baudBeforeRead = _wire.HostWireBaud;
                int n = _line.Read(buf, ReadTimeout(), cancel);
                if (n > 0)
                {
                    CheckHostOpened(keepInput: true);
                    OnReceived(buf.AsSpan(0, n), baudBeforeRead, cancel);
                }
                else _parser.ExpireStale();
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Trace($"line failed: {e.Message}");
        }
        if (_line.IsClosed) State = ChipState.Gone;
    }

    private TimeSpan ReadTimeout()
    {
        const double poll = 0.02;
        double wait = State switch
        {
            ChipState.LinkWindow => Math.Min(poll, _windowEnd - _clock.Now),
            ChipState.App when _appOutputPos < _appOutput.Length => 0,
            ChipState.App when _crashAt is { } crash => Math.Min(poll, crash - _clock.Now),
            ChipState.App when _heartbeatsOn => Math.Min(poll, _nextHeartbeat - _clock.Now),
            _ => poll,
        };
        return TimeSpan.FromSeconds(Math.Max(0, wait));
    }

    private void CheckHostOpened(bool keepInput = false)
    {
        long opens = _line.OpenCount;
        if (opens == _seenOpens) return;
        _seenOpens = opens;
        if (_resetOnOpen) Reset("host opened the port (DTR pulse)", discardInput: !keepInput);
    }

    private void Reset(string why, bool discardInput = true)
    {
        State = ChipState.LinkWindow;
        Baud = BootBaud;
        CrcLocked = false;
        _registers.Reset();
        _parser.Clear();
        _console.Clear();
        _appOutput = [];
        _appOutputPos = 0;
        _crashAt = null;
        _heartbeatsOn = false;
        if (discardInput) _line.DiscardInput();
        _wire.Restart();
        _windowEnd = _clock.Now + _linkWindow;
        Resets++; // last: once a watcher sees the count move, input sent from then on is kept
        Trace($"reset ({why}); listening for LinkCheck for {_linkWindow * 1000:0} ms");
    }

    private void BootApp()
    {
        State = ChipState.App;
        _heartbeats = 0;
        _nextHeartbeat = _clock.Now + 1;
        var image = BootImage.Inspect(Profile, Key, Flash);
        _appOutput = Encoding.Latin1.GetBytes(BootLog.Startup(Profile, image, BootVersion, Flash.Size, Options.VendorMac));
        _appOutputPos = 0;
        _heartbeatsOn = image is { Outcome: BootOutcome.Runs, Kind: AppKind.OpenBeken };
        // A crashing app takes the watchdog's time (about a second) to reset the chip, then boots again.
        _crashAt = image.Outcome == BootOutcome.Crashes ? _clock.Now + 1.0 : null;
        Trace($"link window passed: booting from flash ({image.Outcome}: {image.Why})");
    }

    private void QueueHeartbeat()
    {
        _heartbeats++;
        _nextHeartbeat += 1;
        if (_nextHeartbeat < _clock.Now) _nextHeartbeat = _clock.Now + 1;
        var line = Encoding.Latin1.GetBytes(BootLog.Heartbeat(_heartbeats));
        _appOutput = _appOutputPos < _appOutput.Length ? [.. _appOutput.AsSpan(_appOutputPos), .. line] : line;
        _appOutputPos = 0;
    }

    private void SendAppChunk(CancellationToken cancel)
    {
        int n = Math.Min(32, _appOutput.Length - _appOutputPos);
        if (_tx2 is not null) _tx2.Write(_appOutput.AsSpan(_appOutputPos, n), cancel);
        else _wire.Send(_appOutput.AsSpan(_appOutputPos, n), Baud, counted: false, cancel);
        _appOutputPos += n;
    }

    /// <summary>
    /// A pty delivers bytes without the rate they were sent at, so the chip judges them by the host's
    /// baud. When that baud changed while the chip waited, the bytes are ambiguous: sent before the
    /// change (a Reboot frame drained just before the boot-log listener drops to 115200) or after it
    /// (a LinkCheck right after a switch). A real UART would know; the chip takes them at the rate
    /// that matches its own when either does, so only a host that stays at a wrong rate gets garbage.
    /// </summary>
    private void OnReceived(ReadOnlySpan<byte> raw, int? baudBeforeRead, CancellationToken cancel)
    {
        int host = _wire.HostWireBaud ?? Baud;
        if (baudBeforeRead is { } before && before != host && before == Baud) host = before;
        var index = _wire.BytesReceived;
        _wire.Received(raw.Length, host);
        ReadOnlySpan<byte> data = host == Baud ? raw : UartLine.Resample(raw, host, Baud);
        data = _wire.Faults.ApplyIncoming(data, index);
        if (State == ChipState.App)
        {
            OnConsoleInput(data);
            return;
        }
        _parser.Add(data);
        while (State != ChipState.Gone && _parser.TryTake(out var frame))
        {
            if (State == ChipState.LinkWindow)
            {
                if (frame.Long || frame.Opcode != 0x00) continue; // only LinkCheck grabs the bus
                State = ChipState.Download;
                Trace("LinkCheck received: download mode");
            }
            Handle(frame, cancel);
        }
    }

    /// <summary>The running app's console: a line ending in <c>reboot</c> restarts the chip.</summary>
    private void OnConsoleInput(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (b == (byte)'\n' || b == (byte)'\r')
            {
                var text = _console.ToString();
                _console.Clear();
                if (text.TrimEnd().EndsWith("reboot", StringComparison.Ordinal))
                {
                    Reset("'reboot' typed on the app console");
                    return;
                }
                continue;
            }
            if (_console.Length >= 256) _console.Remove(0, 128);
            _console.Append((char)b);
        }
    }

    private void Trace(string message) => _trace?.Invoke($"[{Profile.Family} t={_clock.Now:0.000}] {message}");

    private string? DetectBootVersion()
    {
        if (Profile.Protocol != BootProtocol.BasicTuya) return null;
        var first = Flash.Read(0, 256);
        var known = ChipProfiles.Bootloader(BekenCrc32.Standard(first));
        return known is null ? null : $"BK7231S_{known.Version}";
    }

    public void Dispose()
    {
        Stop();
        _cts?.Dispose();
    }
}
