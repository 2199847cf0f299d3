namespace BkTui.Core.Monitor;

/// <summary>What a recognised boot-log line tells about the device.</summary>
public enum BootFactKind
{
    /// <summary>The bootloader's banner, e.g. "BK7231n_1.0.11" (the N/M family's boot ROM banner).</summary>
    Bootloader,
    /// <summary>The RT-Thread bootloader's FAL/OTA packages (the BK7231M / BL2028N factory loader).</summary>
    RtThread,
    /// <summary>The bootloader found no valid app ("App verify failed!").</summary>
    AppInvalid,
    /// <summary>The bootloader jumped to the app ("go os_addr(0x10000)").</summary>
    AppStart,
    /// <summary>The firmware running: OpenBeken, Beken SDK, a vendor SDK…</summary>
    Firmware,
    /// <summary>The running firmware's name and version ("OpenBeken 1.18.21", "ESPHome 2024.6.1").</summary>
    Version,
    /// <summary>JEDEC id of the flash ("[Flash]id:0xeb6015").</summary>
    FlashId,
    /// <summary>Chip and device id ("chip id=7231c device id=20521028").</summary>
    ChipId,
    Mac,
    /// <summary>Something worth the user's attention (lfs absent, watchdog, heap).</summary>
    Warning,
}

/// <summary>One fact recognised in the boot log, with the line it came from.</summary>
public sealed record BootFact(BootFactKind Kind, string Value, string Line);
