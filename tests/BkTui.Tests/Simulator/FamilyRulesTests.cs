using System.Text;
using BkTui.Core.Chips;
using BkTui.Simulator;
using static BkTui.Tests.Simulator.Requests;

namespace BkTui.Tests.Simulator;

/// <summary>Per-family behaviour: CRC end rule, mirror and refusals, CRC lock, registers, eFuse, boot version.</summary>
public class FamilyRulesTests
{
    [Theory]
    [InlineData(ChipFamily.BK7231N, true)]
    [InlineData(ChipFamily.BK7231M, true)]
    [InlineData(ChipFamily.BK7238, true)]
    [InlineData(ChipFamily.BK7231T, false)]
    [InlineData(ChipFamily.BK7231U, false)]
    [InlineData(ChipFamily.BK7252, false)]
    public void CheckCrc_EndRuleFollowsTheFamily(ChipFamily family, bool inclusive)
    {
        using var h = new ChipHarness(family);
        uint start = 0x11000, length = 0x3000;
        var expected = BekenCrc32.Chip(h.Original.AsSpan((int)start, (int)length));
        var inclusiveReply = CrcValue(h.Exchange(Crc(start, start + length - 1), CrcReply));
        var exclusiveReply = CrcValue(h.Exchange(Crc(start, start + length), CrcReply));
        Assert.Equal(expected, inclusive ? inclusiveReply : exclusiveReply);
        Assert.NotEqual(expected, inclusive ? exclusiveReply : inclusiveReply);
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T)]
    [InlineData(ChipFamily.BK7231U)]
    [InlineData(ChipFamily.BK7252)]
    public void NonRomBootloaders_RefuseTheirWindow_ButReadThroughTheMirror(ChipFamily family)
    {
        using var h = new ChipHarness(family);
        var direct = h.Exchange(Read4K(0x0), Read4KReply);
        Assert.NotEqual(0, Status(direct));
        Assert.NotEqual(h.Original.AsSpan(0, 4096).ToArray(), direct.AsSpan(15).ToArray());
        var mirror = h.Exchange(Read4K(0x200000), Read4KReply);
        Assert.Equal(0, Status(mirror));
        Assert.Equal(h.Original.AsSpan(0, 4096).ToArray(), mirror.AsSpan(15).ToArray());
        // 0x11000 and above is readable directly.
        Assert.Equal(0, Status(h.Exchange(Read4K(0x11000), Read4KReply)));
        // CRC over the window is allowed (BKT identifies the bootloader this way).
        Assert.Equal(BekenCrc32.Chip(h.Original.AsSpan(0, 256)), CrcValue(h.Exchange(Crc(0, 256), CrcReply)));
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T, 0x0u)]
    [InlineData(ChipFamily.BK7231T, 0x10000u)]
    [InlineData(ChipFamily.BK7231T, 0x200000u)] // through the mirror: still the bootloader
    [InlineData(ChipFamily.BK7231U, 0x210000u)]
    public void NonRomBootloaders_NeverEraseOrProgramTheirWindow(ChipFamily family, uint address)
    {
        using var h = new ChipHarness(family);
        Assert.NotEqual(0, Status(h.Exchange(Erase(0x20, address), EraseReply)));
        Assert.NotEqual(0, Status(h.Exchange(Write4K(address, new byte[4096]), Write4KReply)));
        Assert.NotEqual(0, Status(h.Exchange(Erase(0xD8, address & ~0xFFFFu), EraseReply)));
        Assert.Equal(h.Original.AsSpan(0, 0x11000).ToArray(), h.Flash.Read(0, 0x11000));
    }

    [Fact]
    public void RomChips_MayRewriteTheBootloader()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        Assert.Equal(0, Status(h.Exchange(Erase(0x20, 0x0), EraseReply)));
        Assert.All(h.Flash.Read(0, 4096), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void MirroredWrite_OnT_LandsAtThePhysicalAddress()
    {
        using var h = new ChipHarness(ChipFamily.BK7231T);
        Assert.Equal(0, Status(h.Exchange(Erase(0x20, 0x211000), EraseReply)));
        var data = Enumerable.Repeat((byte)0x5A, 4096).ToArray();
        Assert.Equal(0, Status(h.Exchange(Write4K(0x211000, data), Write4KReply)));
        Assert.Equal(data, h.Flash.Read(0x11000, 4096));
    }

    [Fact]
    public void CrcLock_OnT_IgnoresEraseUntilNextLinkCheck()
    {
        using var h = new ChipHarness(ChipFamily.BK7231T);
        var before = h.Flash.Read(0x12000, 4096);
        h.Exchange(Crc(0x12000, 0x13000), CrcReply);
        Assert.True(h.Chip.CrcLocked);
        Assert.Equal(0, Status(h.Exchange(Erase(0x20, 0x12000), EraseReply))); // answers OK, does nothing
        Assert.Equal(before, h.Flash.Read(0x12000, 4096));
        Assert.Equal("040E0501E0FC0100", Hex.Of(h.Exchange(LinkCheck, 8)));
        Assert.False(h.Chip.CrcLocked);
        h.Exchange(Erase(0x20, 0x12000), EraseReply);
        Assert.All(h.Flash.Read(0x12000, 4096), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void RomChips_HaveNoCrcLock()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N);
        h.Exchange(Crc(0x12000, 0x12FFF), CrcReply);
        Assert.False(h.Chip.CrcLocked);
        h.Exchange(Erase(0x20, 0x12000), EraseReply);
        Assert.All(h.Flash.Read(0x12000, 4096), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void ProtectedFlash_SilentlyIgnoresEraseAndProgram_UntilUnprotected()
    {
        using var h = new ChipHarness(ChipFamily.BK7231N, flashProtected: true);
        Assert.True(h.Chip.FlashProtected);
        var before = h.Flash.Read(0x20000, 4096);
        Assert.Equal(0, Status(h.Exchange(Erase(0x20, 0x20000), EraseReply)));
        Assert.Equal(0, Status(h.Exchange(Write4K(0x20000, new byte[4096]), Write4KReply)));
        Assert.Equal(before, h.Flash.Read(0x20000, 4096));
        // 16-bit SR write clearing BP bits (keep QE), then it works.
        h.Exchange(Long(0x0D, 0x01, 0x00, 0x02), 14);
        Assert.False(h.Chip.FlashProtected);
        h.Exchange(Erase(0x20, 0x20000), EraseReply);
        Assert.All(h.Flash.Read(0x20000, 4096), b => Assert.Equal(0xFF, b));
    }

    [Theory]
    [InlineData(ChipFamily.BK7231N, "510fb093a3cbeadc5993a17ec7adeb03")]
    [InlineData(ChipFamily.BK7231M, "00000000000000000000000000000000")]
    public void EfuseReadSequence_10_1_YieldsTheKey(ChipFamily family, string expectedHex)
    {
        using var h = new ChipHarness(family);
        var bytes = new byte[16];
        for (int i = 0; i < 16; i++)
        {
            uint c = BitConverter.ToUInt32(h.Exchange(ReadReg(0x800074), RegReply), 11);
            c = (c & ~0x1F02u) | (uint)(i << 8) | 1;
            h.Exchange(WriteReg(0x800074, c), RegReply);
            uint busy = BitConverter.ToUInt32(h.Exchange(ReadReg(0x800074), RegReply), 11);
            Assert.Equal(0u, busy & 1);
            uint r = BitConverter.ToUInt32(h.Exchange(ReadReg(0x800078), RegReply), 11);
            Assert.NotEqual(0u, r & 0x100);
            bytes[i] = (byte)r;
        }
        Assert.Equal(expectedHex, EfuseKey.FromEfuseBytes(bytes).Hex);
    }

    [Fact]
    public void CustomKey_IsWhatTheEfuseHolds()
    {
        var key = EfuseKey.Parse("0123456789abcdef0011223344556677");
        using var h = new ChipHarness(ChipFamily.BK7231N, key: key);
        Assert.Equal(key, h.Chip.Key);
        h.Exchange(WriteReg(0x800074, (3 << 8) | 1), RegReply);
        Assert.Equal(0x100u | key.ToEfuseBytes()[3], BitConverter.ToUInt32(h.Exchange(ReadReg(0x800078), RegReply), 11));
    }

    [Theory]
    [InlineData(ChipFamily.BK7231N, 0x7231Cu)]
    [InlineData(ChipFamily.BK7231M, 0x7231Cu)]
    [InlineData(ChipFamily.BK7238, 0x7238u)]
    public void ChipIdRegister(ChipFamily family, uint id)
    {
        using var h = new ChipHarness(family);
        Assert.Equal(id, BitConverter.ToUInt32(h.Exchange(ReadReg(0x800000), RegReply), 11));
    }

    [Theory]
    [InlineData(ChipFamily.BK7231T)]
    [InlineData(ChipFamily.BK7231U)]
    public void NonRomBootloaders_IgnoreRegisterAndStatusCommands(ChipFamily family)
    {
        using var h = new ChipHarness(family);
        h.Wire.Host.Write(ReadReg(0x800000));
        h.Wire.Host.Write(Long(0x0E, 0x9F, 0, 0, 0));
        h.Wire.Host.Write(Long(0x0C, 0x05));
        Assert.Empty(h.ReadFor(0.2));
        Assert.Equal("040E0501E0FC0100", Hex.Of(h.Exchange(LinkCheck, 8))); // still serving
    }

    [Fact]
    public void ReadBootVersion_OnlyOnT()
    {
        using var t = new ChipHarness(ChipFamily.BK7231T);
        t.Wire.Host.Write(Short(0x11));
        var head = t.ReadExactly(7);
        Assert.Equal("040E", Hex.Of(head.AsSpan(0, 2)));
        var text = t.ReadExactly(head[2] - 4);
        Assert.StartsWith("BK7231S_1.0.", Encoding.ASCII.GetString(text));

        using var n = new ChipHarness(ChipFamily.BK7231N);
        n.Wire.Host.Write(Short(0x11));
        Assert.Empty(n.ReadFor(0.2));
    }

    [Fact]
    public void FlashGetMid_ReportsTheSizeOfTheImage()
    {
        var image = new byte[0x400000];
        Array.Fill(image, (byte)0xFF);
        using var h = new ChipHarness(ChipFamily.BK7231N, image);
        var mid = h.Exchange(Long(0x0E, 0x9F, 0, 0, 0), 15);
        Assert.Equal(0x16, mid[14]); // 1 << 0x16 = 4 MiB
    }
}
