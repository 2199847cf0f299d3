using System.Buffers.Binary;
using BkTui.Core.Chips;

namespace BkTui.Core.Formats.Crypto;

/// <summary>
/// Tells which key a code image is encrypted with by decrypting its first words and looking for the
/// ARM exception vector table every BK72xx bootloader and app starts with (B / LDR pc,[pc,#x]).
/// </summary>
public static class KeyProbe
{
    /// <summary>Known keys tried in order.</summary>
    public static IReadOnlyList<(string Name, EfuseKey Key)> KnownKeys { get; } = [("tuya", EfuseKey.Tuya), ("zero", EfuseKey.Zero)];

    /// <summary>True when at least 6 of the first 8 words look like ARM vector entries.</summary>
    public static bool LooksLikeVectorTable(ReadOnlySpan<byte> plain)
    {
        if (plain.Length < 32) return false;
        var hits = 0;
        for (var i = 0; i < 8; i++)
        {
            var w = BinaryPrimitives.ReadUInt32LittleEndian(plain[(i * 4)..]);
            if (w >> 24 == 0xEA || (w & 0xFFFFF000) == 0xE59FF000) hits++;
        }
        return hits >= 6;
    }

    /// <summary>
    /// The known key under which the 32+ logical bytes at <paramref name="address"/> decrypt to a vector
    /// table; null when none does (other key, or not code).
    /// </summary>
    public static (string Name, EfuseKey Key)? Identify(ReadOnlySpan<byte> logical, uint address)
    {
        if (logical.Length < 32) return null;
        Span<byte> buf = stackalloc byte[32];
        foreach (var k in KnownKeys)
        {
            logical[..32].CopyTo(buf);
            new CodeCipher(k.Key).Apply(buf, address);
            if (LooksLikeVectorTable(buf)) return k;
        }
        return null;
    }
}
