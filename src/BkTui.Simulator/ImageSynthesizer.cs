using System.Buffers.Binary;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rbl;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.TuyaKv;

namespace BkTui.Simulator;

/// <summary>
/// Builds a realistic flash image for a family (flash-formats.md §1–§7): the bootloader in 34-byte
/// CRC-16 blocks, encrypted with the chip's key, with its plaintext FAL table, the plaintext
/// <c>BK7231</c> marker on N-type parts and its RBL header at 0x10F9A — and identifying by its first
/// bytes' CRC as a bootloader the anchors know (protocol.md §7.1); the app, encrypted, with its RBL
/// header at 0x129F0A; the RF calibration TLV with a MAC at the family's RF offset; a Tuya KV
/// region where the family has one. Deterministic for a given seed.
/// </summary>
public static class ImageSynthesizer
{
    private const uint BootloaderLogicalSize = 0x10000;
    private const uint AppLogicalSize = 0x108700;
    private const uint BootRawSize = 0xEA1C;   // as the Tuya N 1.0.1 bootloader
    private const uint AppRawSize = 0xC8010;

    /// <summary>The MAC a synthesized image carries unless told otherwise (one per family, not a template placeholder).</summary>
    public static byte[] DefaultMac(ChipFamily family) => [0xC8, 0x47, 0x8C, 0x5A, 0x10, (byte)family];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ChipFamily, EfuseKey?, MacAddress?, int?, int), byte[]> Cache = new();

    /// <summary>
    /// A new image (a fresh copy each call; identical inputs give identical bytes). <paramref name="mac"/>:
    /// 6 bytes in transmission order, default <see cref="DefaultMac"/>; key: the family's default.
    /// </summary>
    public static byte[] Create(ChipFamily family, EfuseKey? key = null, byte[]? mac = null, int? flashSize = null, int seed = 1)
    {
        if (mac is not null && mac.Length != 6) throw new ArgumentException($"A MAC is 6 bytes, not {mac.Length}.", nameof(mac));
        return Create(family, key, mac is null ? null : MacAddress.FromBytes(mac), flashSize, seed);
    }

    private static byte[] Create(ChipFamily family, EfuseKey? key, MacAddress? mac, int? flashSize, int seed)
    {
        // Building takes a few hundred ms (encryption word by word); tests and demos ask for the same few images.
        if (Cache.Count > 32) Cache.Clear();
        return (byte[])Cache.GetOrAdd((family, key, mac, flashSize, seed), k => Build(k.Item1, k.Item2, k.Item3, k.Item4, k.Item5)).Clone();
    }

    private static byte[] Build(ChipFamily family, EfuseKey? key, MacAddress? mac, int? flashSize, int seed)
    {
        var profile = ChipProfiles.For(family);
        var k = key ?? profile.DefaultEfuseKey;
        int size = flashSize ?? (int)profile.DefaultFlashSize;
        if (!FlashMemory.IsValidSize(size) || size < 0x200000) throw new ArgumentException($"Flash size {size} is not supported for a synthesized image (2 MiB or more, power of two).");
        var image = new byte[size];
        Array.Fill(image, (byte)0xFF);
        var rng = new Random(seed);

        var boot = BootloaderPlain(profile, k, rng);
        Place(image, 0, boot, 0, BootRawSize + 4);
        Place(image, 0, boot, BootloaderLogicalSize - RblHeader.Size, RblHeader.Size);
        Encrypt(image, 0, (int)profile.AppOffset, CodeImage.BootloaderLogical, k);
        ForceBootloaderIdentity(image, profile);

        var app = AppPlain(profile, rng);
        Place(image, CodeImage.AppLogical, app, 0, AppRawSize + 0x10);
        Place(image, CodeImage.AppLogical, app, AppLogicalSize - RblHeader.Size, RblHeader.Size);
        Encrypt(image, (int)profile.AppOffset, (int)CrcBlocks.LogicalToPhysical(CodeImage.AppLogical + AppLogicalSize) - (int)profile.AppOffset, CodeImage.AppLogical, k);

        RfTemplate.Build(family, mac ?? MacAddress.FromBytes(DefaultMac(family))).CopyTo(image, (int)profile.RfOffset);

        if (profile.TuyaKvOffset is uint kv && profile.TuyaKvLength >= 0x2000 && kv + profile.TuyaKvLength <= size)
        {
            var deviceKey = new byte[16];
            rng.NextBytes(deviceKey);
            var region = TuyaKvWriter.Build(deviceKey, TuyaEntries(family, mac ?? MacAddress.FromBytes(DefaultMac(family))), (int)(profile.TuyaKvLength / 0x1000) - 1);
            region.CopyTo(image, (int)kv);
        }
        return image;
    }

    /// <summary>Logical bootloader: vector table, its own key words at 0x48 (§3.5), the N marker, code, FAL table, RBL header.</summary>
    private static byte[] BootloaderPlain(ChipProfile profile, EfuseKey key, Random rng)
    {
        var b = new byte[BootloaderLogicalSize];
        Array.Fill(b, (byte)0xFF);
        rng.NextBytes(b.AsSpan(0, (int)BootRawSize));
        WriteVectorTable(b);
        key.ToEfuseBytes().CopyTo(b, 0x48);
        if (profile.Protocol == BootProtocol.Full) "BK7231\0\0"u8.CopyTo(b.AsSpan(0x100));
        Text(b, 0x2000, $"{BannerOf(profile)}\0[ARM ANOMALY]\0go os_addr(0x%x)\0");
        var fal = FalTable.Build(FalTable.Default(profile.OtaOffset ?? 0x12A000));
        fal.CopyTo(b, (int)BootRawSize - fal.Length);
        var header = RblHeader.ForPayload("bootloader", "1.00", b.AsSpan(0, (int)BootRawSize), BootRawSize + 4, 1577836800).ToBytes();
        header.CopyTo(b, (int)(BootloaderLogicalSize - RblHeader.Size));
        return b;
    }

    private static byte[] AppPlain(ChipProfile profile, Random rng)
    {
        var a = new byte[AppLogicalSize];
        Array.Fill(a, (byte)0xFF);
        rng.NextBytes(a.AsSpan(0, (int)AppRawSize));
        WriteVectorTable(a);
        Text(a, 0x400, $"{profile.Family}_tuya_app 1.0.0\0bk_misc_init_start_type\0[Flash]id:0x%x\0");
        var header = RblHeader.ForPayload("app", "1.00", a.AsSpan(0, (int)AppRawSize), AppRawSize + 0x10, 1577836800).ToBytes();
        header.CopyTo(a, (int)(AppLogicalSize - RblHeader.Size));
        return a;
    }

    private static IEnumerable<KeyValuePair<string, byte[]>> TuyaEntries(ChipFamily family, MacAddress mac)
    {
        string platform = family switch { ChipFamily.BK7231T => "bk7231t", ChipFamily.BK7238 => "T1", ChipFamily.BK7252 => "bk7252", ChipFamily.BK7231U => "bk7231u", _ => "bk7231n" };
        string module = family switch { ChipFamily.BK7231T => "WB3S", ChipFamily.BK7238 => "T1-2S", _ => "CB2S" };
        KeyValuePair<string, byte[]> E(string k, string v) => new(k, Encoding.ASCII.GetBytes(v));
        yield return E("gw_bi", $"{{\"uuid\":\"simu{(int)family:x2}a1b2c3d4e5f6\",\"psk_key\":\"SimPskKeyNotSecret0123456789abcd\",\"auth_key\":\"SimAuthKeyNotSecret0123456789ab\",\"ap_ssid\":\"SmartLife\",\"ap_passwd\":\"\",\"country_code\":\"EU\",\"bt_mac\":\"{mac.ToString().Replace(":", "")}\",\"prod_test\":false,\"fac_pin\":\"\"}}");
        yield return E("gw_wsm", "{\"nc_tp\":3,\"ssid\":\"SimHomeWifi\",\"passwd\":\"sim-wifi-pass\",\"md\":0,\"random\":1234,\"stat\":4,\"region\":\"EU\"}");
        yield return E("gw_di", $"{{\"id\":\"bf00sim{(int)family:x2}device\",\"swv\":\"1.0.0\",\"bv\":\"40.00\",\"pv\":\"2.2\",\"pk\":\"simproductkey00\",\"dev_swv\":\"1.0.0\",\"dtp\":0}}");
        yield return E("user_param_key", $"{{Jsonver:1.1.8,module:{module},netled_pin:8,netled_lv:0,rl1_pin:6,rl1_lv:1,bt1_pin:7,bt1_lv:0,crc:65}}");
        yield return E("em_sys_env", platform);
    }

    private static string BannerOf(ChipProfile p) => p.Family switch
    {
        ChipFamily.BK7231T => "BK7231S_1.0.5",
        ChipFamily.BK7231M => "BK7231n_1.0.11",
        _ => $"{p.Family}_1.0.1",
    };

    private static void WriteVectorTable(byte[] logical)
    {
        // B reset; LDR pc,[pc,#0x14] ×7 — the ARM exception vectors every BK72xx image starts with.
        BinaryPrimitives.WriteUInt32LittleEndian(logical, 0xEA00000E);
        for (int i = 1; i < 8; i++) BinaryPrimitives.WriteUInt32LittleEndian(logical.AsSpan(i * 4), 0xE59FF014);
    }

    private static void Text(byte[] into, int at, string text) => Encoding.ASCII.GetBytes(text).CopyTo(into, at);

    /// <summary>Writes logical bytes [from, from+count) of a partition at logical base <paramref name="partitionLogical"/> as CRC blocks.</summary>
    private static void Place(byte[] image, uint partitionLogical, byte[] logical, uint from, uint count)
    {
        uint start = from / CrcBlocks.DataSize * CrcBlocks.DataSize;
        uint end = (from + count + CrcBlocks.DataSize - 1) / CrcBlocks.DataSize * CrcBlocks.DataSize;
        var blocks = CrcBlocks.ToPhysical(logical.AsSpan((int)start, (int)(end - start)));
        blocks.CopyTo(image, CrcBlocks.LogicalToPhysical(partitionLogical + start));
    }

    private static void Encrypt(byte[] image, int physical, int length, uint logicalStart, EfuseKey key)
    {
        var encrypted = CodeImage.Encrypt(image.AsSpan(physical, length), logicalStart, key);
        encrypted.CopyTo(image, physical);
    }

    /// <summary>
    /// Makes the first 256 (end-exclusive families) or 257 (inclusive) bytes carry the CRC of a known
    /// bootloader for this family, then repairs the touched block and the bootloader's RBL checksums.
    /// </summary>
    private static void ForceBootloaderIdentity(byte[] image, ChipProfile profile)
    {
        var known = ChipProfiles.Bootloaders.FirstOrDefault(b => b.Family == profile.Family);
        if (known is null) return; // BK7231M vendor bootloaders are unknown to the anchors' tables, as in reality
        int length = profile.CrcEndInclusive ? 257 : 256;
        // Bytes 240..243 are data of block 7 (physical 238..271), whose CRC-16 (270..271) lies outside the range.
        CrcForge.Force(image.AsSpan(0, length), 240, known.Crc32);
        CrcBlocks.WriteBlock(image.AsSpan(238, 32).ToArray(), image.AsSpan(238, 34));

        var logical = CrcBlocks.ToLogical(image.AsSpan(0, 0x11000));
        int headerAt = (int)(BootloaderLogicalSize - RblHeader.Size);
        var payload = logical.AsSpan(0, (int)BootRawSize);
        RblHeader.PatchChecksums(logical.AsSpan(headerAt, RblHeader.Size), RblHeader.PayloadCrc32(payload, BootRawSize + 4), RblHeader.Fnv1a(payload));
        Place(image, 0, logical, (uint)headerAt, RblHeader.Size);
    }
}
