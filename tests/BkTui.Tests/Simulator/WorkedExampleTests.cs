using BkTui.Core.Chips;
using BkTui.Simulator;

namespace BkTui.Tests.Simulator;

/// <summary>The byte-exact exchanges of protocol.md §15, against the virtual chip.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void LinkCheck_15_1()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, link: false);
        h.Settle(); // let the power-on reset pass (it drops whatever was already on the wire)
        Assert.Equal("040E0501E0FC0100", Hex.Of(h.Exchange("01 E0 FC 01 00", 8)));
        Assert.Equal(ChipState.Download, h.Chip.State);
    }

    [Fact]
    public void SetBaudRate_15_2_AnswersEchoAfterDelay()
    {
        // The host's baud is hidden from the chip here (no garbling), so a descheduled test thread
        // cannot miss the 20 ms window; WireModelTests covers what a late switch does.
        using var h = new ChipHarness(ChipFamily.BK7231N, hostBaudVisible: false);
        h.Wire.Host.Write(Hex.Parse("01 E0 FC 06 0F 00 10 0E 00 14"));
        Thread.Sleep(5);
        h.Wire.Host.SetBaud(921600); // host switches at about half the delay, as BKT does
        Assert.Equal("040E0901E0FC0F00100E0014", Hex.Of(h.ReadExactly(12)));
        Assert.Equal(921600, h.Chip.Baud);
    }

    [Fact]
    public void Read4K_15_3_N()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        var r = h.Exchange("01 E0 FC FF F4 05 00 09 00 10 01 00", 4111);
        Assert.Equal("040EFF01E0FCF40610090000100100", Hex.Of(r.AsSpan(0, 15)));
        Assert.Equal(h.Original.AsSpan(0x11000, 4096).ToArray(), r.AsSpan(15).ToArray());
    }

    [Fact]
    public void Read4K_15_3_T_ThroughMirror()
    {
        using var h = new ChipHarness(ChipFamily.BK7231T);
        var r = h.Exchange("01 E0 FC FF F4 05 00 09 00 10 21 00", 4111);
        Assert.Equal("040EFF01E0FCF40610090000102100", Hex.Of(r.AsSpan(0, 15)));
        Assert.Equal(h.Original.AsSpan(0x11000, 4096).ToArray(), r.AsSpan(15).ToArray());
    }

    [Fact]
    public void CheckCrc_15_4_InclusiveOnN_ExclusiveOnT()
    {
        using var n = new ChipHarness(ChipFamily.BK7231N);
        var expectedN = BekenCrc32.Chip(n.Original.AsSpan(0x11000, 0x1000));
        var rn = n.Exchange("01 E0 FC 09 10 00 10 01 00 FF 1F 01 00", 11);
        Assert.Equal("040E0801E0FC10" + Hex.Of(Hex.U32(expectedN)), Hex.Of(rn));

        using var t = new ChipHarness(ChipFamily.BK7231T);
        var expectedT = BekenCrc32.Chip(t.Original.AsSpan(0x11000, 0x1000));
        var rt = t.Exchange("01 E0 FC 09 10 00 10 01 00 00 20 01 00", 11);
        Assert.Equal("040E0801E0FC10" + Hex.Of(Hex.U32(expectedT)), Hex.Of(rt));
    }

    [Fact]
    public void CheckCrc_ErasedSectorValue()
    {
        var image = ImageSynthesizer.Create(ChipFamily.BK7231N);
        image.AsSpan(0x150000, 0x1000).Fill(0xFF);
        using var h = new ChipHarness(ChipFamily.BK7231N, image);
        var r = h.Exchange("01 E0 FC 09 10 00 00 15 00 FF 0F 15 00", 11);
        Assert.Equal("040E0801E0FC10F598AB0E", Hex.Of(r)); // 0x0EAB98F5 = NOT 0xF154670A
    }

    [Fact]
    public void EraseAndWrite_15_5()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        Assert.Equal("040EFF01E0FCF407000F0020001001 00".Replace(" ", ""),
            Hex.Of(h.Exchange("01 E0 FC FF F4 06 00 0F 20 00 10 01 00", 16)));
        Assert.All(h.Flash.Read(0x11000, 4096), b => Assert.Equal(0xFF, b));
        var data = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        var req = Hex.Parse("01 E0 FC FF F4 05 10 07 00 10 01 00").Concat(data).ToArray();
        Assert.Equal("040EFF01E0FCF4060007000010 0100".Replace(" ", ""), Hex.Of(h.Exchange(req, 15)));
        Assert.Equal(data, h.Flash.Read(0x11000, 4096));
    }

    [Fact]
    public void FlashIdAndChipId_15_6()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        var mid = h.Exchange("01 E0 FC FF F4 05 00 0E 9F 00 00 00", 15);
        Assert.Equal("040EFF01E0FCF406000E00", Hex.Of(mid.AsSpan(0, 11)));
        Assert.Equal("EB6015", Hex.Of(mid.AsSpan(12, 3)));
        var id = h.Exchange("01 E0 FC 05 03 00 00 80 00", 15);
        // 0x0007231C little-endian. (protocol.md §15.6 prints "1C 72 07 00", a transposition:
        // the text beside it says these bytes are the LE encoding of 0x7231C.)
        Assert.Equal("040E0C01E0FC03000080001C230700", Hex.Of(id));
    }

    [Fact]
    public void StatusRegisterUnprotect_15_7()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, flashProtected: true);
        var sr1 = h.Exchange("01 E0 FC FF F4 02 00 0C 05", 13);
        Assert.Equal("040EFF01E0FCF404000C0005", Hex.Of(sr1.AsSpan(0, 12)));
        var sr2 = h.Exchange("01 E0 FC FF F4 02 00 0C 35", 13);
        Assert.Equal("040EFF01E0FCF404000C0035", Hex.Of(sr2.AsSpan(0, 12)));
        int sr = sr1[12] | sr2[12] << 8;
        Assert.NotEqual(0, sr & 0x407C); // starts protected
        int cleared = sr & ~0x407C;
        var w = h.Exchange(Hex.Parse("01 E0 FC FF F4 04 00 0D 01").Concat(new[] { (byte)cleared, (byte)(cleared >> 8) }).ToArray(), 14);
        Assert.Equal("040EFF01E0FCF405000D0001" + Hex.Of([(byte)cleared, (byte)(cleared >> 8)]), Hex.Of(w));
        Assert.False(h.Chip.FlashProtected);
        Assert.Equal(cleared & 0xFF, h.Exchange("01 E0 FC FF F4 02 00 0C 05", 13)[12]);
    }

    [Fact]
    public void Reboot_15_8_NoReplyAndBackToLinkWindow()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        int resets = h.Chip.Resets;
        h.Wire.Host.Write(Hex.Parse("01 E0 FC 02 0E A5"));
        Assert.Empty(h.ReadFor(0.2));
        Assert.Equal(resets + 1, h.Chip.Resets);
        Assert.Equal(ChipState.LinkWindow, h.Chip.State);
    }
}
