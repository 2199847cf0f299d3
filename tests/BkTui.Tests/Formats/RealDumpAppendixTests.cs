using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

/// <summary>
/// flash-formats.md §12: the expected readings of every shared dump (a floor). Positions in the
/// table are raw file offsets; rotated dumps are compared after mapping with the detected rotation.
/// </summary>
public class RealDumpAppendixTests
{
    public sealed record Row(string File, long Size, uint Crc256, uint Crc257, bool Marker, string? BootText,
        uint? Download, uint[] RawRbls, uint? RawTlv, uint? TlvLength, uint RawKeyBlock);

    private const uint NCrc256 = 0x4063D299, NCrc257 = 0xE14191BA;
    private static Row N(string f, uint tlvLen = 0x1F6) => new(f, 0x200000, NCrc256, NCrc257, true, "BK7231N_1.0.1", 0x12A000, [0x10F9A, 0x129F0A], 0x1D0000, tlvLen, 0x1EE000);
    private static Row T(string f, uint c256, uint c257, string text, uint tlvLen = 0x1E0) => new(f, 0x200000, c256, c257, false, text, 0x132000, [0x10F9A, 0x129F0A], 0x1E0000, tlvLen, 0x1EE000);
    private static Row Rotated(string f, uint c256, uint c257) => new(f, 0x200000, c256, c257, false, null, null, [0x118F0A, 0x1FFF9A], 0x1CF000, 0x1E0, 0x1DD000);

    public static readonly Row[] Table =
    [
        N("Allegro-Berge-MI0014-30-x-5-cm-Milio.bin"),
        N("BK7231N_LSPA9_Clone_First_ByDarkMan-topic3887748.bin"),
        N("BK7231N_LSPA9_Clone_Second_ByDarkMan-topic3887748.bin"),
        new("BK7231T_TuyaConfig_PC44HA.bin", 0x12000, 0, 0, false, null, null, [], null, null, 0x0),
        T("Biltema-24264-A15-E27-CCT-Mini-Globe-Bulb.bin", 0xE5CBC953, 0x9B8E6309, "BK7231S_1.0.6"),
        T("Brilo-8464455-Ceiling-Light.bin", 0xBA54C1B8, 0xAC09C7F1, "BK7231S_1.0.5"),
        T("Daybetter-FLSL501115WIFITY-RGB-LED-Strip.bin", 0xBA54C1B8, 0xAC09C7F1, "BK7231S_1.0.5"),
        N("ELEGRP-DPR10-Touch-Dimmer-Switch-TuyaMCU.bin"),
        N("Feconn-FE-MR16-5W-GU5.3-RGBCT-Bulb.bin"),
        T("Feit-SYW-BR30-RGBW-CA-AG-Bulb.bin", 0xBA54C1B8, 0xAC09C7F1, "BK7231S_1.0.5"),
        T("Globe-Electric-37783-RGBCT-Bulb-v2.0.0.bin", 0x4B31E44D, 0x0A44F5B3, "BK7231S_1.0.4", 0x10C),
        N("Kanlux-33643-S-GU10-RGBCCT-Bulb.bin", 0x62),
        Rotated("LED-Moon-18W-CCT-Kobi.bin", 0x9D9D8F18, 0xE0471EE1),
        Rotated("Lepro-WiFi-Smart-Bulb-GU10-RGBW-902002-eu-2.bin", 0x7EFD1F0A, 0x131D0F39),
        N("MOES-WK-US2-TC-In-Wall-Outlet.bin"),
        N("Mirabella-Genio-I003632-Plug.bin"),
        N("QS-WIFI-C03-wifi-gate-opener-module.bin"),
        N("SmartLED-8044-1-Gange-Smart-Switch.bin"),
        N("SmartLED-8046-2-Gang-Smart-Switch.bin"),
        N("Tuya-Generic-AP-SMT-Breaker02-1CH-Smart-Relay.bin"),
        T("Tuya-Generic-DS-101JL-4-Gang-Smart-Switch.bin", 0xBA54C1B8, 0xAC09C7F1, "BK7231S_1.0.5"),
        T("Tuya-Generic-GR-W-105-Water-Shutoff-Valve-v1.1.5.bin", 0xE5CBC953, 0x9B8E6309, "BK7231S_1.0.6"),
        N("Tuya-Generic-Motion-Sensor-CBU-v1.0.6-Kraslaw.bin"),
        N("Tuya-Generic-TYWB-4CH-RF-Smart-Switch.bin"),
    ];

