using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.HexView;
using BkTui.Core.Formats.Obk;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

/// <summary>Where the OpenBeken config's passwords sit in a dump, and `bktui hexdump` masking them unless --reveal-secrets.</summary>
public sealed class ObkSecretRangesTests : IDisposable
{
    private const string Password = "pw-do-not-print-77";
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-secrets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Dump() => FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, IncludeObkConfig = true, WifiPassword = Password });

    [Fact]
    public void Synthetic_ConfigsWifiPassword_IsFoundWhereItsBytesAre()
    {
        var dump = Dump();
        var wifi = Assert.Single(ObkSecretRanges.Find(dump), r => r.What == "Wi-Fi password");
        Assert.Equal(Password, Encoding.ASCII.GetString(dump, (int)wifi.Start, wifi.Length));
        Assert.Equal((long)ChipProfiles.For(ChipFamily.BK7231N).ObkConfigOffset!.Value + 0x54, wifi.Start);
    }

    [Fact]
    public void HexdumpLines_MaskTheRange_InBothColumns()
    {
        var dump = Dump();
        var wifi = ObkSecretRanges.Find(dump).First(r => r.What == "Wi-Fi password");
        long row = wifi.Start & ~15L;
        var plain = string.Join("\n", HexDumpLines.Render(dump, row, 32, _ => null));
        Assert.Contains(Password[..10], plain);
        var masked = string.Join("\n", HexDumpLines.Render(dump, row, 32, _ => null, wifi.Contains));
        Assert.DoesNotContain(Password[..4], masked);
        Assert.DoesNotContain(Convert.ToHexStringLower(Encoding.ASCII.GetBytes(Password[..2])).Insert(2, " "), masked);
        Assert.Contains(new string(HexDumpLines.MaskedChar, 12), masked);
        Assert.Contains(HexDumpLines.MaskedHex + " " + HexDumpLines.MaskedHex, masked);
    }

    [Fact]
    public void HexdumpCli_MasksThePassword_UnlessRevealSecrets()
    {
        var dump = Dump();
        var path = Path.Combine(_dir, "dump.bin");
        File.WriteAllBytes(path, dump);
        var wifi = ObkSecretRanges.Find(dump).First(r => r.What == "Wi-Fi password");
        var start = $"0x{wifi.Start & ~0xFFL:X}";
        var masked = BktuiProcess.Run("hexdump", path, "--start", start, "--length", "0x200");
        Assert.Equal(0, masked.ExitCode);
        Assert.DoesNotContain(Password[..6], masked.Stdout);
        Assert.Contains($"# secrets masked (Wi-Fi password at 0x{wifi.Start:X}", masked.Stdout);
        Assert.Contains("--reveal-secrets shows them", masked.Stdout);
        var revealed = BktuiProcess.Run("hexdump", path, "--start", start, "--length", "0x200", "--reveal-secrets");
        Assert.Contains(Password[..6], revealed.Stdout);
        Assert.DoesNotContain("secrets masked", revealed.Stdout);
    }

    [Fact]
    public void RealDumps_EveryRangeFoundIsInsideTheDump_AndNoneWithoutAConfig()
    {
        var names = SharedDumps.Names();
        if (names.Count == 0) return; // ../shared/dumps absent: nothing to read
        foreach (var name in names)
        {
            var dump = SharedDumps.Load(name)!;
            var ranges = ObkSecretRanges.Find(dump);
            bool hasConfig = Enumerable.Range(0, dump.Length / 4096).Any(s => ObkConfig.TryParse(dump.AsSpan(s * 4096, 4096)) is not null);
            if (!hasConfig) Assert.Empty(ranges);
            Assert.All(ranges, r => Assert.True(r.Start >= 0 && r.Start + r.Length <= dump.Length && !dump.AsSpan((int)r.Start, r.Length).Contains((byte)0), name));
        }
    }
}
