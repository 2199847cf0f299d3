using System.Buffers.Binary;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Serial;

namespace BkTui.Tests.Flashing;

/// <summary>
/// In-memory chip for unit tests of the protocol and flashing layers (the virtual chip over a real
/// pty is the end-to-end proof). Answers synchronously inside Write. Models what the host logic
/// depends on: family CRC end rule, read mirror, eFuse, status-register protection, CRC lock,
/// baud switching (replies at a rate the host is not on arrive as garbage), resets and faults.
/// </summary>
public sealed class FakeChipLink : ISerialLink
{
    private readonly List<byte> _input = [];
    private readonly Queue<(byte Value, int Baud)> _output = new();
    private int _chipBaud = 115200;
    private bool _crcLocked;
    private int _efuseIndex;
    private uint _efuseCtrl;

    public FakeChipLink(ChipFamily family, byte[] flash, EfuseKey? key = null)
    {
        Profile = ChipProfiles.For(family);
        Flash = flash;
        Key = key ?? Profile.DefaultEfuseKey;
    }

    public ChipProfile Profile { get; }
    public byte[] Flash { get; }
    public EfuseKey Key { get; }
    public uint Mid { get; init; } = 0x1560EB; // TH25Q16HB
    public ushort StatusRegister { get; set; }
    /// <summary>False: only LinkCheck at 115200 is answered (chip not in download mode yet).</summary>
    public bool Linked { get; set; }
    /// <summary>LinkChecks ignored until "reboot\n" arrives (a running OpenBeken).</summary>
    public bool NeedsRebootText { get; set; }
    /// <summary>SetBaudRate above this rate is ignored (no switch, no reply).</summary>
    public int MaxReliableBaud { get; set; } = int.MaxValue;
    public string? BootVersion { get; set; } = "BK7231S_1.0.5";
    /// <summary>Boot-log text emitted before every reply.</summary>
    public byte[] Garbage { get; set; } = [];
    /// <summary>Fault hook: given the command number (from 1) and opcode, what to do with its reply.</summary>
    public Func<int, byte, Fault> Faults { get; set; } = (_, _) => Fault.None;

    public int Commands { get; private set; }
    public int ModifyingCommands { get; private set; }
    public int Reads4K { get; private set; }
    public string PortName => "fake0";
    public int Baud { get; private set; } = 115200;

    /// <summary>The host adapter's limit: like the 8250 driver, a faster request keeps the old rate.</summary>
    public int AdapterMaxBaud { get; init; } = int.MaxValue;
    /// <summary>Every rate the chip was asked to switch to.</summary>
    public List<uint> BaudRequests { get; } = [];

    public void SetBaud(int baud) => Baud = baud <= AdapterMaxBaud ? baud : Baud;

