using System.Buffers.Binary;
using System.Text;
using BkTui.Core.Chips;

namespace BkTui.Simulator;

public sealed partial class VirtualChip
{
    /// <summary>Status byte for a request the bootloader refuses (the anchors only know 0 = OK; protocol.md §16.3).</summary>
    public const byte StatusRefused = 0x01;

    private bool IsFull => Profile.Protocol == BootProtocol.Full;

    private void Handle(Frame f, CancellationToken cancel)
    {
        if (f.Long) DamageAddress(f);
        if (!f.Long)
        {
            switch (f.Opcode)
            {
                case 0x00: LinkCheck(cancel); return;
                case 0x01 when IsFull && f.Payload.Length >= 8: WriteReg(f.Payload, cancel); return;
                case 0x03 when IsFull && f.Payload.Length >= 4: ReadReg(f.Payload, cancel); return;
                case 0x0E: Reset("Reboot command"); return;
                case 0x0F when f.Payload.Length >= 5: SetBaudRate(f.Payload, cancel); return;
                case 0x10 when f.Payload.Length >= 8: CheckCrc(f.Payload, cancel); return;
                case 0x11 when Profile.Protocol == BootProtocol.BasicTuya: ReadBootVersion(cancel); return;
            }
        }
        else
        {
            switch (f.Opcode)
            {
                case 0x06 when f.Payload.Length >= 5: FlashWrite(f.Payload, cancel); return;
                case 0x07 when f.Payload.Length >= 4: FlashWrite4K(f.Payload, cancel); return;
                case 0x09 when f.Payload.Length >= 4: FlashRead4K(f.Payload, cancel); return;
                case 0x0B when IsFull && f.Payload.Length >= 4: FlashErase4K(f.Payload, cancel); return;
                case 0x0C when IsFull && f.Payload.Length >= 1: ReadSr(f.Payload, cancel); return;
                case 0x0D when IsFull && f.Payload.Length >= 2: WriteSr(f.Payload, cancel); return;
                case 0x0E when IsFull && f.Payload.Length >= 1: GetMid(cancel); return;
                case 0x0F when f.Payload.Length >= 5: FlashErase(f.Payload, cancel); return;
            }
        }
        // Anything else: this bootloader does not know it and stays silent, like the real ones.
        Trace($"ignored {(f.Long ? "long" : "short")} opcode 0x{f.Opcode:X2} ({f.Payload.Length} payload bytes)");
    }

    /// <summary>The <c>addrflip</c> faults: the chip acts on (and echoes) the damaged address, as a real one would.</summary>
    private void DamageAddress(Frame f)
    {
        (AddressedCommand Command, int At)? target = f.Opcode switch
        {
            0x0F when f.Payload.Length >= 5 => (AddressedCommand.Erase, 1),
            0x0B when f.Payload.Length >= 4 => (AddressedCommand.Erase, 0),
            0x06 or 0x07 when f.Payload.Length >= 4 => (AddressedCommand.Write, 0),
            0x09 when f.Payload.Length >= 4 => (AddressedCommand.Read, 0),
            _ => null,
        };
        if (target is { } t) _wire.Faults.DamageAddress(t.Command, f.Payload, t.At);
    }

    private void LinkCheck(CancellationToken cancel)
    {
        if (CrcLocked) Trace("LinkCheck: CRC lock released");
        CrcLocked = false;
        ReplyShort(0x01, [0x00], cancel);
    }

