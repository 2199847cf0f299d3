using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Tests.Formats;

/// <summary>Dumps built by the project's own encoders: every family, both keys, rotated and damaged.</summary>
public class SyntheticDumpTests
{
    [Theory]
    [InlineData(ChipFamily.BK7231T, "tuya")]
    [InlineData(ChipFamily.BK7231N, "tuya")]
    [InlineData(ChipFamily.BK7231M, "zero")]
    [InlineData(ChipFamily.BK7231U, "zero")]
    [InlineData(ChipFamily.BK7238, "zero")]
    [InlineData(ChipFamily.BK7252, "zero")]
    public void Each_family_is_recognised_with_its_structures(ChipFamily family, string key)
    {
        var spec = new FlashImageSpec { Family = family, IncludeObkConfig = true };
        var r = DumpAnalyzer.Analyze(FlashImageBuilder.Build(spec));
        var profile = ChipProfiles.For(family);
        Assert.Equal(family.ToString(), r.Chip.Family);
        Assert.Equal(key, r.Encryption.Key);
        Assert.Equal(family != ChipFamily.BK7231M, r.Bootloader.Known); // M vendor bootloaders are not in the table
        Assert.Equal(0u, r.RotatedBy);
        Assert.Equal(FlashImageBuilder.DefaultMac(family).ToString(), r.Mac);
        Assert.Equal(profile.RfOffset, (uint)r.Rf.Offset!.Value);
        Assert.False(r.Rf.MacIsPlaceholder);
        Assert.Equal(profile.ObkConfigOffset, (uint?)r.Obk?.Offset);
        Assert.True(r.Obk!.CrcOk);
        Assert.Equal("bench-wifi", r.Obk.WifiSsid);
        Assert.Equal(new[] { "app", "bootloader" }, r.App.Rbls.Select(x => x.Name).Order());
        Assert.All(r.App.Rbls, x => Assert.True(x.PayloadOk));
        Assert.Contains(r.App.VersionStrings, s => s.StartsWith("< TUYA IOT SDK"));
        if (profile.TuyaKvOffset is { } kv && kv + profile.TuyaKvLength <= r.Size)
        {
            Assert.Equal(kv, (uint)r.Tuya!.Offset);
            Assert.Equal("1.1.7", r.Tuya.FirmwareVersion);
            Assert.Contains(r.Tuya.Pins, p => p is { Key: "rl1_pin", Pin: 6, Role: "Relay 1" });
        }
        Assert.DoesNotContain(r.Quality.Problems, p => p.Severity is "error" or "fatal");
        Assert.Equal(r.Bootloader.Known ? "A" : "B", r.Quality.Grade);
    }

    [Fact]
    public void Rotated_dump_is_detected_and_read_in_flash_order()
    {
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231T });
        var rotated = TestSupport.DumpEdits.Rotated(image, 0x11000);
        var r = DumpAnalyzer.Analyze(rotated);
        Assert.Equal(0x11000u, r.RotatedBy);
        Assert.Equal("BK7231T", r.Chip.Family);
        Assert.Equal(0x1E0000, r.Rf.Offset);
        Assert.Contains(r.Quality.Problems, p => p.Code == "rotated");
        Assert.Equal(DumpAnalyzer.Analyze(image).Mac, r.Mac);
    }

    [Fact]
    public void Damaged_blocks_missing_rf_and_placeholder_mac_are_problems()
    {
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, IncludeRf = false });
        image[0x11000 + 34 * 100 + 5] ^= 0x40;
        image[34 * 20 + 3] ^= 0x01;
        var r = DumpAnalyzer.Analyze(image);
        var bad = r.Quality.Problems.Single(p => p.Code == "bad-crc16-blocks");
        Assert.StartsWith("2 code block(s)", bad.Message);
        Assert.Contains(r.Quality.Problems, p => p.Code == "rf-missing");
        Assert.Null(r.Mac);
        Assert.Equal("C", r.Quality.Grade);
        Assert.Contains(r.Advice, a => a.Contains("Restore RF"));

        var placeholder = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Mac = RfTemplate.DefaultMac(ChipFamily.BK7231N) });
        var p2 = DumpAnalyzer.Analyze(placeholder);
        Assert.True(p2.Rf.MacIsPlaceholder);
        Assert.Contains(p2.Quality.Problems, p => p.Code == "rf-placeholder-mac");
    }

    [Fact]
    public void Bk7238_rf_sector_found_at_0x1E3000_is_used_with_advice_to_move_it()
    {
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7238 });
        image.AsSpan(0x1E0000, 4096).CopyTo(image.AsSpan(0x1E3000));
        image.AsSpan(0x1E0000, 4096).Fill(0xFF); // GFT: MAC bytes at 0x1E0024 all FF, sector moved (§6.5)
        var r = DumpAnalyzer.Analyze(image);
        Assert.Equal("BK7238", r.Chip.Family);
        Assert.Equal(0x1E3000, r.Rf.Offset);
        Assert.Equal(FlashImageBuilder.DefaultMac(ChipFamily.BK7238).ToString(), r.Mac);
        Assert.Contains("0x1E0000", r.Rf.Advice);
    }

    [Fact]
    public void Zero_key_n_chip_is_a_bk7231m_and_gets_the_m_build_advice()
    {
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Key = EfuseKey.Zero });
        var r = DumpAnalyzer.Analyze(image);
        Assert.Equal("BK7231M", r.Chip.Family);
        Assert.Equal("zero", r.Encryption.Key);
        Assert.Equal(["00000000", "00000000", "00000000", "00000000"], r.Encryption.Words);
        Assert.Contains(r.Advice, a => a.Contains("BK7231M"));
    }

    [Fact]
    public void Other_key_is_reported_without_words()
    {
        var key = new EfuseKey(0x11111111, 0x22222222, 0x33333333, 0x55001234);
        var r = DumpAnalyzer.Analyze(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Key = key }));
        Assert.Equal("other", r.Encryption.Key);
        Assert.Null(r.Encryption.Words);
        Assert.Equal("BK7231N", r.Chip.Family);
    }

    [Fact]
    public void Degenerate_inputs_give_fatal_grades_not_exceptions()
    {
        Assert.Equal("empty", DumpAnalyzer.Analyze([]).Quality.Problems.Single().Code);
        Assert.Equal("all-ff", DumpAnalyzer.Analyze(Enumerable.Repeat((byte)0xFF, 0x200000).ToArray()).Quality.Problems.Single().Code);
        Assert.Equal("all-00", DumpAnalyzer.Analyze(new byte[0x200000]).Quality.Problems.Single().Code);
        var truncated = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N })[..0x150000];
        var r = DumpAnalyzer.Analyze(truncated);
        Assert.True(r.Partial);
        Assert.Contains(r.Quality.Problems, p => p.Code == "truncated");
        Assert.Equal("BK7231N", r.Chip.Family);
    }

    [Fact]
    public void Forged_bootloader_crc_hits_the_target()
    {
        var data = new byte[300];
        new Random(5).NextBytes(data);
        Crc32Forge.Force(data.AsSpan(0, 257), 240, 0xE14191BA);
        Assert.Equal(0xE14191BAu, BekenCrc32.Standard(data.AsSpan(0, 257)));
    }
}
