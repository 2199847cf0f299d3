using BkTui.Core.Formats.Crc16;

namespace BkTui.Tests.Formats;

public class Crc16Tests
{
    [Fact]
    public void Cms_check_values_match_the_formats_doc()
    {
        Assert.Equal(0xAEE7, Crc16Cms.Compute("123456789"u8));
        Assert.Equal(0x000C, Crc16Cms.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x8029, Crc16Cms.Compute(new byte[32]));
    }

    [Theory]
    [InlineData(0x10000u, 0x11000u)]
    [InlineData(0x0u, 0x0u)]
    [InlineData(0x118700u, 0x129F70u)]
    [InlineData(0xFFA0u, 0x10F9Au)]
    public void Logical_and_physical_addresses_map_both_ways(uint logical, uint physical)
    {
        Assert.Equal(physical, CrcBlocks.LogicalToPhysical(logical));
        Assert.Equal(logical, CrcBlocks.PhysicalToLogical(physical));
    }

    [Fact]
    public void Blocks_round_trip_and_pad_with_ff()
    {
        var data = Enumerable.Range(0, 70).Select(i => (byte)i).ToArray();
        var phys = CrcBlocks.ToPhysical(data);
        Assert.Equal(3 * 34, phys.Length);
        for (var i = 0; i < 3; i++) Assert.Equal(BlockState.Valid, CrcBlocks.Classify(phys.AsSpan(i * 34, 34)));
        var back = CrcBlocks.ToLogical(phys);
        Assert.Equal(data, back[..70]);
        Assert.All(back[70..], b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Erased_and_damaged_blocks_are_told_apart()
    {
        var erased = Enumerable.Repeat((byte)0xFF, 34).ToArray();
        Assert.Equal(BlockState.Erased, CrcBlocks.Classify(erased));
        var phys = CrcBlocks.ToPhysical(new byte[32]);
        phys[5] ^= 1;
        Assert.Equal(BlockState.BadCrc, CrcBlocks.Classify(phys));
        var counts = CrcBlocks.Count([.. CrcBlocks.ToPhysical(new byte[64]), .. erased, .. phys]);
        Assert.Equal(new BlockCounts(2, 1, 1, 3 * 34), counts);
    }
}
