namespace BkTui.Core.Formats.Rf;

/// <summary>A 6-byte Wi-Fi MAC in transmission order, printed upper-case "AA:BB:CC:DD:EE:FF" everywhere (CLI, JSON, TUI, archive), so one device never looks like two.</summary>
public readonly record struct MacAddress(byte B0, byte B1, byte B2, byte B3, byte B4, byte B5)
{
    public static MacAddress FromBytes(ReadOnlySpan<byte> b) => new(b[0], b[1], b[2], b[3], b[4], b[5]);

    public byte[] ToBytes() => [B0, B1, B2, B3, B4, B5];

    public override string ToString() => $"{B0:X2}:{B1:X2}:{B2:X2}:{B3:X2}:{B4:X2}:{B5:X2}";

    public static bool TryParse(string? text, out MacAddress mac)
    {
        mac = default;
        if (text is null) return false;
        var hex = text.Trim().Replace(":", "").Replace("-", "");
        if (hex.Length != 12 || !hex.All(Uri.IsHexDigit)) return false;
        var b = Convert.FromHexString(hex);
        mac = FromBytes(b);
        return true;
    }

    public bool IsAllFF => B0 == 0xFF && B1 == 0xFF && B2 == 0xFF && B3 == 0xFF && B4 == 0xFF && B5 == 0xFF;
    public bool IsAllZero => (B0 | B1 | B2 | B3 | B4 | B5) == 0;

    /// <summary>The short OpenBeken name part: MAC bytes 2–5 as 8 upper-case hex digits (§6.2).</summary>
    public string ShortSuffix => $"{B2:X2}{B3:X2}{B4:X2}{B5:X2}";
}
