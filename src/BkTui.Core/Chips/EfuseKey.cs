namespace BkTui.Core.Chips;

/// <summary>The 128-bit code-encryption key as four words coef0..coef3 (eFuse bytes 0..15, little-endian words).</summary>
public readonly record struct EfuseKey(uint W0, uint W1, uint W2, uint W3)
{
    public static EfuseKey Tuya => ChipProfiles.Key("tuya");
    public static EfuseKey Zero => default;

    public bool IsZero => W0 == 0 && W1 == 0 && W2 == 0 && W3 == 0;
    public bool IsTuya => this == Tuya;

    /// <summary>"tuya", "zero" or "other" — the verdict users see.</summary>
    public string Verdict => IsTuya ? "tuya" : IsZero ? "zero" : "other";

    public uint this[int i] => i switch { 0 => W0, 1 => W1, 2 => W2, 3 => W3, _ => throw new ArgumentOutOfRangeException(nameof(i)) };

    /// <summary>32 hex characters, words big-endian as conventionally printed ("510fb093a3cbeadc…").</summary>
    public string Hex => $"{W0:x8}{W1:x8}{W2:x8}{W3:x8}";

    /// <summary>The four words separated by spaces, as GFT and the forum threads print them.</summary>
    public override string ToString() => $"{W0:x8} {W1:x8} {W2:x8} {W3:x8}";

    /// <summary>Parses "tuya", "zero", 32 hex digits, or four space-separated 8-digit words.</summary>
    public static bool TryParse(string? text, out EfuseKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToLowerInvariant();
        if (t == "tuya") { key = Tuya; return true; }
        if (t == "zero") { key = Zero; return true; }
        t = t.Replace(" ", "").Replace("_", "");
        if (t.StartsWith("0x")) t = t[2..];
        if (t.Length != 32 || !t.All(Uri.IsHexDigit)) return false;
        uint W(int i) => Convert.ToUInt32(t.Substring(i * 8, 8), 16);
        key = new EfuseKey(W(0), W(1), W(2), W(3));
        return true;
    }

    public static EfuseKey Parse(string text) =>
        TryParse(text, out var k) ? k : throw new FormatException($"'{text}' is not a key: use tuya, zero or 32 hex digits.");

    /// <summary>Key from the 16 eFuse bytes (little-endian words).</summary>
    public static EfuseKey FromEfuseBytes(ReadOnlySpan<byte> b) =>
        new(BitConverter.ToUInt32(b[..4]), BitConverter.ToUInt32(b[4..8]), BitConverter.ToUInt32(b[8..12]), BitConverter.ToUInt32(b[12..16]));

    public byte[] ToEfuseBytes()
    {
        var b = new byte[16];
        BitConverter.TryWriteBytes(b.AsSpan(0), W0);
        BitConverter.TryWriteBytes(b.AsSpan(4), W1);
        BitConverter.TryWriteBytes(b.AsSpan(8), W2);
        BitConverter.TryWriteBytes(b.AsSpan(12), W3);
        return b;
    }
}
