namespace BkTui.Core.Chips;

/// <summary>The chip families BkTui knows. BK7231M is the same silicon as BK7231N with an all-zero eFuse key (alias BL2028N).</summary>
public enum ChipFamily
{
    Unknown = 0,
    BK7231T,
    BK7231N,
    BK7231M,
    BK7231U,
    BK7238,
    BK7252,
}

/// <summary>Who implements the download protocol on the chip (protocol.md §5).</summary>
public enum BootProtocol
{
    /// <summary>Mask BootROM (N, M, BK7238): ReadReg/WriteReg, status register, bootloader writable.</summary>
    Full,
    /// <summary>Tuya flash bootloader (T): ReadBootVersion, CRC lock, no registers.</summary>
    BasicTuya,
    /// <summary>Beken flash bootloader (U, BK7252): CRC lock, no registers.</summary>
    BasicBeken,
}
