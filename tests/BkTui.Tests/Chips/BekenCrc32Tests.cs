using BkTui.Core.Chips;

namespace BkTui.Tests.Chips;

/// <summary>The table-sliced CRC-32 against the definition, one bit at a time, and the standard check value.</summary>
public class BekenCrc32Tests
{
    [Fact]
    public void Check_value_of_the_standard_crc32()
    {
        Assert.Equal(0xCBF43926u, BekenCrc32.Standard("123456789"u8));
        Assert.Equal(0x0EAB98F5u, BekenCrc32.ErasedSector4K);
    }

    [Fact]
    public void Every_length_and_register_matches_the_bitwise_definition()
    {
        var rng = new Random(20261203);
        var data = new byte[300];
        rng.NextBytes(data);
        for (var length = 0; length <= data.Length; length += length < 40 ? 1 : 37)
        {
            var register = (uint)rng.NextInt64(0, 1L << 32);
            var span = data.AsSpan(rng.Next(0, data.Length - length + 1), length);
            Assert.Equal(Bitwise(register, span), BekenCrc32.Update(register, span));
        }
    }

    private static uint Bitwise(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            register ^= b;
            for (var k = 0; k < 8; k++) register = (register & 1) != 0 ? 0xEDB88320 ^ (register >> 1) : register >> 1;
        }
        return register;
    }
}
