using System.Buffers.Binary;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Rbl;

namespace BkTui.Core.Formats.Crypto;

/// <summary>
/// Encrypts, decrypts and re-keys code images in the 34-byte block format (bootloader and app
/// partitions, OpenBeken UA/QIO files). Only blocks with a valid CRC-16 are code; erased blocks, the
/// plaintext FAL table, the plaintext "BK7231" marker and RBL headers are kept as they are, and the
/// RBL payload checksums are recomputed so the bootloader's verify still passes.
/// </summary>
public static class CodeImage
{
    /// <summary>Logical address of the bootloader (physical 0).</summary>
    public const uint BootloaderLogical = 0x0;
    /// <summary>Logical address of the app (physical 0x11000).</summary>
    public const uint AppLogical = 0x10000;

    public static byte[] Encrypt(ReadOnlySpan<byte> physical, uint logicalStart, EfuseKey key) => ConvertKey(physical, logicalStart, EfuseKey.Zero, key);
    public static byte[] Decrypt(ReadOnlySpan<byte> physical, uint logicalStart, EfuseKey key) => ConvertKey(physical, logicalStart, key, EfuseKey.Zero);

    /// <summary>
    /// Re-keys a physical CRC image whose byte 0 is at logical address <paramref name="logicalStart"/>
    /// (0 for full/QIO images, 0x10000 for UA/app images). The length is kept; a trailing partial block is copied.
    /// </summary>
    public static byte[] ConvertKey(ReadOnlySpan<byte> physical, uint logicalStart, EfuseKey from, EfuseKey to)
    {
        if (logicalStart % CrcBlocks.DataSize != 0) throw new ArgumentException("The logical start must be a multiple of 32.", nameof(logicalStart));
        var output = physical.ToArray();
        var blocks = physical.Length / CrcBlocks.BlockSize;
        var logical = CrcBlocks.ToLogical(physical);
        var valid = new bool[blocks];
        for (var i = 0; i < blocks; i++)
            valid[i] = CrcBlocks.Classify(physical.Slice(i * CrcBlocks.BlockSize, CrcBlocks.BlockSize)) == BlockState.Valid;

        var keep = PlaintextRanges(logical, logicalStart);
        var rbls = InFlashRbls(logical, logicalStart).Where(r => r.Header.MatchesPayload(logical.AsSpan((int)r.PayloadStart))).ToList();
        var fromCipher = new CodeCipher(from);
        var toCipher = new CodeCipher(to);
        for (var i = 0; i < blocks; i++)
        {
            if (!valid[i]) continue;
            var data = logical.AsSpan(i * CrcBlocks.DataSize, CrcBlocks.DataSize);
            for (var w = 0; w < CrcBlocks.DataSize; w += 4)
            {
                var off = i * CrcBlocks.DataSize + w;
                if (keep.Any(r => off >= r.Start && off < r.End)) continue;
                var addr = logicalStart + (uint)off;
                var word = BinaryPrimitives.ReadUInt32LittleEndian(data[w..]);
                word ^= fromCipher.Keystream(addr) ^ toCipher.Keystream(addr);
                BinaryPrimitives.WriteUInt32LittleEndian(data[w..], word);
            }
        }
        foreach (var r in rbls)
        {
            var payload = logical.AsSpan((int)r.PayloadStart, (int)r.Header.RawSize);
            RblHeader.PatchChecksums(logical.AsSpan((int)r.HeaderOffset, RblHeader.Size),
                RblHeader.PayloadCrc32(payload, r.Header.PackageSize), RblHeader.Fnv1a(payload));
        }
        for (var i = 0; i < blocks; i++)
            if (valid[i])
                CrcBlocks.WriteBlock(logical.AsSpan(i * CrcBlocks.DataSize, CrcBlocks.DataSize), output.AsSpan(i * CrcBlocks.BlockSize, CrcBlocks.BlockSize));
        return output;
    }

    /// <summary>Logical ranges (relative to the buffer) stored in clear inside code partitions.</summary>
    internal static List<(int Start, int End)> PlaintextRanges(ReadOnlySpan<byte> logical, uint logicalStart)
    {
        var keep = new List<(int, int)>();
        if (logicalStart == BootloaderLogical && logical.Length >= 0x108 && logical.Slice(0x100, 8).SequenceEqual("BK7231\0\0"u8))
            keep.Add((0x100, 0x108));
        var fal = FalTable.Find(logical, out var falAt);
        if (fal.Count > 0) keep.Add((falAt, falAt + fal.Count * FalEntry.Size));
        foreach (var r in InFlashRbls(logical, logicalStart))
            keep.Add(((int)r.HeaderOffset, (int)r.HeaderOffset + RblHeader.Size));
        return keep;
    }

    /// <summary>An RBL header at the end of a code partition, with where its payload starts (both relative to the buffer).</summary>
    internal sealed record InFlashRbl(uint HeaderOffset, uint PayloadStart, RblHeader Header);

    internal static IEnumerable<InFlashRbl> InFlashRbls(byte[] logical, uint logicalStart)
    {
        for (var off = 0; off + RblHeader.Size <= logical.Length; off += CrcBlocks.DataSize)
        {
            if (logical[off] != (byte)'R' || !logical.AsSpan(off, 4).SequenceEqual(RblHeader.Magic)) continue;
            var h = RblHeader.TryParse(logical.AsSpan(off, RblHeader.Size));
            if (h is not { HeaderCrcOk: true }) continue;
            long partStart = h.Name == "bootloader" ? BootloaderLogical : h.Name == "app" ? AppLogical : -1;
            var rel = partStart - logicalStart;
            if (partStart < 0 || rel < 0 || rel + h.RawSize > off) continue;
            yield return new InFlashRbl((uint)off, (uint)rel, h);
        }
    }

    private static IEnumerable<InFlashRbl> InFlashRbls(ReadOnlySpan<byte> logical, uint logicalStart) => InFlashRbls(logical.ToArray(), logicalStart);
}
