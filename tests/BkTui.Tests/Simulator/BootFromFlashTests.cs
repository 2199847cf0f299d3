using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Monitor;
using BkTui.Core.Serial;
using BkTui.Simulator;

namespace BkTui.Tests.Simulator;

/// <summary>The virtual chip boots what its flash holds: opening the pty resets it, then it boots after the link window.</summary>
public sealed class BootFromFlashTests
{
    private static BootProof Boot(ChipFamily chip, byte[] image)
    {
        using var sim = SimHost.Start(new SimOptions { Family = chip, Image = image, WireModel = false });
        using var port = SerialPort.Open(sim.PtyPath, SerialMonitor.BootBaud);
        return BootListener.Listen(port, new BootListenOptions { Duration = TimeSpan.FromSeconds(8) }, onLogPort: false, CancellationToken.None);
    }

    private static byte[] Image(ChipFamily family, string banner) =>
        FlashImageBuilder.Build(new FlashImageSpec { Family = family, AppBanner = banner, Seed = 5 });

    [Fact]
    public void An_openbeken_build_for_N_on_a_T_chip_boot_loops()
    {
        // A T bootloader (Tuya key, like N's) with an N build in the app partition: the key fits, the family does not.
        var image = Image(ChipFamily.BK7231T, "OpenBK7231T_1.18.21");
        var n = FlashImageBuilder.App(new FlashImageSpec { Family = ChipFamily.BK7231N, AppBanner = "OpenBK7231N_1.18.21", Seed = 5 }, EfuseKey.Tuya, withRbl: true);
        n.CopyTo(image, FlashImageBuilder.AppStart);
        var p = Boot(ChipFamily.BK7231T, image);
        Assert.Equal(BootVerdict.BootLoop, p.Verdict);
        Assert.StartsWith("BK7231S_", p.Bootloader);
    }

    [Fact]
    public void A_tuya_key_app_on_a_zero_key_chip_boot_loops_saying_app_verify_failed()
    {
        var image = Image(ChipFamily.BK7231M, "OpenBK7231N_1.18.21");
        FlashImageBuilder.App(new FlashImageSpec { Family = ChipFamily.BK7231N, AppBanner = "OpenBK7231N_1.18.21", Seed = 5 }, EfuseKey.Tuya, withRbl: true)
            .CopyTo(image, FlashImageBuilder.AppStart);
        var p = Boot(ChipFamily.BK7231M, image);
        Assert.Equal(BootVerdict.BootLoop, p.Verdict);
        Assert.True(p.AppVerifyFailed);
    }

    [Fact]
    public void The_matching_build_on_the_same_T_chip_boots()
    {
        var p = Boot(ChipFamily.BK7231T, Image(ChipFamily.BK7231T, "OpenBK7231T_1.18.21"));
        Assert.Equal(BootVerdict.Booted, p.Verdict);
        Assert.Equal("OpenBeken 1.18.21", p.Version);
        Assert.Equal(FlashImageBuilder.DefaultMac(ChipFamily.BK7231T).ToString(), p.Mac);
    }

    [Fact]
    public void LibreTiny_esphome_boots_with_its_mac()
    {
        var p = Boot(ChipFamily.BK7231N, Image(ChipFamily.BK7231N, "LibreTiny v1.7.0 on BK7231N ESPHome"));
        Assert.Equal(BootVerdict.Booted, p.Verdict);
        Assert.Contains("LibreTiny", p.Firmware);
        Assert.Equal(FlashImageBuilder.DefaultMac(ChipFamily.BK7231N).ToString(), p.Mac);
    }

    [Fact]
    public void An_erased_app_gives_the_banner_and_nothing_more()
    {
        var image = Image(ChipFamily.BK7231N, "OpenBK7231N_1.18.21");
        image.AsSpan(FlashImageBuilder.AppStart, FlashImageBuilder.AppEnd - FlashImageBuilder.AppStart).Fill(0xFF);
        var p = Boot(ChipFamily.BK7231N, image);
        Assert.Equal(BootVerdict.BootloaderOnly, p.Verdict);
        Assert.Null(p.Firmware);
    }

    [Fact]
    public void An_erased_app_on_the_rt_thread_loader_says_app_verify_failed()
    {
        var image = Image(ChipFamily.BK7231M, "OpenBK7231N_1.18.21");
        image.AsSpan(FlashImageBuilder.AppStart, FlashImageBuilder.AppEnd - FlashImageBuilder.AppStart).Fill(0xFF);
        var p = Boot(ChipFamily.BK7231M, image);
        Assert.Equal(BootVerdict.AppInvalid, p.Verdict);
    }

    [Fact]
    public void An_erased_bootloader_gives_only_noise()
    {
        var image = Image(ChipFamily.BK7231N, "OpenBK7231N_1.18.21");
        image.AsSpan(0, FlashImageBuilder.BootloaderEnd).Fill(0xFF);
        var p = Boot(ChipFamily.BK7231N, image);
        Assert.Equal(BootVerdict.Garbled, p.Verdict);
    }
}
