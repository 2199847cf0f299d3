using BkTui.Core.Chips;
using BkTui.Core.Compatibility;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;
using Xunit.Abstractions;

namespace BkTui.Tests.Compatibility;

/// <summary>Issue 11 item 7: images incomplete or damaged by their own structure are told apart from whole ones.</summary>
public sealed class ImageIntegrityTests(ITestOutputHelper output)
{
    private static IntegrityVerdict Check(byte[] file) => ImageIntegrity.Check(file, FirmwareInspector.Inspect(file));

    private static readonly FlashImageSpec Spec = new() { Family = ChipFamily.BK7231N, Seed = 9, AppBanner = "OpenBK7231N_1.18.21" };

    [Fact]
    public void Whole_builds_and_dumps_are_intact()
    {
        Assert.True(Check(FlashImageBuilder.Qio(Spec, EfuseKey.Tuya)).Intact);
        Assert.True(Check(FlashImageBuilder.App(Spec, EfuseKey.Tuya)).Intact);
        Assert.True(Check(FlashImageBuilder.App(Spec, EfuseKey.Tuya, withRbl: true)).Intact);
        Assert.True(Check(FlashImageBuilder.Build(Spec)).Intact);
    }

    [Fact]
    public void A_whole_dump_cut_at_one_and_a_half_mib_is_not_a_qio_build()
    {
        var cut = FlashImageBuilder.Build(Spec)[..0x180000];
        Assert.Equal(FirmwareKind.Qio, FirmwareInspector.Inspect(cut).Kind); // what the inspector alone believed
        var v = Check(cut);
        Assert.False(v.Intact);
        Assert.Contains("cut short", v.Text);
    }

    [Fact]
    public void An_app_cut_in_the_middle_of_a_crc16_block_is_refused()
    {
        var app = FlashImageBuilder.App(Spec, EfuseKey.Tuya);
        var v = Check(app[..(app.Length - 17)]);
        Assert.Contains("middle of a CRC-16 block", v.Text);
    }

    [Fact]
    public void A_broken_crc16_block_is_refused()
    {
        var app = FlashImageBuilder.App(Spec, EfuseKey.Tuya);
        app[34 * 40 + 5] ^= 0x10;
        Assert.Contains("CRC-16 block(s) of the app are broken (first at 0x550)", Check(app).Text);
    }

    [Fact]
    public void Code_that_no_longer_matches_its_rbl_header_is_refused_even_with_valid_blocks()
    {
        var qio = FlashImageBuilder.Qio(Spec, EfuseKey.Tuya);
        // Change one code byte and re-seal its block: CRC-16 is fine, the RBL payload CRC is not.
        var at = 0x11000 + 34 * 100;
        qio[at + 3] ^= 0xFF;
        CrcBlocks.WriteBlock(qio.AsSpan(at, 32), qio.AsSpan(at, 34));
        Assert.Contains("does not match its RBL header", Check(qio).Text);
    }

    [Fact]
    public void A_damaged_rbl_header_is_refused()
    {
        var qio = FlashImageBuilder.Qio(Spec, EfuseKey.Tuya);
        var header = 0x129F0A;
        qio[header + 20] ^= 0x01; // a name byte; re-seal the block so only the header CRC can tell
        CrcBlocks.WriteBlock(qio.AsSpan(header, 32), qio.AsSpan(header, 34));
        Assert.Contains("RBL header of the app", Check(qio).Text);
    }

    [Fact]
    public void A_wiped_range_inside_the_code_is_refused()
    {
        var app = FlashImageBuilder.App(Spec, EfuseKey.Tuya);
        app.AsSpan(34 * 10, 34 * 20).Fill(0xFF); // block-aligned: every block still "valid or erased"
        Assert.Contains("erased (FF) blocks at 0x154 followed by code again", Check(app).Text);
    }

    [Fact]
    public void Four_kib_of_zeros_in_a_whole_dump_are_refused()
    {
        var dump = FlashImageBuilder.Build(Spec);
        dump.AsSpan(0x150000, 0x1000).Clear(); // OTA download area: no checksum covers it
        Assert.Contains("zero bytes from 0x150000", Check(dump).Text);
    }

    [Fact]
    public void Every_real_dump_is_intact_except_the_rotated_ones()
    {
        foreach (var name in SharedDumps.Names())
        {
            var dump = SharedDumps.Load(name)!;
            var image = FirmwareInspector.Inspect(dump, name);
            if (image.Kind != FirmwareKind.FullDump) continue;
            var v = ImageIntegrity.Check(dump, image);
            var rotated = name.StartsWith("LED-Moon") || name.StartsWith("Lepro");
            Assert.True(v.Intact != rotated, $"{name}: {v.Text}");
        }
    }

    /// <summary>
    /// Seeded damage to the real dumps (as the bad-input run did): truncation, zeroed, FF'd and
    /// shuffled ranges. Truncation and zeroed ranges of 4 KiB or more are always caught; FF'd and
    /// shuffled ranges are caught when they touch structure (docs/compatibility.md gives the counts).
    /// </summary>
    [Fact]
    public void Seeded_damage_to_real_dumps_is_refused()
    {
        var counts = DamageCampaign.Run(SharedDumps.Names().Select(n => SharedDumps.Load(n)!).Where(d => d.Length == 0x200000).ToList(), seed: 11, perDump: 4);
        foreach (var (kind, (caught, total, noop)) in counts)
        {
            output.WriteLine($"{kind}: {caught}/{total} refused ({noop} left the dump unchanged)");
            if (total == 0) continue;
            if (kind is "truncated" or "zeroed") Assert.True(caught == total, $"{kind}: {caught}/{total}");
            else Assert.True(caught >= (total - noop) * 9 / 10, $"{kind}: {caught}/{total} ({noop} changed nothing)");
        }
    }
}
