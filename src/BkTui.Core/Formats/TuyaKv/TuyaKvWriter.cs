using System.Buffers.Binary;
using System.Text;
using static BkTui.Core.Formats.TuyaKv.TuyaKvCrypto;

namespace BkTui.Core.Formats.TuyaKv;

/// <summary>
/// Builds a Tuya KV storage region (key block + data blocks, AES-ECB) as the reader expects it, so the
/// project can make its own test dumps and simulated devices (flash-formats.md §7.2–7.4).
/// </summary>
public static class TuyaKvWriter
{
    private const int PageSize = 128;
    private const int PagesPerBlock = 32;

    /// <summary>
    /// The region: one key block then <paramref name="dataBlocks"/> data blocks (default 17 → 0x12000 bytes).
    /// Each value takes one index page plus ceil(len/128) data pages, split over blocks when needed.
    /// </summary>
    public static byte[] Build(ReadOnlySpan<byte> deviceKey, IEnumerable<KeyValuePair<string, byte[]>> entries, int dataBlocks = 17)
    {
        if (deviceKey.Length != 16) throw new ArgumentException("The Tuya device key is 16 bytes.", nameof(deviceKey));
        var blocks = new List<byte[]>();
        var maps = new List<uint>();
        byte[] NewBlock()
        {
            var b = new byte[BlockSize];
            b.AsSpan().Fill(0xFF);
            blocks.Add(b);
            maps.Add(0);
            return b;
        }
        NewBlock();
        int block = 0, page = 1;
        uint element = 1000;
        foreach (var (name, value) in entries)
        {
            var nameBytes = Encoding.ASCII.GetBytes(name + "\0");
            var dataPages = Math.Max(1, (value.Length + PageSize - 1) / PageSize);
            if (page >= PagesPerBlock - 1) { NewBlock(); block++; page = 1; }
            var indexBlock = block;
            var indexPage = page++;
            var parts = new List<(ushort Block, byte First, byte Last)>();
            var written = 0;
            while (written < dataPages)
            {
                if (page >= PagesPerBlock) { NewBlock(); block++; page = 1; }
                var run = Math.Min(dataPages - written, PagesPerBlock - page);
                var dst = blocks[block].AsSpan(page * PageSize, run * PageSize);
                var srcStart = written * PageSize;
                var srcLen = Math.Min(value.Length - srcStart, run * PageSize);
                if (srcLen > 0) value.AsSpan(srcStart, srcLen).CopyTo(dst);
                parts.Add(((ushort)block, (byte)page, (byte)(page + run - 1)));
                page += run;
                written += run;
            }
            if (18 + nameBytes.Length + 4 * parts.Count > PageSize)
                throw new ArgumentException($"Key '{name}' is too long for one index page.");
            var ip = blocks[indexBlock].AsSpan(indexPage * PageSize, PageSize);
            BinaryPrimitives.WriteUInt32LittleEndian(ip, ByteSum(value));
            BinaryPrimitives.WriteUInt32LittleEndian(ip[4..], (uint)value.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(ip[8..], (ushort)indexBlock);
            ip[10] = (byte)indexPage;
            BinaryPrimitives.WriteUInt16LittleEndian(ip[11..], (ushort)parts.Count);
            BinaryPrimitives.WriteUInt32LittleEndian(ip[13..], element++);
            ip[17] = (byte)nameBytes.Length;
            nameBytes.CopyTo(ip[18..]);
            for (var i = 0; i < parts.Count; i++)
            {
                var pp = ip.Slice(18 + nameBytes.Length + 4 * i, 4);
                BinaryPrimitives.WriteUInt16LittleEndian(pp, parts[i].Block);
                pp[2] = parts[i].First;
                pp[3] = parts[i].Last;
            }
            maps[indexBlock] |= 1u << indexPage;
        }
        if (blocks.Count > dataBlocks) throw new ArgumentException($"The values need {blocks.Count} data blocks; only {dataBlocks} fit.");

        var region = new byte[BlockSize * (1 + dataBlocks)];
        region.AsSpan().Fill(0xFF);
        using (var master = CreateAes(MasterKey))
            master.EncryptEcb(KeyBlock(deviceKey), region.AsSpan(0, BlockSize));
        using var aes = CreateAes(DataKey(deviceKey));
        for (var i = 0; i < dataBlocks; i++)
        {
            var b = i < blocks.Count ? blocks[i] : NewEmpty();
            WriteHeader(b, (ushort)i, generation: 1, i < maps.Count ? maps[i] : 0);
            aes.EncryptEcb(b, region.AsSpan(BlockSize * (1 + i), BlockSize));
        }
        return region;

        static byte[] NewEmpty()
        {
            var b = new byte[BlockSize];
            b.AsSpan().Fill(0xFF);
            return b;
        }
    }

    private static byte[] KeyBlock(ReadOnlySpan<byte> deviceKey)
    {
        var k = new byte[BlockSize];
        k.AsSpan().Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(k, KeyBlockMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(k.AsSpan(4), ByteSum(deviceKey));
        deviceKey.CopyTo(k.AsSpan(8));
        return k;
    }

    private static void WriteHeader(byte[] b, ushort id, uint generation, uint map)
    {
        var h = b.AsSpan(0, PageSize);
        h.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(h, DataBlockMagic);
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], id);
        BinaryPrimitives.WriteUInt32LittleEndian(h[10..], generation);
        h[14] = 4;
        BinaryPrimitives.WriteUInt32LittleEndian(h[15..], map);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], ByteSum(b.AsSpan(8)));
    }
}
