namespace BkTui.Core.Monitor;

/// <summary>What listening to the UART after a reboot showed (docs/boot-proof.md).</summary>
public enum BootVerdict
{
    /// <summary>A firmware's own start-up lines were heard (OpenBeken, LibreTiny/ESPHome, Tuya SDK).</summary>
    Booted,
    /// <summary>The bootloader banner came again and again: the chip resets (crash, wrong image).</summary>
    BootLoop,
    /// <summary>The bootloader said the app is not valid ("App verify failed") and nothing started.</summary>
    AppInvalid,
    /// <summary>The bootloader ran (banner, maybe the jump to the app), then no firmware line.</summary>
    BootloaderOnly,
    /// <summary>Bytes came, mostly unreadable at the log rate: another baud, or a bootloader that cannot run.</summary>
    Garbled,
    /// <summary>Readable lines, but no bootloader or firmware this program knows.</summary>
    Unrecognised,
    /// <summary>Nothing at all in the bounded time.</summary>
    Silent,
    /// <summary>Not listened to (asked not to, or the log port could not be opened).</summary>
    NotChecked,
}
