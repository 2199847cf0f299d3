using BkTui.Core.Archive;
using BkTui.Core.Flashing;

namespace BkTui.Core.Preflight;

/// <summary>What the archive records about a linked chip with a dump it read (one place, so every verb records the same facts).</summary>
public static class ChipObservations
{
    /// <param name="askedBaud">The rate given with --baud: then no baud is recorded here; <see cref="Serial.BaudMemory"/> decides elsewhere whether it raises the memory.</param>
    public static DeviceObservation Of(ChipInfo c, string adapter, int? askedBaud = null) => new()
    {
        Mac = c.Mac, Chip = c.Family.ToString(), ChipId = c.ChipId is { } id ? $"0x{id:X}" : null,
        FlashId = c.FlashId is { } f ? $"0x{f:X6}" : null, EfuseKey = c.EfuseKey?.Hex, KeyVerdict = c.KeyVerdict,
        Bootloader = c.Bootloader, Adapter = adapter,
        Baud = c.Baud > 0 && askedBaud is null ? c.Baud : null,
    };
}
