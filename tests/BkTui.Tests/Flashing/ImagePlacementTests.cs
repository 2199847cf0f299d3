using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Flashing;

public class ImagePlacementTests
{
    private static readonly ChipProfile N = ChipProfiles.For(ChipFamily.BK7231N);
    private static readonly ChipProfile T = ChipProfiles.For(ChipFamily.BK7231T);

    [Fact]
    public void EveryRealWholeDumpIsRecognisedByContent()
    {
        if (RepoPaths.SharedDumps is null) { Console.WriteLine("shared dumps absent: skipped"); return; }
        // Two T dumps start at physical 0x11000 (rotated, flash-formats.md §11): not whole images as they stand.
        foreach (var name in SharedDumps.Names().Where(n => !n.Contains("Kobi") && !n.Contains("Lepro")))
        {
            var dump = SharedDumps.Load(name)!;
            if (dump.Length != 0x200000) continue; // region extracts (e.g. a Tuya config area) are not whole images
            Assert.True(ImagePlacement.StartsWithBootloader(dump), name);
        }
    }

    [Fact]
    public void WholeImageKeepsTheBootloaderUnlessConsentedAndWritable()
    {
        var image = new byte[0x200000];
        "BK7231"u8.CopyTo(image.AsSpan(0x110));
        var kept = ImagePlacement.Decide(image, N, null, allowBootloader: false);
        Assert.Equal((0x11000u, 0x11000, 0x200000 - 0x11000), (kept.Address, kept.FileOffset, kept.Length));
        Assert.Equal(0u, ImagePlacement.Decide(image, N, null, allowBootloader: true).Address);
        Assert.Equal(0x11000u, ImagePlacement.Decide(image, T, null, allowBootloader: true).Address);
    }

    [Fact]
    public void AppImageGoesToTheAppOffsetAndStartOverrides()
    {
        var app = new byte[0x1000];
        new Random(3).NextBytes(app);
        Assert.Equal(T.AppOffset, ImagePlacement.Decide(app, T, null, false).Address);
        Assert.Equal(0x1D0000u, ImagePlacement.Decide(app, N, 0x1D0000, false).Address);
        Assert.Throws<ArgumentException>(() => ImagePlacement.Decide([], N, null, false));
    }
}
