using BkTui.Core.Chips;

namespace BkTui.Tests.Chips;

public class CrcCombineTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4096, 4096)]
    [InlineData(2048, 65536)]
    [InlineData(65536, 3)]
    [InlineData(5, 0)]
    public void AppendEqualsTheCrcOfTheConcatenation(int lengthA, int lengthB)
    {
        var bytes = new byte[lengthA + lengthB];
        new Random(lengthA * 31 + lengthB).NextBytes(bytes);
        var a = BekenCrc32.Chip(bytes.AsSpan(0, lengthA));
        var b = BekenCrc32.Chip(bytes.AsSpan(lengthA));
        Assert.Equal(BekenCrc32.Chip(bytes), CrcCombine.Append(a, b, lengthB));
    }

    [Fact]
    public void JoinOfSectorCrcsEqualsTheRangeCrc()
    {
        var bytes = new byte[16 * 4096];
        new Random(3).NextBytes(bytes);
        bytes.AsSpan(4096, 8192).Fill(0xFF); // erased sectors join like any other
        var sectors = Enumerable.Range(0, 16).Select(i => BekenCrc32.Chip(bytes.AsSpan(i * 4096, 4096))).ToArray();
        Assert.Equal(BekenCrc32.Chip(bytes), CrcCombine.Join(sectors, 4096));
        sectors[7] ^= 1;
        Assert.NotEqual(BekenCrc32.Chip(bytes), CrcCombine.Join(sectors, 4096));
    }
}
