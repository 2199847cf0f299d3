namespace BkTui.Core.Protocol;

/// <summary>
/// Opcodes of the short command family (<c>01 E0 FC LL op …</c>). Numbers overlap with
/// <see cref="LongOpcode"/> (0x0E, 0x0F), so the family is part of a command's identity (protocol.md §3.1, §4).
/// </summary>
public enum ShortOpcode : byte
{
    LinkCheck = 0x00,
    WriteReg = 0x01,
    ReadReg = 0x03,
    Reboot = 0x0E,
    SetBaudRate = 0x0F,
    CheckCrc = 0x10,
    /// <summary>Tuya T bootloaders only.</summary>
    ReadBootVersion = 0x11,
}

/// <summary>Opcodes of the long ("flash") command family (<c>01 E0 FC FF F4 LEN16 op …</c>).</summary>
public enum LongOpcode : byte
{
    FlashWrite = 0x06,
    FlashWrite4K = 0x07,
    FlashRead4K = 0x09,
    FlashErase4K = 0x0B,
    FlashReadSr = 0x0C,
    FlashWriteSr = 0x0D,
    FlashGetMid = 0x0E,
    FlashErase = 0x0F,
}

/// <summary>SPI erase opcodes carried by <see cref="LongOpcode.FlashErase"/> (protocol.md §4.11).</summary>
public enum EraseSize : byte
{
    Sector4K = 0x20,
    Block64K = 0xD8,
}

public static class FlashGeometry
{
    public const int SectorSize = 4096;
    public const int BlockSize = 65536;
    public const int SectorsPerBlock = BlockSize / SectorSize;
}
