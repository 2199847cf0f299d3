using System.Text;
using BkTui.Core.Formats.Crypto;

namespace BkTui.Core.Formats.TuyaKv;

/// <summary>Constants and AES-128-ECB helpers of the Tuya KV storage (flash-formats.md §7.1–7.3).</summary>
public static class TuyaKvCrypto
{
    public const int BlockSize = 4096;
    public const uint KeyBlockMagic = 0x13579753;
    public const uint DataBlockMagic = 0x98761234;
    public const uint DataBlockMagicOs3 = 0x135726AB;

    public static ReadOnlySpan<byte> MasterKey => "qwertyuiopasdfgh"u8;
    private static ReadOnlySpan<byte> KeyPart1 => "8710"u8;
    private static ReadOnlySpan<byte> KeyPart2 => "HHRRQbyemofrtytf"u8;

    public static Aes128Ecb CreateAes(ReadOnlySpan<byte> key) => new(key);

    /// <summary>dataKey[i] = part1[i &amp; 3] + part2[i] + deviceKey[i] (mod 256).</summary>
    public static byte[] DataKey(ReadOnlySpan<byte> deviceKey)
    {
        var k = new byte[16];
        for (var i = 0; i < 16; i++) k[i] = (byte)(KeyPart1[i & 3] + KeyPart2[i] + deviceKey[i]);
        return k;
    }

    public static uint ByteSum(ReadOnlySpan<byte> data)
    {
        uint s = 0;
        foreach (var b in data) s += b;
        return s;
    }

    public static string Ascii(ReadOnlySpan<byte> b) => Encoding.ASCII.GetString(b);
}