    public static IEnumerable<object[]> Rows => Table.Select(r => new object[] { r.File });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Analysis_matches_the_appendix(string file)
    {
        var row = Table.Single(r => r.File == file);
        var dump = SharedDumps.Load(file);
        if (dump is null) return; // ../shared/dumps absent: nothing to compare against
        var r = DumpAnalyzer.Analyze(dump);
        Assert.Equal(row.Size, r.Size);
        var size = (uint)dump.Length;
        uint Phys(uint raw) => (raw + r.RotatedBy) % size;

        if (row.RawRbls.Length == 0)
        {
            // The Tuya-region-only file.
            Assert.True(r.Partial);
            Assert.False(r.Bootloader.Present);
            Assert.Equal(row.RawKeyBlock, (uint)r.Tuya!.Offset);
            Assert.Equal("unknown", r.Encryption.Key);
            return;
        }

        var rotated = row.Download is null;
        Assert.Equal(rotated ? 0x11000u : 0u, r.RotatedBy);
        // Raw CRCs of the file's first bytes are as the appendix says (rotated files start mid-flash).
        Assert.Equal(row.Crc256, BkTui.Core.Chips.BekenCrc32.Standard(dump.AsSpan(0, 256)));
        Assert.Equal(row.Crc257, BkTui.Core.Chips.BekenCrc32.Standard(dump.AsSpan(0, 257)));
        if (rotated)
            Assert.Equal("0xBA54C1B8", r.Bootloader.Crc32); // §11: rotated back, the T 1.0.5 bootloader
        else
            Assert.Equal($"0x{(row.Marker ? row.Crc257 : row.Crc256):X8}", r.Bootloader.Crc32);
        Assert.True(r.Bootloader.Known);
        if (row.BootText is not null) Assert.Equal(row.BootText, r.Bootloader.Text);
        Assert.Equal(row.Marker ? "BK7231N" : "BK7231T", r.Chip.Family);
        Assert.Equal("tuya", r.Encryption.Key);
        if (row.Download is { } dl)
            Assert.Equal(dl, (uint)r.Partitions.Single(p => p.Name == "download").Start);
        Assert.Equal(row.RawRbls.Select(Phys).Order(), r.App.Rbls.Select(x => (uint)x.Offset).Order());
        Assert.All(r.App.Rbls, x => Assert.True(x.PayloadOk));
        Assert.Equal(Phys(row.RawTlv!.Value), (uint)r.Rf.Offset!.Value);
        Assert.Equal(row.TlvLength, r.Rf.Length);
        Assert.Equal(Phys(row.RawKeyBlock), (uint)r.Tuya!.Offset);
        Assert.DoesNotContain(r.Quality.Problems, p => p.Code == "bad-crc16-blocks");
        Assert.Contains(r.Quality.Grade, new[] { "A", "B" });
    }

    /// <summary>DumpAnalyzer.Analyze(byte[]) reads the caller's array in place (no copy): it must not change a byte of it.</summary>
    [Theory]
    [MemberData(nameof(Rows))]
    public void Analysis_leaves_the_callers_array_as_it_was(string file)
    {
        var dump = SharedDumps.Load(file);
        if (dump is null) return;
        var before = dump.ToArray();
        var inPlace = DumpAnalyzer.Analyze(dump);
        Assert.Equal(before, dump);
        Assert.Equal(DumpAnalyzer.Analyze((ReadOnlySpan<byte>)before).ToJson(revealSecrets: true), inPlace.ToJson(revealSecrets: true));
    }

    [Fact]
    public void Masked_json_never_contains_the_secrets_it_decoded()
    {
        var dump = SharedDumps.Load("Brilo-8464455-Ceiling-Light.bin");
        if (dump is null) return;
        var r = DumpAnalyzer.Analyze(dump);
        var revealed = r.ToJsonNode(revealSecrets: true);
        var gwWsm = revealed["tuya"]!["values"]!["gw_wsm"]!.AsObject();
        var secrets = new[] { gwWsm["passwd"], gwWsm["token"], revealed["tuya"]!["deviceKey"], revealed["tuya"]!["values"]!["gw_bi"]!["auth_key"] }
            .Select(n => n?.ToString()).Where(s => !string.IsNullOrEmpty(s) && s.Length >= 6).ToList();
        Assert.NotEmpty(secrets);
        var masked = r.ToJson(revealSecrets: false);
        foreach (var s in secrets) Assert.DoesNotContain(s!, masked);
        Assert.Contains("\"key\": \"tuya\"", masked); // the key verdict is not a secret
        var text = DumpReportText.Render(r);
        foreach (var s in secrets) Assert.DoesNotContain(s!, text);
    }
}
