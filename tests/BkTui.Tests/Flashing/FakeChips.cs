using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Protocol;

namespace BkTui.Tests.Flashing;

/// <summary>Images and options for the fake-chip unit tests.</summary>
internal static class FakeChips
{
    public const int FlashSize = 0x200000;

    /// <summary>Seeded random content in [0, 0x100000), erased above, with an RF TLV holding <paramref name="mac"/>.</summary>
    public static byte[] Image(ChipFamily family, int seed = 1, byte[]? mac = null)
    {
        var image = new byte[FlashSize];
        new Random(seed).NextBytes(image.AsSpan(0, 0x100000));
        image.AsSpan(0x100000).Fill(0xFF);
        // Leave a few erased sectors inside the used part too, as real dumps have.
        image.AsSpan(0x30000, 0x3000).Fill(0xFF);
        var rf = (int)ChipProfiles.For(family).RfOffset;
        byte[] tlv = [.. "TLV\0"u8, 0x60, 0, 0, 0, 0x00, 0x11, 0x11, 0x11, 0x50, 0, 0, 0, 0x01, 0x11, 0x11, 0x11, 4, 0, 0, 0, 0x4E, 0x61, 0xBC, 0x00,
            0x02, 0x11, 0x11, 0x11, 6, 0, 0, 0, .. mac ?? [0xC8, 0x47, 0x8C, 0x12, 0x34, 0x56]];
        tlv.CopyTo(image, rf);
        return image;
    }

    public static ConnectOptions Options(int baud = 921600) => new()
    {
        Baud = baud,
        LinkTimeout = TimeSpan.FromSeconds(2),
        Timeouts = new ProtocolTimeouts { Command = TimeSpan.FromMilliseconds(40), Read4K = TimeSpan.FromMilliseconds(40), Write4K = TimeSpan.FromMilliseconds(40) },
    };

    public static (FakeChipLink Link, ChipSession Session) Connect(ChipFamily family, byte[]? image = null, EfuseKey? key = null, ConnectOptions? options = null)
    {
        var link = new FakeChipLink(family, image ?? Image(family), key) { Linked = false };
        return (link, ChipSession.Connect(link, options ?? Options()));
    }
}
