namespace BkTui.Tests.Chips;

using System.Text;
using BkTui.Core.Chips;

public class ChipProfilesTests
{
    [Fact]
    public void EveryFamilyHasAProfile()
    {
        foreach (var f in Enum.GetValues<ChipFamily>().Where(f => f != ChipFamily.Unknown))
            Assert.Equal(f, ChipProfiles.For(f).Family);
    }

    [Theory]
    [InlineData("BL2028N", ChipFamily.BK7231M)]
    [InlineData("bk7231n", ChipFamily.BK7231N)]
    [InlineData("T1", ChipFamily.BK7238)]
    public void AliasesResolve(string name, ChipFamily expected) => Assert.Equal(expected, ChipProfiles.Find(name).Family);

    [Fact]
    public void CrcEndRulesFollowTheProtocolDoc()
    {
        Assert.Equal(0x11FFFu, ChipProfiles.For(ChipFamily.BK7231N).CrcEnd(0x11000, 0x1000));
        Assert.Equal(0x12000u, ChipProfiles.For(ChipFamily.BK7231T).CrcEnd(0x11000, 0x1000));
        Assert.Equal(0x1D0000u, ChipProfiles.For(ChipFamily.BK7231M).RfOffset);
    }

    [Fact]
    public void KeysAndVerdicts()
    {
        Assert.Equal("510fb093a3cbeadc5993a17ec7adeb03", EfuseKey.Tuya.Hex);
        Assert.Equal("tuya", EfuseKey.Parse("510fb093 a3cbeadc 5993a17e c7adeb03").Verdict);
        Assert.Equal("zero", EfuseKey.Parse("zero").Verdict);
        Assert.Equal("other", EfuseKey.Parse("00000001000000000000000000000000").Verdict);
        Assert.False(EfuseKey.TryParse("xyz", out _));
        Assert.Equal(EfuseKey.Tuya, EfuseKey.FromEfuseBytes(EfuseKey.Tuya.ToEfuseBytes()));
    }

    [Fact]
    public void Crc32MatchesTheDocumentedVectors()
    {
        Assert.Equal(0xCBF43926u, BekenCrc32.Standard(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0x340BC6D9u, BekenCrc32.Chip(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0x0EAB98F5u, BekenCrc32.ErasedSector4K);
        Assert.Equal(ChipFamily.BK7231N, ChipProfiles.Bootloader(0xE14191BA)!.Family);
    }
}
