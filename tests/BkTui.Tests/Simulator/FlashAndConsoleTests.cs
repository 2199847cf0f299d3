using System.Text;
using BkTui.Core.Chips;
using BkTui.Simulator;
using static BkTui.Tests.Simulator.Requests;

namespace BkTui.Tests.Simulator;

/// <summary>NOR semantics, --persist, the link window and the running app's console.</summary>
public class FlashAndConsoleTests
{
    [Fact]
    public void Program_OnlyClearsBits_EraseSetsFF()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        h.Exchange(Erase(0x20, 0x30000), EraseReply);
        h.Exchange(Write(0x30000, [0xF0, 0x0F, 0xAA]), WriteReply);
        h.Exchange(Write(0x30000, [0x3C, 0x3C, 0xFF]), WriteReply); // no erase in between
        Assert.Equal(new byte[] { 0x30, 0x0C, 0xAA, 0xFF }, h.Flash.Read(0x30000, 4));
        var erase64 = h.Exchange(Erase(0xD8, 0x31234), EraseReply); // any address inside the block
        Assert.Equal(0, Status(erase64));
        Assert.All(h.Flash.Read(0x30000, 0x10000), b => Assert.Equal(0xFF, b));
        Assert.Equal(h.Original.AsSpan(0x40000, 16).ToArray(), h.Flash.Read(0x40000, 16)); // next block untouched
    }

    [Fact]
    public void FlashWrite_EchoesAddressAndCount()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        h.Exchange(Erase(0x20, 0x30000), EraseReply);
        var r = h.Exchange(Write(0x30100, Enumerable.Repeat((byte)0x11, 200).ToArray()), WriteReply);
        Assert.Equal("040EFF01E0FCF4070006000001 0300C8".Replace(" ", ""), Hex.Of(r));
    }

    [Fact]
    public void UnknownEraseOpcode_IsRefused()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        Assert.NotEqual(0, Status(h.Exchange(Erase(0x60, 0x30000), EraseReply)));
        Assert.Equal(h.Original.AsSpan(0x30000, 4096).ToArray(), h.Flash.Read(0x30000, 4096));
    }

    [Fact]
    public void Persist_WritesEveryChangeBackToTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bktui-sim-{Guid.NewGuid():N}.bin");
        var image = ImageSynthesizer.Create(ChipFamily.BK7231N);
        File.WriteAllBytes(path, image);
        try
        {
            using (var h = new ChipHarness(ChipFamily.BK7231N, image, persistPath: path))
            {
                h.Exchange(Erase(0x20, 0x150000), EraseReply);
                h.Exchange(Write4K(0x150000, Enumerable.Repeat((byte)0x42, 4096).ToArray()), Write4KReply);
                // Read while the simulator still runs: the file already has it.
                using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var onDisk = new byte[f.Length];
                f.ReadExactly(onDisk);
                Assert.Equal(h.Flash.Snapshot(), onDisk);
            }
            var after = File.ReadAllBytes(path);
            Assert.All(after.AsSpan(0x150000, 4096).ToArray(), b => Assert.Equal(0x42, b));
            after.AsSpan(0x150000, 4096).CopyTo(image.AsSpan(0x150000));
            Assert.Equal(image, after); // nothing else changed
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ImageOfTheWrongSize_IsRefusedClearly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bktui-sim-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, new byte[12345]);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => SimHost.Start(new SimOptions { ImagePath = path }));
            Assert.Contains("12345 bytes", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AfterTheLinkWindow_ItRunsTheApp_AndRebootTextRestartsIt()
    {
        using var h = new ChipHarness(ChipFamily.BK7231M, link: false, linkWindow: TimeSpan.FromMilliseconds(50));
        var log = ReadUntil(h, "Main_Init_Done");
        Assert.Contains("BK7231n_1.0.11", log);
        Assert.Contains("go os_addr(0x10000)", log);
        Assert.Equal(ChipState.App, h.Chip.State);
        // LinkCheck is ignored by the running app...
        h.Wire.Host.Write(LinkCheck);
        Assert.DoesNotContain("\u0004\u000e\u0005", Encoding.ASCII.GetString(h.ReadFor(0.1)));
        // ...but "reboot" on its console resets the chip, and LinkCheck during the window links.
        int resets = h.Chip.Resets;
        h.Wire.Host.Write("reboot\r\n"u8);
        for (int i = 0; i < 100 && h.Chip.Resets == resets; i++) Thread.Sleep(5);
        Assert.Equal(resets + 1, h.Chip.Resets);
        h.Wire.Host.DiscardInput();
        Assert.Equal("040E0501E0FC0100", Hex.Of(h.Exchange(LinkCheck, 8)));
        Assert.Equal(ChipState.Download, h.Chip.State);
    }

    [Fact]
    public void OpeningThePortAgain_ResetsTheChip_LikeDtr()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        h.Exchange(Short(0x0F, 0x00, 0x10, 0x0E, 0x00, 0x00), 0); // baud switch, reply unread (host stays at 115200)
        Thread.Sleep(50);
        int resets = h.Chip.Resets;
        h.Wire.Reopen();
        h.Link();
        Assert.Equal(resets + 1, h.Chip.Resets);
        Assert.Equal(VirtualChip.BootBaud, h.Chip.Baud);
    }

    [Fact]
    public void AppWithErasedApp_SaysSo()
    {
        var image = ImageSynthesizer.Create(ChipFamily.BK7231T);
        image.AsSpan(0x11000, 0x1000).Fill(0xFF);
        using var h = new ChipHarness(ChipFamily.BK7231T, image, link: false, linkWindow: TimeSpan.FromMilliseconds(30));
        var log = ReadUntil(h, h.Chip.BootVersion!) + Encoding.ASCII.GetString(h.ReadFor(0.5));
        Assert.Contains(h.Chip.BootVersion!, log); // the banner matches what ReadBootVersion says
        Assert.DoesNotContain("go os_addr", log);   // ...and nothing is started
    }

    [Fact]
    public void RtThreadLoaderWithErasedApp_SaysAppVerifyFailed()
    {
        var image = ImageSynthesizer.Create(ChipFamily.BK7231M);
        image.AsSpan(0x11000, 0x1000).Fill(0xFF);
        using var h = new ChipHarness(ChipFamily.BK7231M, image, link: false, linkWindow: TimeSpan.FromMilliseconds(30));
        Assert.Contains("App verify failed", ReadUntil(h, "App verify failed"));
    }

    private static string ReadUntil(ChipHarness h, string marker)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 50 && !text.ToString().Contains(marker); i++) text.Append(Encoding.ASCII.GetString(h.ReadFor(0.1)));
        return text.ToString();
    }
}
