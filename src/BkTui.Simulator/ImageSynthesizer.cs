using BkTui.Core.Chips;

namespace BkTui.Simulator;

/// <summary>
/// Builds a realistic flash image for a family: bootloader region in 34-byte CRC-16 blocks that
/// identifies as a known bootloader (its first bytes carry that bootloader's CRC, protocol.md §7.1),
/// an app in CRC-16 blocks, an RF calibration TLV with a MAC at the family's RF offset.
/// </summary>
public static class ImageSynthesizer
{
    /// <summary>Default MAC per family (Beken/Tuya-style OUI, distinct tails so tests can tell them apart).</summary>
    public static byte[] DefaultMac(ChipFamily family) => [0x38, 0x1F, 0x8D, 0x5A, 0x10, (byte)family];

    public static byte[] Create(ChipFamily family, EfuseKey? key = null, byte[]? mac = null, int? flashSize = null, int seed = 1)
    {
        var profile = ChipProfiles.For(family);
        int size = flashSize ?? (int)profile.DefaultFlashSize;
        var image = new byte[size];
        Array.Fill(image, (byte)0xFF);
        var rng = new Random(seed);

        // Bootloader: logical 0x0000.. in CRC-16 blocks up to physical 0x11000.
        var boot = new byte[0xEA20];
        rng.NextBytes(boot);
        WriteCrcBlocks(image, 0, boot);
        if (family is ChipFamily.BK7231N or ChipFamily.BK7231M or ChipFamily.BK7238)
        {
            "BK7231\0\0"u8.CopyTo(image.AsSpan(0x110));
            FixBlock(image, 0x110 / 34 * 34);
        }
        ForceBootloaderIdentity(image, profile);

        // App: logical 0x10000.. at physical 0x11000.
        var app = new byte[0x90000];
        rng.NextBytes(app);
        WriteCrcBlocks(image, (int)profile.AppOffset, app);

        // RF calibration TLV with the MAC at +0x24.
        WriteRf(image, (int)profile.RfOffset, mac ?? DefaultMac(family));
        return image;
    }

    private static void ForceBootloaderIdentity(byte[] image, ChipProfile profile)
    {
        var known = ChipProfiles.Bootloaders.FirstOrDefault(b => b.Family == profile.Family);
        if (known is null) return; // e.g. BK7231M vendor bootloaders are unknown to the anchors' tables
        int length = profile.CrcEndInclusive ? 257 : 256;
        // Bytes 240..243 are data bytes of block 7 (238..271), whose CRC-16 (270..271) lies outside the range.
        CrcForge.Force(image.AsSpan(0, length), 240, known.Crc32);
        FixBlock(image, 238);
    }

    private static void WriteRf(byte[] image, int at, byte[] mac)
    {
        var rf = new List<byte>();
        void U32(uint v) => rf.AddRange(BitConverter.GetBytes(v));
        rf.AddRange("TLV\0"u8.ToArray());
        U32(0x62);
        U32(0x11111100); U32(0x5A);
        U32(0x11111101); U32(4); rf.AddRange([0x4E, 0x61, 0xBC, 0x00]);
        U32(0x11111102); U32(6); rf.AddRange(mac);
        U32(0x11111103); U32(4); rf.AddRange([0x5E, 0x01, 0x00, 0x00]);
        U32(0x11111104); U32(4); rf.AddRange([0x8E, 0x15, 0x53, 0x01]);
        U32(0x11111105); U32(4); rf.AddRange([0x0C, 0x00, 0x00, 0x00]);
        U32(0x11111106); U32(4); rf.AddRange([0x55, 0x00, 0x54, 0x03]);
        U32(0x11111107); U32(8); rf.AddRange([0x80, 0, 0, 0, 0x80, 0, 0, 0]);
        rf.ToArray().CopyTo(image, at);
    }

    private static void WriteCrcBlocks(byte[] image, int physical, ReadOnlySpan<byte> logical)
    {
        for (int i = 0; i < logical.Length; i += 32)
        {
            int at = physical + i / 32 * 34;
            var chunk = logical.Slice(i, Math.Min(32, logical.Length - i));
            image.AsSpan(at, 32).Fill(0xFF);
            chunk.CopyTo(image.AsSpan(at));
            FixBlock(image, at);
        }
    }

    private static void FixBlock(byte[] image, int blockStart)
    {
        ushort crc = Crc16(image.AsSpan(blockStart, 32));
        image[blockStart + 32] = (byte)(crc >> 8);
        image[blockStart + 33] = (byte)crc;
    }

    private static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (int k = 0; k < 8; k++) crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x8005) : (ushort)(crc << 1);
        }
        return crc;
    }
}
