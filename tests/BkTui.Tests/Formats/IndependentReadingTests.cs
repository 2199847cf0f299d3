using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BkTui.Core.Formats;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

/// <summary>
/// Checks the analyzer against readings made here by other means (GFT/LTC's fixed-offset MAC rule,
/// a brute AES decryption of the Tuya area searched with regular expressions, versions people wrote
/// into the file names) — never against constants copied from the analyzer's own output.
/// </summary>
public partial class IndependentReadingTests
{
    public static IEnumerable<object[]> FullDumps =>
        RealDumpAppendixTests.Table.Where(r => r.RawTlv is not null).Select(r => new object[] { r.File });

    [Theory]
    [MemberData(nameof(FullDumps))]
    public void Mac_equals_the_bytes_at_tlv_plus_0x24_when_the_tag_matches(string file)
    {
        var dump = SharedDumps.Load(file);
        if (dump is null) return;
        var row = RealDumpAppendixTests.Table.Single(r => r.File == file);
        var tlv = (int)row.RawTlv!.Value;
        // LTC's rule: the 8 bytes at 0x1C are the MAC item's tag and length.
        Assert.Equal(new byte[] { 0x02, 0x11, 0x11, 0x11, 0x06, 0, 0, 0 }, dump[(tlv + 0x1C)..(tlv + 0x24)]);
        var expected = string.Join(":", dump[(tlv + 0x24)..(tlv + 0x2A)].Select(b => b.ToString("X2")));
        Assert.Equal(expected, DumpAnalyzer.Analyze(dump).Mac);
    }

    [Theory]
    [MemberData(nameof(FullDumps))]
    public void Tuya_module_pins_and_version_match_a_brute_decryption(string file)
    {
        var dump = SharedDumps.Load(file);
        if (dump is null) return;
        var row = RealDumpAppendixTests.Table.Single(r => r.File == file);
        var blob = DecryptTuyaArea(dump, (int)row.RawKeyBlock);
        var report = DumpAnalyzer.Analyze(dump);
        var tuya = report.Tuya!;

        // Values are split over pages that need not be in order, so compare pair by pair: every
        // "name_pin:N" in the decrypted area is reported, and every reported pin is in the area.
        var hasConfig = blob.Contains("Jsonver:") || blob.Contains("module:");
        Assert.Equal(hasConfig, tuya.UserConfig is not null); // TuyaMCU devices have no module config
        var module = Module().Match(blob);
        if (module.Success) Assert.Equal(module.Groups[1].Value, tuya.Module);
        var inBlob = PinPair().Matches(blob).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value)))
            .Where(p => p.Item2 < 64).ToHashSet();
        var reported = tuya.Pins.Where(p => p.Key.EndsWith("_pin")).Select(p => (p.Key, p.Pin)).ToHashSet();
        Assert.Subset(reported, inBlob);
        foreach (var (key, pin) in reported) Assert.Matches($"[{{,]{key}:{pin}[,}}]", blob);

        var swv = Swv().Matches(blob).Select(m => m.Groups[1].Value).ToHashSet();
        if (swv.Count == 0) Assert.Null(tuya.FirmwareVersion);
        else Assert.Contains(tuya.FirmwareVersion!, swv);
        var nameVersion = FileVersion().Match(file);
        if (nameVersion.Success) Assert.Equal(nameVersion.Groups[1].Value, tuya.FirmwareVersion);
    }

    /// <summary>Key block at <paramref name="keyBlock"/>, then every later 4 KiB block decrypted with the derived data key.</summary>
    private static string DecryptTuyaArea(byte[] dump, int keyBlock)
    {
        using var master = Aes.Create();
        master.Key = "qwertyuiopasdfgh"u8.ToArray();
        var head = master.DecryptEcb(dump.AsSpan(keyBlock, 32), PaddingMode.None);
        var deviceKey = head[8..24];
        var dataKey = new byte[16];
        for (var i = 0; i < 16; i++) dataKey[i] = (byte)("8710"[i % 4] + "HHRRQbyemofrtytf"[i] + deviceKey[i]);
        using var aes = Aes.Create();
        aes.Key = dataKey;
        var sb = new StringBuilder();
        // Header pages (first 128 bytes of a block) are dropped so values continued in the next block stay contiguous.
        for (var s = keyBlock + 4096; s + 4096 <= dump.Length && s < keyBlock + 0x12000; s += 4096)
            sb.Append(Encoding.Latin1.GetString(aes.DecryptEcb(dump.AsSpan(s, 4096), PaddingMode.None).AsSpan(128)));
        return sb.ToString();
    }

    [GeneratedRegex(@"module:([A-Za-z0-9_\-]+)")] private static partial Regex Module();
    [GeneratedRegex(@"[{,]([a-z0-9_]+_pin):([0-9]+)[,}]")] private static partial Regex PinPair();
    [GeneratedRegex("\"swv\":\"([0-9.]+)\"")] private static partial Regex Swv();
    [GeneratedRegex(@"-v([0-9]+\.[0-9]+\.[0-9]+)")] private static partial Regex FileVersion();
}
