using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Serial;

namespace BkTui.Core.Flashing;

/// <summary>Sentences for the user about a connected chip (the seeds' hard-won lessons).</summary>
public static class ChipAdvice
{
    public static IReadOnlyList<string> For(ChipFamily family, EfuseKey? key, string? mac, bool rfRead, string? port = null, int? latencyTimerMs = null)
    {
        var advice = new List<string>();
        if (latencyTimerMs > 2 && port is not null)
            advice.Add($"The adapter on {port} holds every short reply for {latencyTimerMs} ms (its USB latency timer) and BkTui may not lower it: " +
                       $"a 2 MB backup takes several seconds longer. Set it to 1 ms: echo 1 | sudo tee {LatencyTimer.UserPath(port)} " +
                       "(or the udev rule in the README).");
        if (key is { IsZero: true })
            advice.Add("This chip has the all-zero eFuse key (BK7231M / BL2028N): flash a zero-key build (OpenBK7231M_QIO_…), not the BK7231N one, " +
                       "and keep the factory bootloader — a Tuya-key firmware will not boot here. Make a full 2 MB backup first.");
        else if (key is { } k && !k.IsTuya)
            advice.Add($"The eFuse key ({k}) is neither the Tuya key nor all-zero: firmware must be built for this key; keep the factory bootloader and back up first.");
        if (family is ChipFamily.BK7231N or ChipFamily.BK7231M)
            advice.Add("Writing a QIO image keeps the bootloader (0x0-0x10FFF) unless --allow-bootloader is given; overwriting it is usually what bricks these devices.");
        if (rfRead && mac is null)
            advice.Add("No RF calibration (MAC) found: after flashing, use Restore RF (from the backup if it has one) or Wi-Fi/AP will be poor and the MAC will end in 00:00.");
        else if (mac is not null && IsPlaceholder(mac))
            advice.Add($"The MAC {mac} is a placeholder: Restore RF (from a backup of this device if possible) to get a proper MAC and RF calibration.");
        return advice;
    }

    /// <summary>MACs firmware falls back to without RF data (SEED-M L30, L217): see <see cref="PlaceholderMac"/>.</summary>
    public static bool IsPlaceholder(string mac) => PlaceholderMac.Is(mac);
}
