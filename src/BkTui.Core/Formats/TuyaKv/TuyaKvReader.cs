using System.Buffers.Binary;
using static BkTui.Core.Formats.TuyaKv.TuyaKvCrypto;

namespace BkTui.Core.Formats.TuyaKv;

/// <summary>One data block found in the storage.</summary>
public sealed record TuyaKvBlock(uint Offset, ushort Id, uint Generation, bool ChecksumOk, bool Used);

/// <summary>One decoded key: name, value, where its index page lives.</summary>
public sealed record TuyaKvEntry(string Name, byte[] Value, uint IndexOffset, bool ChecksumOk);

/// <summary>Everything decoded from a Tuya KV storage.</summary>
public sealed record TuyaKvStore(
    uint KeyBlockOffset, byte[] DeviceKey, IReadOnlyList<TuyaKvBlock> Blocks,
    IReadOnlyList<TuyaKvEntry> Entries, IReadOnlyList<uint> ProtectedBlocks)
{
    public TuyaKvEntry? Get(string name) => Entries.FirstOrDefault(e => e.Name == name);
    /// <summary>End of the last data block (exclusive).</summary>
    public uint End => Blocks.Count == 0 ? KeyBlockOffset + BlockSize : Blocks.Max(b => b.Offset) + BlockSize;
}

/// <summary>
/// Decodes the Tuya KV storage from a dump by content (GFT rule, §7.2): a key block anywhere on a
/// 4 KiB boundary, then every sector that decrypts to a data-block header. Swap copies: the highest
/// generation with a valid checksum wins (GFT).
/// </summary>
public static class TuyaKvReader
{
    private const int PageSize = 128;
    private const int MaxValueLength = 64 * 1024;

    public static TuyaKvStore? TryRead(ReadOnlySpan<byte> dump)
    {
        using var master = CreateAes(MasterKey);
        Span<byte> head = stackalloc byte[32];
        uint? keyBlock = null;
        byte[]? deviceKey = null;
        var protectedBlocks = new List<uint>();
        for (var s = 0; s + BlockSize <= dump.Length; s += BlockSize)
        {
            master.DecryptEcb(dump.Slice(s, 32), head);
            if (BinaryPrimitives.ReadUInt32LittleEndian(head) != KeyBlockMagic) continue;
            var sum = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
            if (sum == ByteSum(head.Slice(8, 16)) && keyBlock is null)
            {
                keyBlock = (uint)s;
                deviceKey = head.Slice(8, 16).ToArray();
            }
            else if (sum != ByteSum(head.Slice(8, 16))) protectedBlocks.Add((uint)s);
        }
        if (keyBlock is null || deviceKey is null) return null;

        using var data = CreateAes(DataKey(deviceKey));
        var best = new Dictionary<ushort, (uint Offset, uint Gen, byte[] Plain)>();
        var blocks = new List<TuyaKvBlock>();
        var plain = new byte[BlockSize];
        for (var s = 0; s + BlockSize <= dump.Length; s += BlockSize)
        {
            data.DecryptEcb(dump.Slice(s, 16), head[..16]);
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(head);
            if (magic != DataBlockMagic && magic != DataBlockMagicOs3) continue;
            data.DecryptEcb(dump.Slice(s, BlockSize), plain);
            var ok = BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(4)) == ByteSum(plain.AsSpan(8));
            var id = BinaryPrimitives.ReadUInt16LittleEndian(plain.AsSpan(8));
            var gen = BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(10));
            blocks.Add(new TuyaKvBlock((uint)s, id, gen, ok, false));
            if (ok && (!best.TryGetValue(id, out var cur) || gen > cur.Gen))
                best[id] = ((uint)s, gen, (byte[])plain.Clone());
        }

        var entries = new Dictionary<string, (TuyaKvEntry Entry, uint Element)>();
        foreach (var (id, blk) in best)
            foreach (var (entry, element) in IndexPages(id, blk.Offset, blk.Plain, best))
                if (!entries.TryGetValue(entry.Name, out var cur) || element > cur.Element)
                    entries[entry.Name] = (entry, element);

        var used = best.Values.Select(b => b.Offset).ToHashSet();
        return new TuyaKvStore(keyBlock.Value, deviceKey,
            blocks.Select(b => b with { Used = used.Contains(b.Offset) }).ToList(),
            entries.Values.Select(e => e.Entry).OrderBy(e => e.Name, StringComparer.Ordinal).ToList(),
            protectedBlocks);
    }

    private static IEnumerable<(TuyaKvEntry, uint)> IndexPages(ushort id, uint offset, byte[] block,
        Dictionary<ushort, (uint Offset, uint Gen, byte[] Plain)> all)
    {
        var mapSize = Math.Min((int)block[14], 4);
        ulong map = 0;
        for (var i = 0; i < mapSize; i++) map |= (ulong)block[15 + i] << (8 * i);
        for (var p = 1; p < 32; p++)
        {
            if ((map >> p & 1) == 0) continue;
            var page = block.AsSpan(p * PageSize, PageSize);
            var entry = ParseIndex(page, id, p, offset, all, out var element);
            if (entry is not null) yield return (entry, element);
        }
    }

    private static TuyaKvEntry? ParseIndex(ReadOnlySpan<byte> page, ushort id, int pageNo, uint offset,
        Dictionary<ushort, (uint Offset, uint Gen, byte[] Plain)> all, out uint element)
    {
        element = BinaryPrimitives.ReadUInt32LittleEndian(page[13..]);
        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(page);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(page[4..]);
        if (BinaryPrimitives.ReadUInt16LittleEndian(page[8..]) != id || page[10] != pageNo || length > MaxValueLength) return null;
        var nameLen = page[17];
        if (nameLen is 0 || 18 + nameLen > PageSize) return null;
        var parts = (int)BinaryPrimitives.ReadUInt16LittleEndian(page[11..]);
        if (18 + nameLen + 4 * parts > PageSize && parts % 4 == 0) parts /= 4; // some writers store a byte count
        if (parts == 0 || 18 + nameLen + 4 * parts > PageSize) return null;
        var nameBytes = page.Slice(18, nameLen);
        var nul = nameBytes.IndexOf((byte)0);
        var name = Ascii(nul >= 0 ? nameBytes[..nul] : nameBytes);
        if (name.Length == 0 || name.Any(c => c is < ' ' or > '~')) return null;

        var value = new List<byte>((int)length);
        for (var i = 0; i < parts && value.Count < length; i++)
        {
            var part = page.Slice(18 + nameLen + 4 * i, 4);
            var blockId = BinaryPrimitives.ReadUInt16LittleEndian(part);
            int first = part[2], last = part[3];
            if (!all.TryGetValue(blockId, out var src) || first < 1 || last > 31 || first > last) return null;
            value.AddRange(src.Plain.AsSpan(first * PageSize, (last - first + 1) * PageSize).ToArray());
        }
        if (value.Count < length) return null;
        var bytes = value.GetRange(0, (int)length).ToArray();
        return new TuyaKvEntry(name, bytes, offset + (uint)(pageNo * PageSize), ByteSum(bytes) == checksum);
    }
}
