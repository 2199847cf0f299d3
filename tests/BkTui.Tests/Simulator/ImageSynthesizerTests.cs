using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rbl;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.TuyaKv;
using BkTui.Simulator;

namespace BkTui.Tests.Simulator;

public class ImageSynthesizerTests
{
    public static TheoryData<ChipFamily> Families => new(Enum.GetValues<ChipFamily>().Where(f => f != ChipFamily.Unknown));

    [Theory]
    [MemberData(nameof(Families))]
    public void Image_HasTheFamilysStructure(ChipFamily family)
    {
        var profile = ChipProfiles.For(family);
        var image = ImageSynthesizer.Create(family);
        Assert.Equal((int)profile.DefaultFlashSize, image.Length);

        // Bootloader and app: CRC-16 blocks, RBL headers where the anchors expect them.
        Assert.Equal(0, CrcBlocks.Count(image.AsSpan(0, 0x11000)).Bad);
        Assert.Equal(0, CrcBlocks.Count(image.AsSpan(0x11000, 0x129F70 - 0x11000)).Bad);
        var rbls = RblLocator.FindAll(image);
        Assert.Contains(rbls, r => r.Offset == 0x10F9A && r.Header.Name == "bootloader");
        Assert.Contains(rbls, r => r.Offset == 0x129F0A && r.Header.Name == "app");

        // Encrypted with the family's default key: the app decrypts to an ARM vector table under it.
        var appLogical = CrcBlocks.ToLogical(image.AsSpan(0x11000, 34 * 4));
        Assert.Equal(profile.DefaultEfuseKey, KeyProbe.Identify(appLogical, 0x10000)?.Key);

        // FAL table in the bootloader, plaintext.
        var bootLogical = CrcBlocks.ToLogical(image.AsSpan(0, 0x11000));
        Assert.Contains(FalTable.Find(bootLogical, out _), e => e.Name == "app" && e.Offset == 0x10000);
        if (family is ChipFamily.BK7231N or ChipFamily.BK7231M) Assert.Equal("BK7231\0\0"u8.ToArray(), image.AsSpan(0x110, 8).ToArray());

        // RF TLV with the MAC at +0x24.
        var rf = RfCalibration.TryParse(image.AsSpan((int)profile.RfOffset, 4096));
        Assert.NotNull(rf);
        Assert.Equal(MacAddress.FromBytes(ImageSynthesizer.DefaultMac(family)), rf!.Mac);

        // Tuya KV where the family has one (and it fits in 2 MiB).
        if (profile.TuyaKvOffset is uint kv && kv < image.Length)
            Assert.Contains(TuyaKvReader.TryRead(image)!.Entries, e => e.Name == "gw_bi");
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T, 256)]
    [InlineData(ChipFamily.BK7231N, 257)]
    [InlineData(ChipFamily.BK7231U, 256)]
    [InlineData(ChipFamily.BK7238, 257)]
    [InlineData(ChipFamily.BK7252, 256)]
    public void Bootloader_IdentifiesAsAKnownOneOfTheFamily(ChipFamily family, int crcLength)
    {
        var image = ImageSynthesizer.Create(family);
        var known = ChipProfiles.Bootloader(BekenCrc32.Standard(image.AsSpan(0, crcLength)));
        Assert.NotNull(known);
        Assert.Equal(family, known!.Family);
        // The forced bytes did not break the bootloader's RBL checksums.
        var logical = CrcBlocks.ToLogical(image.AsSpan(0, 0x11000));
        var header = RblHeader.TryParse(logical.AsSpan(0x10000 - 96, 96))!;
        Assert.True(header.MatchesPayload(logical));
    }

    [Fact]
    public void BK7231M_UsesTheZeroKey_AndAnUnknownBootloader()
    {
        var image = ImageSynthesizer.Create(ChipFamily.BK7231M);
        Assert.Null(ChipProfiles.Bootloader(BekenCrc32.Standard(image.AsSpan(0, 257))));
        // Zero key = stored in clear: the vector table is readable as is.
        Assert.True(KeyProbe.LooksLikeVectorTable(CrcBlocks.ToLogical(image.AsSpan(0x11000, 34))));
    }

    [Fact]
    public void KeyAndMac_AreHonoured()
    {
        var mac = new MacAddress(0x11, 0x22, 0x33, 0x44, 0x55, 0x66);
        var image = ImageSynthesizer.Create(ChipFamily.BK7231N, EfuseKey.Zero, mac.ToBytes());
        Assert.Equal(EfuseKey.Zero, KeyProbe.Identify(CrcBlocks.ToLogical(image.AsSpan(0x11000, 34)), 0x10000)?.Key);
        Assert.Equal(mac.ToBytes(), image.AsSpan(0x1D0024, 6).ToArray());
    }

    [Fact]
    public void SameSeed_SameImage_OtherSeed_OtherImage()
    {
        Assert.Equal(ImageSynthesizer.Create(ChipFamily.BK7231T, seed: 3), ImageSynthesizer.Create(ChipFamily.BK7231T, seed: 3));
        Assert.NotEqual(ImageSynthesizer.Create(ChipFamily.BK7231T, seed: 3), ImageSynthesizer.Create(ChipFamily.BK7231T, seed: 4));
    }
}

public class ImageAnalysisTests
{
    [Theory]
    [InlineData(ChipFamily.BK7231T, "tuya")]
    [InlineData(ChipFamily.BK7231N, "tuya")]
    [InlineData(ChipFamily.BK7231M, "zero")]
    public void DumpAnalyzer_SeesTheSameChipKeyAndMac(ChipFamily family, string key)
    {
        var mac = new byte[] { 0xC8, 0x47, 0x8C, 0x01, 0x02, 0x03 };
        var report = BkTui.Core.Formats.DumpAnalyzer.Analyze(ImageSynthesizer.Create(family, mac: mac));
        Assert.Equal(family.ToString(), report.Chip.Family, ignoreCase: true);
        Assert.Equal(key, report.Encryption.Key);
        Assert.Equal("c8:47:8c:01:02:03", report.Mac!.ToLowerInvariant());
    }
}
