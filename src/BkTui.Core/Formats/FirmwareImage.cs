using BkTui.Core.Chips;

namespace BkTui.Core.Formats;

/// <summary>What kind of file a firmware image is (by content, flash-formats.md §10.3).</summary>
public enum FirmwareKind
{
    Unknown = 0,
    /// <summary>A whole flash image of flash size (1/2/4… MiB): bootloader, app and data.</summary>
    FullDump,
    /// <summary>Bootloader + app from offset 0, shorter than the flash (OpenBeken "QIO" builds).</summary>
    Qio,
    /// <summary>App only, in CRC-16 blocks, starting at logical 0x10000 (OpenBeken "UA" builds).</summary>
    App,
    /// <summary>RBL/OTA package (header first, compressed/encrypted payload): never written over UART.</summary>
    RblOta,
    /// <summary>A bootloader alone (≤ 0x11000 bytes of CRC-16 blocks).</summary>
    Bootloader,
}

/// <summary>The verdict on a firmware file: kind, key, where its bytes go.</summary>
public sealed record FirmwareImage
{
    public FirmwareKind Kind { get; init; }
    public long Size { get; init; }
    /// <summary>"tuya", "zero", "other" or "unknown".</summary>
    public string Key { get; init; } = "unknown";
    /// <summary>The key words when <see cref="Key"/> is tuya or zero.</summary>
    public EfuseKey? KeyWords { get; init; }
    public bool ContainsBootloader { get; init; }
    /// <summary>Flash address the app part goes to (0x11000), null when the file must not be written (OTA, unknown).</summary>
    public uint? TargetOffset { get; init; }
    /// <summary>First file byte to write at <see cref="TargetOffset"/> (0x11000 for full/QIO: the bootloader is skipped).</summary>
    public int SourceOffset { get; init; }
    /// <summary>Bytes to write from <see cref="SourceOffset"/>.</summary>
    public int WriteLength { get; init; }
    /// <summary>Logical address of file byte 0 for key conversion (0 full/QIO/bootloader, 0x10000 app).</summary>
    public uint LogicalStart { get; init; }
    /// <summary>File bytes [0, CodeLength) are code in CRC-16 blocks (what a key conversion touches).</summary>
    public int CodeLength { get; init; }
    /// <summary>Chip family named by the file name ("OpenBK7231N_QIO_…"), a hint only.</summary>
    public ChipFamily? FamilyHint { get; init; }
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>Things the user should know (name contradicts content, raw unflashable binary, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Writable => TargetOffset is not null;
}
