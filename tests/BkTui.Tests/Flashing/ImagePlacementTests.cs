using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats;
using BkTui.Simulator;

namespace BkTui.Tests.Flashing;

public class ImagePlacementTests
{
    private static readonly ChipProfile N = ChipProfiles.For(ChipFamily.BK7231N);
    private static readonly ChipProfile T = ChipProfiles.For(ChipFamily.BK7231T);

    private static Placement Place(byte[] file, ChipProfile p, uint? start = null, bool consent = false) =>
        ImagePlacement.Decide(file, FirmwareInspector.Inspect(file), p, start, consent);

    [Fact]
    public void WholeImageKeepsTheBootloaderUnlessConsentedAndWritable()
    {
        var image = ImageSynthesizer.Create(ChipFamily.BK7231N);
        var kept = Place(image, N);
        Assert.Equal((0x11000u, 0x11000, image.Length - 0x11000), (kept.Address, kept.FileOffset, kept.Length));
        Assert.Equal(0u, Place(image, N, consent: true).Address);
        var t = ImageSynthesizer.Create(ChipFamily.BK7231T);
        Assert.Equal(0x11000u, Place(t, T, consent: true).Address); // T's bootloader is never written
    }

    [Fact]
    public void AppImageGoesToTheAppOffsetAndStartOverrides()
    {
        var app = ImageSynthesizer.Create(ChipFamily.BK7231T).AsSpan(0x11000, 0x22000).ToArray();
        Assert.Equal(FirmwareKind.App, FirmwareInspector.Inspect(app).Kind);
        Assert.Equal(T.AppOffset, Place(app, T).Address);
        Assert.Equal(0x1D0000u, Place(app, N, start: 0x1D0000).Address);
    }

    [Fact]
    public void RandomBytesAreRefusedWithoutAnAddress()
    {
        var junk = new byte[0x4000];
        new Random(3).NextBytes(junk);
        Assert.Throws<InvalidDataException>(() => Place(junk, N));
        Assert.Equal(0x100000u, Place(junk, N, start: 0x100000).Address);
    }
}
