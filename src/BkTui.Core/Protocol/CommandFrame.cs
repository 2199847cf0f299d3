using System.Buffers.Binary;

namespace BkTui.Core.Protocol;

/// <summary>Builds host→chip frames (protocol.md §3.1). Pure functions; no I/O.</summary>
public static class CommandFrame
{
    private const byte LongEscape = 0xFF;
    private const byte LongMarker = 0xF4;

    /// <summary>Short form: <c>01 E0 FC LL op payload</c> with LL = 1 + payload length.</summary>
    public static byte[] Short(ShortOpcode op, ReadOnlySpan<byte> payload = default)
    {
        if (payload.Length + 1 >= LongEscape)
            throw new ArgumentException($"Short command {op} payload of {payload.Length} bytes does not fit a short frame.", nameof(payload));
        var frame = new byte[5 + payload.Length];
        frame[0] = 0x01; frame[1] = 0xE0; frame[2] = 0xFC;
        frame[3] = (byte)(payload.Length + 1);
        frame[4] = (byte)op;
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>Long form: <c>01 E0 FC FF F4 LEN(u16 LE) op payload</c> with LEN = 1 + payload length.</summary>
    public static byte[] Long(LongOpcode op, ReadOnlySpan<byte> payload = default)
    {
        if (payload.Length + 1 > ushort.MaxValue)
            throw new ArgumentException($"Long command {op} payload of {payload.Length} bytes is too large.", nameof(payload));
        var frame = new byte[8 + payload.Length];
        frame[0] = 0x01; frame[1] = 0xE0; frame[2] = 0xFC;
        frame[3] = LongEscape; frame[4] = LongMarker;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(5), (ushort)(payload.Length + 1));
        frame[7] = (byte)op;
        payload.CopyTo(frame.AsSpan(8));
        return frame;
    }

    public static byte[] LinkCheck() => Short(ShortOpcode.LinkCheck);

    public static byte[] ReadReg(uint address) => Short(ShortOpcode.ReadReg, U32(address));

    public static byte[] WriteReg(uint address, uint value) => Short(ShortOpcode.WriteReg, [.. U32(address), .. U32(value)]);

    public static byte[] Reboot() => Short(ShortOpcode.Reboot, [0xA5]);

    public static byte[] SetBaudRate(uint baud, byte delayMs) => Short(ShortOpcode.SetBaudRate, [.. U32(baud), delayMs]);

    /// <summary>CheckCRC with the raw end field; callers apply the family's end rule (ChipProfile.CrcEnd).</summary>
    public static byte[] CheckCrc(uint start, uint endField) => Short(ShortOpcode.CheckCrc, [.. U32(start), .. U32(endField)]);

    public static byte[] ReadBootVersion() => Short(ShortOpcode.ReadBootVersion);

    public static byte[] FlashRead4K(uint address) => Long(LongOpcode.FlashRead4K, U32(address));

    public static byte[] FlashWrite4K(uint address, ReadOnlySpan<byte> sector)
    {
        if (sector.Length != FlashGeometry.SectorSize)
            throw new ArgumentException($"FlashWrite4K needs exactly {FlashGeometry.SectorSize} bytes, got {sector.Length}.", nameof(sector));
        var payload = new byte[4 + sector.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, address);
        sector.CopyTo(payload.AsSpan(4));
        return Long(LongOpcode.FlashWrite4K, payload);
    }

    public static byte[] FlashErase(EraseSize size, uint address) => Long(LongOpcode.FlashErase, [(byte)size, .. U32(address)]);

    public static byte[] FlashReadSr(byte readOpcode) => Long(LongOpcode.FlashReadSr, [readOpcode]);

    public static byte[] FlashWriteSr8(byte writeOpcode, byte value) => Long(LongOpcode.FlashWriteSr, [writeOpcode, value]);

    public static byte[] FlashWriteSr16(byte writeOpcode, ushort value) => Long(LongOpcode.FlashWriteSr, [writeOpcode, (byte)value, (byte)(value >> 8)]);

    /// <summary>JEDEC ID; the SPI opcode travels as a u32 (protocol.md §4.15).</summary>
    public static byte[] FlashGetMid() => Long(LongOpcode.FlashGetMid, U32(0x9F));

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }
}
