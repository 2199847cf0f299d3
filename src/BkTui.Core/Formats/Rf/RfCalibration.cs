using System.Buffers.Binary;

namespace BkTui.Core.Formats.Rf;

/// <summary>One TLV item (tag 0xXXXXXXnn, nn ≠ 0).</summary>
public sealed record RfItem(uint Tag, byte[] Value);

/// <summary>One TLV group (tag 0xXXXXXX00) with its items; <see cref="Filler"/> = trailing bytes not covered by items.</summary>
public sealed record RfGroup(uint Tag, IReadOnlyList<RfItem> Items, byte[]? Filler = null);

/// <summary>
/// The RF calibration sector ("TLV", flash-formats.md §6.1): magic, total length, groups of items.
/// Item 0x11111102 (6 bytes) is the Wi-Fi MAC.
/// </summary>
public sealed record RfCalibration(uint TotalLength, IReadOnlyList<RfGroup> Groups, bool Complete)
{
    public const int SectorSize = 4096;
    public const uint MacTag = 0x11111102;
    /// <summary>Where GFT reads the MAC without parsing (RF_MAC_OFS).</summary>
    public const int MacOffset = 0x24;
    public static ReadOnlySpan<byte> Magic => "TLV\0"u8;

    public static bool HasMagic(ReadOnlySpan<byte> sector) => sector.Length >= 8 && sector[..4].SequenceEqual(Magic);

    public MacAddress? Mac =>
        Groups.SelectMany(g => g.Items).FirstOrDefault(i => i.Tag == MacTag && i.Value.Length == 6) is { } item
            ? MacAddress.FromBytes(item.Value) : null;

    /// <summary>Parses a sector; null when the magic is missing. Malformed lengths end parsing with Complete = false.</summary>
    public static RfCalibration? TryParse(ReadOnlySpan<byte> sector)
    {
        if (!HasMagic(sector)) return null;
        var total = BinaryPrimitives.ReadUInt32LittleEndian(sector[4..]);
        var end = (int)Math.Min((long)total + 8, sector.Length);
        var groups = new List<RfGroup>();
        var pos = 8;
        var complete = total + 8 <= (uint)sector.Length;
        while (pos + 8 <= end && groups.Count < 64)
        {
            var tag = BinaryPrimitives.ReadUInt32LittleEndian(sector[pos..]);
            var len = BinaryPrimitives.ReadUInt32LittleEndian(sector[(pos + 4)..]);
            if ((tag & 0xFF) != 0 || len > (uint)(end - pos - 8)) { complete = false; break; }
            var gEnd = pos + 8 + (int)len;
            var items = new List<RfItem>();
            var p = pos + 8;
            while (p + 8 <= gEnd && items.Count < 256)
            {
                var itag = BinaryPrimitives.ReadUInt32LittleEndian(sector[p..]);
                var ilen = BinaryPrimitives.ReadUInt32LittleEndian(sector[(p + 4)..]);
                if ((itag & 0xFFFFFF00) != (tag & 0xFFFFFF00) || (itag & 0xFF) == 0 || ilen > (uint)(gEnd - p - 8)) break;
                items.Add(new RfItem(itag, sector.Slice(p + 8, (int)ilen).ToArray()));
                p += 8 + (int)ilen;
            }
            groups.Add(new RfGroup(tag, items, p < gEnd ? sector[p..gEnd].ToArray() : null));
            pos = gEnd;
        }
        return new RfCalibration(total, groups, complete);
    }

    /// <summary>Builds the 4 KiB sector (FF padded); the total length field covers the groups.</summary>
    public static byte[] Build(IReadOnlyList<RfGroup> groups)
    {
        var body = new List<byte>();
        foreach (var g in groups)
        {
            var items = new List<byte>();
            foreach (var i in g.Items)
            {
                items.AddRange(U32(i.Tag));
                items.AddRange(U32((uint)i.Value.Length));
                items.AddRange(i.Value);
            }
            if (g.Filler is not null) items.AddRange(g.Filler);
            body.AddRange(U32(g.Tag));
            body.AddRange(U32((uint)items.Count));
            body.AddRange(items);
        }
        if (body.Count + 8 > SectorSize) throw new ArgumentException("RF calibration data does not fit in one 4 KiB sector.");
        var sector = new byte[SectorSize];
        sector.AsSpan().Fill(0xFF);
        Magic.CopyTo(sector);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(4), (uint)body.Count);
        body.CopyTo(sector, 8);
        return sector;
    }

    /// <summary>Returns a copy of the sector with the MAC item's value replaced (when present).</summary>
    public static byte[] WithMac(ReadOnlySpan<byte> sector, MacAddress mac)
    {
        var copy = sector.ToArray();
        var parsed = TryParse(copy) ?? throw new ArgumentException("Not an RF calibration sector (no TLV magic).");
        if (parsed.Mac is null) throw new ArgumentException("The RF calibration sector has no MAC item.");
        // The MAC item is the second item of group 1 in every known layout; locate it by tag to be safe.
        for (var p = 8; p + 14 <= copy.Length; p += 1)
            if (BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(p)) == MacTag && BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(p + 4)) == 6)
            {
                mac.ToBytes().CopyTo(copy, p + 8);
                return copy;
            }
        throw new ArgumentException("The RF calibration sector has no MAC item.");
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }
}
