namespace BkTui.Core.Flashing;

/// <summary>
/// Minimal reader of the MAC in the RF calibration sector (flash-formats.md §6.1-6.2): magic
/// <c>TLV\0</c>, item 0x11111102 of length 6 at offset 0x1C, MAC at 0x24.
/// </summary>
public static class RfCalibration
{
    private static ReadOnlySpan<byte> Magic => "TLV\0"u8;
    private static ReadOnlySpan<byte> MacItem => [0x02, 0x11, 0x11, 0x11, 0x06, 0x00, 0x00, 0x00];

    /// <summary>The MAC as lower-case colon-separated hex, or null when the sector holds no RF TLV.</summary>
    public static string? ReadMac(ReadOnlySpan<byte> sector)
    {
        if (sector.Length < 0x2A || !sector[..4].SequenceEqual(Magic) || !sector.Slice(0x1C, 8).SequenceEqual(MacItem)) return null;
        return string.Join(':', sector.Slice(0x24, 6).ToArray().Select(b => b.ToString("x2")));
    }

    /// <summary>MACs firmware falls back to without RF data: all zero, all FF, or ending in 00:00 (SEED-M L30, L217).</summary>
    public static bool IsPlaceholder(string mac)
    {
        var b = mac.Split(':').Select(h => Convert.ToByte(h, 16)).ToArray();
        return b.All(x => x == 0) || b.All(x => x == 0xFF) || (b[4] == 0 && b[5] == 0);
    }
}