    public void Write(ReadOnlySpan<byte> data)
    {
        _input.AddRange(data.ToArray());
        if (NeedsRebootText && Encoding.ASCII.GetString(_input.ToArray()).Contains("reboot\n"))
        {
            NeedsRebootText = false;
            _input.Clear();
        }
        while (TryTakeFrame(out var isLong, out var op, out var payload)) Handle(isLong, op, payload);
    }

    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        if (_output.Count == 0)
        {
            Thread.Sleep(TimeSpan.FromTicks(Math.Min(timeout.Ticks, TimeSpan.TicksPerMillisecond)));
            return 0;
        }
        var n = 0;
        while (n < buffer.Length && _output.Count > 0)
        {
            var (value, baud) = _output.Dequeue();
            buffer[n++] = baud == Baud ? value : (byte)0x00;
        }
        return n;
    }

    public void DiscardInput() => _output.Clear();
    public void DrainOutput() { }
    public bool SetModemLines(bool dtr, bool rts) => false;
    public void Dispose() { }

    public enum Fault { None, Drop, Flip, Reset }

    private bool TryTakeFrame(out bool isLong, out byte op, out byte[] payload)
    {
        isLong = false; op = 0; payload = [];
        while (_input.Count >= 3 && !(_input[0] == 0x01 && _input[1] == 0xE0 && _input[2] == 0xFC)) _input.RemoveAt(0);
        if (_input.Count < 5) return false;
        if (_input[3] == 0xFF)
        {
            if (_input.Count < 8) return false;
            var len = _input[5] | _input[6] << 8;
            if (_input.Count < 7 + len) return false;
            isLong = true; op = _input[7]; payload = _input.GetRange(8, len - 1).ToArray();
            _input.RemoveRange(0, 7 + len);
            return true;
        }
        var ll = _input[3];
        if (_input.Count < 4 + ll) return false;
        op = _input[4]; payload = _input.GetRange(5, ll - 1).ToArray();
        _input.RemoveRange(0, 4 + ll);
        return true;
    }

    private void Handle(bool isLong, byte op, byte[] p)
    {
        if (Baud != _chipBaud) return; // sent at a rate the chip is not listening at: noise to it
        if (!isLong && op == 0x00)
        {
            if (NeedsRebootText) return;
            Linked = true;
            _crcLocked = false;
            ReplyShort(0x01, [0x00]);
            return;
        }
        if (!Linked) return;
        Commands++;
        var fault = Faults(Commands, op);
        if (fault == Fault.Reset) { Linked = false; _chipBaud = 115200; return; }
        var before = _output.Count;
        if (isLong) HandleLong(op, p); else HandleShort(op, p);
        if (fault == Fault.Drop) { while (_output.Count > before) RemoveLast(); }
        if (fault == Fault.Flip && _output.Count > before)
        {
            var items = _output.ToArray();
            var i = before + (items.Length - before) * 2 / 3;
            items[i] = ((byte)(items[i].Value ^ 0x10), items[i].Baud);
            _output.Clear();
            foreach (var it in items) _output.Enqueue(it);
        }
    }

    private void RemoveLast()
    {
        var items = _output.ToArray();
        _output.Clear();
        foreach (var it in items[..^1]) _output.Enqueue(it);
    }

    private void HandleShort(byte op, byte[] p)
    {
        if (op == 0x0F) BaudRequests.Add(U(p, 0));
        switch (op)
        {
            case 0x03 when Profile.Protocol == BootProtocol.Full:
                ReplyShort(op, [.. p, .. U32(ReadRegister(U(p, 0)))]);
                break;
            case 0x01 when Profile.Protocol == BootProtocol.Full:
                if (U(p, 0) == 0x800074) { _efuseIndex = (int)(U(p, 4) >> 8) & 0x1F; _efuseCtrl = U(p, 4) & ~1u; }
                ReplyShort(op, p);
                break;
            case 0x0F when U(p, 0) <= MaxReliableBaud:
                _chipBaud = (int)U(p, 0);
                ReplyShort(op, p);
                break;
            case 0x10:
                var start = U(p, 0) % (uint)Flash.Length;
                var end = U(p, 4) + (Profile.CrcEndInclusive ? 1u : 0u) - (U(p, 0) - start);
                ReplyShort(op, U32(BekenCrc32.Chip(Flash.AsSpan((int)start, (int)(end - start)))));
                if (Profile.Protocol != BootProtocol.Full) _crcLocked = true;
                break;
            case 0x11 when Profile.Protocol == BootProtocol.BasicTuya:
                ReplyShort(op, Encoding.ASCII.GetBytes(BootVersion ?? "\x07"));
                break;
        }
    }

    private void HandleLong(byte op, byte[] p)
    {
        var protectedFlash = (StatusRegister & 0x407C) != 0 || _crcLocked;
        switch (op)
        {
            case 0x09:
                Reads4K++;
                var a = (int)(U(p, 0) % (uint)Flash.Length);
                ReplyLong(op, 0, [.. p[..4], .. Flash.AsSpan(a, 4096).ToArray()]);
                break;
            case 0x07:
                ModifyingCommands++;
                var w = (int)U(p, 0);
                if (!protectedFlash) for (var i = 0; i < 4096; i++) Flash[w + i] &= p[4 + i];
                ReplyLong(op, 0, p[..4]);
                break;
            case 0x0F:
                ModifyingCommands++;
                var size = p[0] == 0xD8 ? 0x10000 : 0x1000;
                if (!protectedFlash) Flash.AsSpan((int)U(p, 1), size).Fill(0xFF);
                ReplyLong(op, 0, p);
                break;
            case 0x0C when Profile.Protocol == BootProtocol.Full:
                ReplyLong(op, 0, [p[0], (byte)(p[0] == 0x35 ? StatusRegister >> 8 : StatusRegister)]);
                break;
            case 0x0D when Profile.Protocol == BootProtocol.Full:
                StatusRegister = (ushort)(p[1] | (p.Length > 2 ? p[2] << 8 : StatusRegister & 0xFF00));
                ReplyLong(op, 0, p);
                break;
            case 0x0E when Profile.Protocol == BootProtocol.Full:
                ReplyLong(op, 0, [0x00, (byte)Mid, (byte)(Mid >> 8), (byte)(Mid >> 16)]);
                break;
        }
    }

    private uint ReadRegister(uint address) => address switch
    {
        0x800000 => Profile.ChipId ?? 0,
        0x800074 => _efuseCtrl,
        0x800078 => 0x100u | Key.ToEfuseBytes()[_efuseIndex],
        _ => 0,
    };

    private void ReplyShort(byte code, byte[] payload) =>
        Emit([0x04, 0x0E, (byte)(4 + payload.Length), 0x01, 0xE0, 0xFC, code, .. payload]);

    private void ReplyLong(byte code, byte status, byte[] payload)
    {
        var len = payload.Length + 2;
        Emit([0x04, 0x0E, 0xFF, 0x01, 0xE0, 0xFC, 0xF4, (byte)len, (byte)(len >> 8), code, status, .. payload]);
    }

    private void Emit(byte[] frame)
    {
        foreach (var b in Garbage) _output.Enqueue((b, _chipBaud));
        foreach (var b in frame) _output.Enqueue((b, _chipBaud));
    }

    private static uint U(byte[] p, int o) => BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(o));

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }
}
