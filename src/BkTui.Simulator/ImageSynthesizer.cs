using System.Collections.Concurrent;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Simulator;

/// <summary>
/// The flash image a virtual chip serves when no dump is given: Core.Formats'
/// <see cref="FlashImageBuilder"/> with the family's defaults — encrypted bootloader in CRC-16 blocks
/// (FAL table, N-type marker, RBL at 0x10F9A, first bytes identifying as a known bootloader),
/// encrypted app (RBL at 0x129F0A), RF TLV with a MAC, Tuya KV where the family has one.
/// </summary>
public static class ImageSynthesizer
{
    private static readonly ConcurrentDictionary<(ChipFamily, EfuseKey?, MacAddress?, int?, int), byte[]> Cache = new();

    /// <summary>The MAC a synthesized image carries unless told otherwise (6 bytes, transmission order).</summary>
    public static byte[] DefaultMac(ChipFamily family) => FlashImageBuilder.DefaultMac(family).ToBytes();

    /// <summary>
    /// A new image (a fresh copy each call; identical inputs give identical bytes). <paramref name="mac"/>:
    /// 6 bytes in transmission order, default <see cref="DefaultMac"/>; key: the family's default.
    /// </summary>
    public static byte[] Create(ChipFamily family, EfuseKey? key = null, byte[]? mac = null, int? flashSize = null, int seed = 1)
    {
        if (mac is not null && mac.Length != 6) throw new ArgumentException($"A MAC is 6 bytes, not {mac.Length}.", nameof(mac));
        var k = (family, key, mac is null ? (MacAddress?)null : MacAddress.FromBytes(mac), flashSize, seed);
        // Building encrypts word by word; tests and demos ask for the same few images again and again.
        if (Cache.Count > 32) Cache.Clear();
        var image = Cache.GetOrAdd(k, static k => FlashImageBuilder.Build(new FlashImageSpec
        {
            Family = k.Item1, Key = k.Item2, Mac = k.Item3, FlashSize = k.Item4, Seed = k.Item5,
            AppPayloadSize = 0xC8000, // a full-size app (~800 KiB), so backups and diffs look like real ones
        }));
        return (byte[])image.Clone();
    }
}
