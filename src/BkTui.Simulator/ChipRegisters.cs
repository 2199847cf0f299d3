using BkTui.Core.Chips;

namespace BkTui.Simulator;

/// <summary>
/// What ReadReg/WriteReg reach on a FULL (BootROM) chip: the chip-ID register, the eFuse
/// controller (protocol.md §10.1), a stand-in for the 16 KiB mask ROM, and plain scratch registers.
/// </summary>
internal sealed class ChipRegisters(uint chipId, byte[] efuse)
{
    public const uint ChipIdRegister = 0x00800000;
    public const uint EfuseControl = 0x00800074;
    public const uint EfuseData = 0x00800078;
    public const uint RomSize = 0x4000;
    private readonly Dictionary<uint, uint> _scratch = new();
    private uint _efuseControl;
    private uint _efuseData;

    public uint Read(uint address)
    {
        switch (address)
        {
            case ChipIdRegister: return chipId;
            case EfuseControl: return _efuseControl;
            case EfuseData: return _efuseData;
        }
        if (address < RomSize)
            return BekenCrc32.Standard(BitConverter.GetBytes(address & ~3u)); // deterministic ROM stand-in
        return _scratch.GetValueOrDefault(address);
    }

    public void Write(uint address, uint value)
    {
        switch (address)
        {
            case ChipIdRegister: return; // read-only
            case EfuseData: return;      // result register, read-only
            case EfuseControl:
                if ((value & 1) != 0)
                {
                    // Start bit: the read completes at once (the poll then sees bit 0 clear);
                    // bit 8 of the data register marks the byte valid.
                    int index = (int)((value >> 8) & 0x1F);
                    _efuseData = 0x100u | efuse[index];
                    value &= ~1u;
                }
                _efuseControl = value;
                return;
        }
        if (address >= RomSize) _scratch[address] = value;
    }

    /// <summary>After a reset the eFuse controller is idle again.</summary>
    public void Reset()
    {
        _efuseControl = 0;
        _efuseData = 0;
    }
}

/// <summary>
/// The SPI flash status registers (SR1 via 05, SR2 via 35, SR3 via 15; written with 01 as one or
/// two bytes, 31/11 for SR2/SR3 alone). The simulator protects the whole array whenever any
/// block-protect bit (BP0–BP4, CMP = mask 0x407C, protocol.md §11.3) is set — real parts protect a
/// fraction, but the rule a host must follow (clear them before erasing) is the same.
/// </summary>
internal sealed class StatusRegisters
{
    public const int ProtectMask = 0x407C;
    public byte Sr1 { get; private set; }
    public byte Sr2 { get; private set; }
    public byte Sr3 { get; private set; }

    public StatusRegisters(bool protectedAtStart)
    {
        Sr1 = protectedAtStart ? (byte)0x1C : (byte)0x00; // BP0..BP2, as left by Tuya firmware
        Sr2 = 0x02;                                         // QE: the module boots in quad mode
    }

    public bool Protected => ((Sr1 | Sr2 << 8) & ProtectMask) != 0;

    public byte Read(byte opcode) => opcode switch
    {
        0x05 => (byte)(Sr1 & 0xFC), // WIP/WEL read 0: nothing is in progress between commands
        0x35 => Sr2,
        0x15 => Sr3,
        _ => 0xFF,
    };

    public void Write(byte opcode, ReadOnlySpan<byte> values)
    {
        if (values.IsEmpty) return;
        switch (opcode)
        {
            case 0x01:
                Sr1 = (byte)(values[0] & 0xFC);
                if (values.Length >= 2) Sr2 = values[1];
                break;
            case 0x31: Sr2 = values[0]; break;
            case 0x11: Sr3 = values[0]; break;
        }
    }
}
