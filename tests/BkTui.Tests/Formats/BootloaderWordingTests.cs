using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

/// <summary>What a bootloader rewrite's consent calls the bytes that go to 0x000000 (tester finding F5).</summary>
public class BootloaderWordingTests
{
    private static string Wording(byte[] dump) => BootloaderWording.AtZero(DumpAnalyzer.Analyze(dump));

    [Fact]
    public void A_known_bootloader_is_named_from_the_list_with_its_crc()
    {
        var wording = Wording(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N }));
        var known = ChipProfiles.Bootloaders.Single(b => b.Family == ChipFamily.BK7231N);
        Assert.Equal($"bootloader {known.Name} (in the known list, CRC-32 0x{known.Crc32:X8} of bytes 0-256)", wording);
    }

    [Fact]
    public void A_vendor_bootloader_is_named_by_its_own_text_and_said_to_be_unknown()
    {
        var wording = Wording(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231M }));
        Assert.Matches(@"^bootloader BK7231n_1\.0\.11 \(not in the known list, CRC-32 0x[0-9A-F]{8} of bytes 0-25[56]\)$", wording); // the version is not said twice
        var analysis = DumpReportText.Render(DumpAnalyzer.Analyze(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231M })));
        Assert.Matches(@"Bootloader +BK7231n_1\.0\.11  CRC-32 0x[0-9A-F]{8} of bytes 0-25[56]  NOT in the known list", analysis); // nor in the analysis
    }

    [Fact]
    public void Valid_blocks_without_a_name_are_an_unidentified_bootloader()
    {
        var dump = DumpEdits.WithNamelessBootloader(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N }), seed: 5);
        Assert.Matches(@"^an unidentified bootloader, CRC-32 0x[0-9A-F]{8} of bytes 0-25[56]$", Wording(dump));
    }

    [Fact]
    public void An_erased_start_is_said_to_hold_no_bootloader()
    {
        var dump = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N });
        dump.AsSpan(0, 0x11000).Fill(0xFF);
        Assert.StartsWith("nothing the analysis recognises as a bootloader", Wording(dump));
    }

    [Fact]
    public void A_rotated_dump_does_not_put_its_bootloader_at_zero()
    {
        var rotated = DumpEdits.Rotated(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231T }), 0x11000);
        Assert.StartsWith("not this dump's bootloader: the file starts at flash 0x11000", Wording(rotated));
    }

    [Fact]
    public void A_real_dump_is_named_by_the_list_even_when_its_text_says_another_version()
    {
        // Its CRC-32 is bl_bk7231s_1.0.3's, its text "BK7231S_1.0.4" (RealDumpAppendixTests).
        if (SharedDumps.Load("Globe-Electric-37783-RGBCT-Bulb-v2.0.0.bin") is not { } dump) return; // ../shared/dumps absent
        Assert.Equal("bootloader bl_bk7231s_1.0.3 (in the known list, CRC-32 0x4B31E44D of bytes 0-255)", Wording(dump));
    }

    /// <summary>A raw write with --allow-bootloader names what the range gets (safety audit s9: 512 random bytes went in unnamed).</summary>
    [Fact]
    public void A_raw_write_into_the_bootloader_range_names_what_goes_there()
    {
        var image = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N });
        var known = ChipProfiles.Bootloaders.Single(b => b.Family == ChipFamily.BK7231N);
        var noise = new byte[512];
        new Random(9).NextBytes(noise);

        Assert.Null(BootloaderWording.ForRawWrite(0x11000, image, 0x11000));
        Assert.StartsWith($"0x000000–0x011000 gets bootloader {known.Name} (in the known list", BootloaderWording.ForRawWrite(0, image, 0x11000));
        Assert.Equal("0x000000–0x000200 gets nothing the analysis recognises as a bootloader (the first block at 0x000000 is erased or fails its CRC-16); " +
                     "the rest of the range up to 0x011000 keeps its bytes", BootloaderWording.ForRawWrite(0, noise, 0x11000));
        Assert.Contains("0x010F00–0x011000 of the bootloader range gets the file's bytes: not a whole bootloader", BootloaderWording.ForRawWrite(0x10F00, noise, 0x11000));
    }
}