    private void ReadReg(byte[] p, CancellationToken cancel)
    {
        uint address = U32(p, 0);
        uint value = _registers.Read(address);
        var payload = new byte[8];
        p.AsSpan(0, 4).CopyTo(payload);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), value);
        ReplyShort(0x03, payload, cancel);
    }

    private void WriteReg(byte[] p, CancellationToken cancel)
    {
        _registers.Write(U32(p, 0), U32(p, 4));
        ReplyShort(0x01, p.AsSpan(0, 8).ToArray(), cancel);
    }

    private void SetBaudRate(byte[] p, CancellationToken cancel)
    {
        uint baud = U32(p, 0);
        int delayMs = p[4];
        if (baud < 1200 || baud > 6_000_000) { Trace($"SetBaudRate {baud}: not a rate this UART can do, ignored"); return; }
        // Above the family's maximum the real bootloader's behaviour is unknown; the model leaves the
        // chip where it is and says nothing, so the host finds it at its old rate.
        if (baud > MaxBaud) { Trace($"SetBaudRate {baud}: above this chip's {MaxBaud}, not taken"); return; }
        // A real adapter's driver refuses a rate it cannot do before the host tells the chip (the host
        // reads the rate back). A pty cannot refuse, so the model treats the command as never sent.
        if (!_wire.Adapter.CanDo((int)baud)) { Trace($"SetBaudRate {baud}: the {_wire.Adapter.Name} adapter cannot carry it; as if its driver had refused"); return; }
        // The chip waits the requested delay (the host switches at about half of it), changes its
        // UART and answers at the new rate (protocol.md §8.2).
        _wire.Delay(delayMs / 1000.0, cancel);
        Baud = (int)baud;
        Trace($"baud {baud} after {delayMs} ms");
        ReplyShort(0x0F, p.AsSpan(0, 5).ToArray(), cancel);
    }

    private void CheckCrc(byte[] p, CancellationToken cancel)
    {
        uint start = U32(p, 0), end = U32(p, 4);
        long length = Profile.CrcEndInclusive ? (long)end - start + 1 : (long)end - start;
        length = Math.Clamp(length, 0, 64L << 20);
        _wire.Busy(length * _timing.CrcPerByte);
        uint crc = Flash.Crc(start, length);
        if (Profile.Protocol != BootProtocol.Full)
        {
            // Non-ROM bootloaders re-protect the flash after a CRC and forget they did (protocol.md §5).
            CrcLocked = true;
        }
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, crc);
        ReplyShort(0x10, payload, cancel);
    }

    private void ReadBootVersion(CancellationToken cancel) =>
        ReplyShort(0x11, BootVersion is null ? [0x07] : Encoding.ASCII.GetBytes(BootVersion), cancel);

    private void FlashRead4K(byte[] p, CancellationToken cancel)
    {
        uint address = U32(p, 0);
        var rest = new byte[4 + 4096];
        p.AsSpan(0, 4).CopyTo(rest);
        byte status = 0;
        if (ReadRefused(address)) status = StatusRefused; // data left as zeros
        else
        {
            _wire.Busy(_timing.Read4K);
            Flash.Read(address, rest.AsSpan(4));
        }
        ReplyLong(0x09, status, rest, cancel);
    }

    private void FlashWrite4K(byte[] p, CancellationToken cancel)
    {
        uint address = U32(p, 0);
        var data = p.AsSpan(4);
        byte status = Program(address, data);
        ReplyLong(0x07, status, p.AsSpan(0, 4).ToArray(), cancel);
    }

    private void FlashWrite(byte[] p, CancellationToken cancel)
    {
        uint address = U32(p, 0);
        var data = p.AsSpan(4);
        if (data.Length > 256) data = data[..256];
        byte status = Program(address, data);
        ReplyLong(0x06, status, [p[0], p[1], p[2], p[3], (byte)data.Length], cancel);
    }

    private void FlashErase4K(byte[] p, CancellationToken cancel)
    {
        byte status = Erase(U32(p, 0), 0x1000);
        ReplyLong(0x0B, status, p.AsSpan(0, 4).ToArray(), cancel);
    }

    private void FlashErase(byte[] p, CancellationToken cancel)
    {
        int size = p[0] switch { 0x20 => 0x1000, 0x52 => 0x8000, 0xD8 => 0x10000, _ => 0 };
        byte status = size == 0 ? StatusRefused : Erase(U32(p, 1), size);
        ReplyLong(0x0F, status, p.AsSpan(0, 5).ToArray(), cancel);
    }

    private void ReadSr(byte[] p, CancellationToken cancel) =>
        ReplyLong(0x0C, 0, [p[0], _sr.Read(p[0])], cancel);

    private void WriteSr(byte[] p, CancellationToken cancel)
    {
        _sr.Write(p[0], p.AsSpan(1));
        Trace($"status register write {Convert.ToHexString(p)} → SR1 {_sr.Sr1:X2} SR2 {_sr.Sr2:X2}{(_sr.Protected ? " (protected)" : "")}");
        ReplyLong(0x0D, 0, p, cancel);
    }

    private void GetMid(CancellationToken cancel)
    {
        // LEN 6 (code, status, one unused byte, three JEDEC bytes): the length BKT requires and GFT
        // accepts as its second choice (protocol.md §4.15).
        var id = FlashIds.For(Flash.Size).WireBytes;
        ReplyLong(0x0E, 0, [0x9F, id[0], id[1], id[2]], cancel);
    }

    /// <summary>Non-ROM bootloaders refuse to read their own window unless addressed through the mirror.</summary>
    private bool ReadRefused(uint address) =>
        !IsFull && address < (uint)Flash.Size && address < Profile.BootloaderSize;

    /// <summary>Non-ROM bootloaders never erase or program their own window (mirror or not).</summary>
    private bool WriteRefused(uint address, int length)
    {
        if (IsFull) return false;
        long physical = address & (uint)(Flash.Size - 1);
        return physical < Profile.BootloaderSize || physical + length > Flash.Size; // wrapping into 0 would hit it too
    }

    private byte Program(uint address, ReadOnlySpan<byte> data)
    {
        if (WriteRefused(address, data.Length)) return StatusRefused;
        _wire.Busy(_timing.ProgramTime(data.Length));
        if (WriteBlocked("program", address)) return 0;
        Flash.Program(address, data);
        return 0;
    }

    private byte Erase(uint address, int size)
    {
        if (WriteRefused(address & ~(uint)(size - 1), size)) return StatusRefused;
        _wire.Busy(_timing.EraseTime(size));
        if (WriteBlocked("erase", address)) return 0;
        Flash.Erase(address, size);
        return 0;
    }

    /// <summary>A protected flash ignores erase and program without telling anyone, as real parts do.</summary>
    private bool WriteBlocked(string what, uint address)
    {
        if (_sr.Protected && IsFull) { Trace($"{what} at 0x{address:X6} ignored: status register protects the flash"); return true; }
        if (CrcLocked) { Trace($"{what} at 0x{address:X6} ignored: CRC lock (send LinkCheck after CheckCRC)"); return true; }
        return false;
    }

    private void ReplyShort(byte code, byte[] payload, CancellationToken cancel)
    {
        var r = new byte[7 + payload.Length];
        r[0] = 0x04; r[1] = 0x0E; r[2] = (byte)(4 + payload.Length);
        r[3] = 0x01; r[4] = 0xE0; r[5] = 0xFC; r[6] = code;
        payload.CopyTo(r, 7);
        Send(r, cancel);
    }

    private void ReplyLong(byte code, byte status, byte[] rest, CancellationToken cancel)
    {
        int len = 2 + rest.Length;
        var r = new byte[9 + len];
        r[0] = 0x04; r[1] = 0x0E; r[2] = 0xFF; r[3] = 0x01; r[4] = 0xE0; r[5] = 0xFC; r[6] = 0xF4;
        r[7] = (byte)len; r[8] = (byte)(len >> 8);
        r[9] = code; r[10] = status;
        rest.CopyTo(r, 11);
        Send(r, cancel);
    }

    private void Send(byte[] reply, CancellationToken cancel)
    {
        switch (_wire.Send(reply, Baud, counted: true, cancel))
        {
            case ChipWire.SendResult.ResetFault:
                Trace($"fault: reset while sending (byte {BytesSent})");
                Reset("fault injection");
                break;
            case ChipWire.SendResult.Unplugged:
                Trace($"fault: unplugged at byte {BytesSent}");
                // Gone before the hang-up: whoever sees the line close must also see the state.
                State = ChipState.Gone;
                _line.Hangup();
                Unplugged?.Invoke();
                break;
        }
    }

    private static uint U32(byte[] p, int at) => BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(at, 4));
}
