using System.Buffers.Binary;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Obk;
using BkTui.Core.Formats.Rbl;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.TuyaKv;

namespace BkTui.Core.Formats.Synthesis;

/// <summary>
/// Builds realistic flash images from the format encoders, for tests and the simulator: an encrypted
/// bootloader (vector table, version text, key slot, plaintext FAL table, RBL header), an encrypted app
/// with its RBL header, the RF TLV, Tuya KV storage and optionally an OpenBeken config — each exactly as
/// the analyzer and the real devices lay them out (flash-formats.md §1–8).
/// </summary>
public static class FlashImageBuilder
{
    public const int BootloaderEnd = 0x11000;
    public const int AppStart = 0x11000;
    public const int AppEnd = 0x129F70;

    public static byte[] Build(FlashImageSpec spec)
    {
        var profile = ChipProfiles.For(spec.Family);
        var key = spec.Key ?? profile.DefaultEfuseKey;
        var size = spec.FlashSize ?? (int)profile.DefaultFlashSize;
        if (size < 0x200000) throw new ArgumentException("Synthetic images need at least 2 MiB.");
        var image = new byte[size];
        image.AsSpan().Fill(0xFF);
        Qio(spec, key).CopyTo(image, 0);
        if (spec.IncludeRf)
            RfTemplate.Build(spec.Family, spec.Mac ?? DefaultMac(spec.Family)).CopyTo(image, (int)profile.RfOffset);
        if (spec.IncludeObkConfig && profile.ObkConfigOffset is { } obk)
            ObkConfigWriter.Build(spec.Family, spec.WifiSsid, spec.WifiPassword, deviceName: "obk" + (spec.Mac ?? DefaultMac(spec.Family)).ShortSuffix[2..])
                .CopyTo(image, (int)obk);
        if (spec.IncludeTuyaKv && profile.TuyaKvOffset is { } kv && kv + profile.TuyaKvLength <= size)
            TuyaKvWriter.Build(DeviceKey(spec.Seed), TuyaValues(spec), (int)(profile.TuyaKvLength / 4096) - 1).CopyTo(image, (int)kv);
        return image;
    }

    /// <summary>Bootloader + app from 0 (an OpenBeken-style QIO image), <paramref name="length"/> bytes (default 0x129F70), the app's RBL at its end.</summary>
    public static byte[] Qio(FlashImageSpec spec, EfuseKey key, int length = AppEnd)
    {
        var image = new byte[length];
        image.AsSpan().Fill(0xFF);
        Bootloader(spec, key).CopyTo(image, 0);
        App(spec, key, withRbl: true, length).CopyTo(image, AppStart);
        return image;
    }

    /// <summary>The app alone in CRC-16 blocks (an OpenBeken-style UA image); with the RBL it is the whole partition up to <paramref name="partitionEnd"/>.</summary>
    public static byte[] App(FlashImageSpec spec, EfuseKey key, bool withRbl = false, int partitionEnd = AppEnd)
    {
        var rng = new Random(spec.Seed * 31 + 7);
        var payload = new byte[Math.Max(0x1000, spec.AppPayloadSize) / 32 * 32];
        rng.NextBytes(payload);
        VectorTable(payload);
        var banner = Encoding.ASCII.GetBytes(spec.AppBanner + "\0");
        banner.CopyTo(payload, 0x400);
        new CodeCipher(key).Apply(payload, CodeImage.AppLogical);
        if (!withRbl) return CrcBlocks.ToPhysical(payload);
        var partition = new byte[partitionEnd - AppStart];
        partition.AsSpan().Fill(0xFF);
        CrcBlocks.ToPhysical(payload).CopyTo(partition, 0);
        WriteRbl(partition, "app", payload, (uint)payload.Length + 0x10);
        return partition;
    }

    /// <summary>The 0x11000-byte bootloader partition.</summary>
    public static byte[] Bootloader(FlashImageSpec spec, EfuseKey key)
    {
        var profile = ChipProfiles.For(spec.Family);
        var rng = new Random(spec.Seed);
        var raw = new byte[0xE000 + 0xC0];
        rng.NextBytes(raw);
        VectorTable(raw);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteUInt32LittleEndian(raw.AsSpan(0x48 + 4 * i), key[i]); // key slot (§3.5)
        Encoding.ASCII.GetBytes(BootText(spec.Family) + "\0").CopyTo(raw, 0x94);
        "[ARM ANOMALY]\0"u8.CopyTo(raw.AsSpan(0x46AC));
        new CodeCipher(key).Apply(raw, 0);
        var download = profile.OtaOffset ?? 0x132000;
        FalTable.Build(FalTable.Default(download)).CopyTo(raw, raw.Length - 0xC0); // stored in clear
        var marker = spec.Family is ChipFamily.BK7231N or ChipFamily.BK7231M;
        if (marker) "BK7231\0\0"u8.CopyTo(raw.AsSpan(0x100));
        var partition = new byte[BootloaderEnd];
        partition.AsSpan().Fill(0xFF);
        CrcBlocks.ToPhysical(raw).CopyTo(partition, 0);
        if (spec.KnownBootloader && ChipProfiles.Bootloaders.FirstOrDefault(b => b.Family == spec.Family) is { } known)
        {
            var length = profile.CrcEndInclusive ? 257 : 256;
            // Bytes 240..243 are data of block 7 (238..271), whose CRC-16 lies outside the identity range.
            Crc32Forge.Force(partition.AsSpan(0, length), 240, known.Crc32);
            CrcBlocks.WriteBlock(partition.AsSpan(238, 32), partition.AsSpan(238, 34));
        }
        var logical = CrcBlocks.ToLogical(partition.AsSpan(0, (int)CrcBlocks.LogicalToPhysical((uint)raw.Length)));
        WriteRbl(partition, "bootloader", logical, (uint)raw.Length + 4);
        return partition;
    }

    /// <summary>A fixed, non-placeholder MAC per family (Tuya OUI, distinct tails).</summary>
    public static MacAddress DefaultMac(ChipFamily family) => new(0xC8, 0x47, 0x8C, 0x42, 0x10, (byte)(0x20 + (int)family));

    private static string BootText(ChipFamily f) => f switch
    {
        ChipFamily.BK7231N => "BK7231N_1.0.1",
        ChipFamily.BK7231M => "BK7231n_1.0.11",
        ChipFamily.BK7231T => "BK7231S_1.0.5",
        ChipFamily.BK7231U => "BK7231U_1.0.6",
        ChipFamily.BK7238 => "BK7238_1.0.14",
        ChipFamily.BK7252 => "BK7252_0.1.3",
        _ => "BK72xx_0.0.0",
    };

    private static void VectorTable(byte[] code)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(code, 0xEA00000E);
        for (var i = 4; i < 32; i += 4) BinaryPrimitives.WriteUInt32LittleEndian(code.AsSpan(i), 0xE59FF014);
    }

    /// <summary>RBL header in CRC-16 form as the last 96 logical bytes of the partition.</summary>
    private static void WriteRbl(byte[] partition, string name, ReadOnlySpan<byte> payload, uint packageSize)
    {
        var header = RblHeader.ForPayload(name, "1.00", payload, packageSize, timestamp: 1_600_000_000).ToBytes();
        // At the end of the partition's last whole CRC-16 block (OpenBK7231T's 0xEF000-byte app partition leaves 16 bytes after it).
        var logicalEnd = (uint)(partition.Length / CrcBlocks.BlockSize * CrcBlocks.DataSize);
        var at = (int)CrcBlocks.LogicalToPhysical(logicalEnd - RblHeader.Size);
        CrcBlocks.ToPhysical(header).CopyTo(partition, at);
    }

    private static byte[] DeviceKey(int seed)
    {
        var k = new byte[16];
        new Random(seed * 97 + 3).NextBytes(k);
        for (var i = 0; i < k.Length; i++) k[i] = (byte)('a' + k[i] % 26);
        return k;
    }

    private static IEnumerable<KeyValuePair<string, byte[]>> TuyaValues(FlashImageSpec spec)
    {
        var module = spec.TuyaModule.Length > 0 ? spec.TuyaModule : spec.Family switch
        {
            ChipFamily.BK7231N or ChipFamily.BK7231M => "CB2S",
            ChipFamily.BK7238 => "T1-2S",
            _ => "WB2S",
        };
        var pins = spec.TuyaPins ?? new Dictionary<string, int> { ["rl1_pin"] = 6, ["bt_pin"] = 7, ["netled1_pin"] = 8 };
        var upk = "{Jsonver:1.1.8,module:" + module + "," + string.Concat(pins.Select(p => $"{p.Key}:{p.Value},")) + "crc:101,}";
        byte[] B(string s) => Encoding.ASCII.GetBytes(s);
        yield return new("user_param_key", B(upk));
        yield return new("gw_wsm", B($"{{\"nc_tp\":0,\"ssid\":\"{spec.WifiSsid}\",\"passwd\":\"{spec.WifiPassword}\",\"md\":0,\"token\":\"tok{spec.Seed:D6}secret\",\"stat\":0}}"));
        yield return new("gw_bi", B($"{{\"uuid\":\"uuid{spec.Seed:D12}\",\"psk_key\":\"psk{spec.Seed:D8}secret\",\"auth_key\":\"auth{spec.Seed:D8}secret\",\"ap_ssid\":\"SmartLife\",\"country_code\":\"EU\"}}"));
        yield return new("gw_di", B($"{{\"abi\":0,\"swv\":\"{spec.TuyaFirmwareVersion}\",\"bv\":\"40.00\",\"pv\":\"2.2\"}}"));
    }
}
