using System.Buffers.Binary;
using BkTui.Core.Chips;

namespace BkTui.Core.Formats.Rbl;

/// <summary>One RT-Thread FAL partition entry (64 bytes, flash-formats.md §4).</summary>
/// <param name="Device">"beken_onchip_crc" = logical CRC space, "beken_onchip" = raw physical.</param>
public sealed record FalEntry(string Name, string Device, uint Offset, uint Length, uint Crc32 = 0)
{
    public const int Size = 64;
    public const uint Magic = 0x45503130;

    /// <summary>True when offsets are logical (CRC-16 block space).</summary>
    public bool IsCrcSpace => Device.EndsWith("_crc", StringComparison.Ordinal);

    public uint PhysicalStart => IsCrcSpace ? Crc16.CrcBlocks.LogicalToPhysical(Offset) : Offset;
    public uint PhysicalLength => IsCrcSpace ? Crc16.CrcBlocks.LogicalToPhysical(Offset + Length) - PhysicalStart : Length;

    /// <summary>The CRC field is either 0 (Tuya 1.0.1 tables) or the standard CRC-32 of bytes 0x00–0x3B.</summary>
    public bool CrcOk { get; init; } = true;
}

/// <summary>Reads and writes FAL tables stored unencrypted near the end of the bootloader's logical image.</summary>
public static class FalTable
{
    /// <summary>
    /// Finds the longest run of consecutive FAL entries in logical bootloader data (code may hold the magic
    /// as a literal, so a lone hit does not win over the real table). Bounded to 16 entries and 256 hits.
    /// </summary>
    public static IReadOnlyList<FalEntry> Find(ReadOnlySpan<byte> logical, out int tableOffset)
    {
        tableOffset = -1;
        IReadOnlyList<FalEntry> best = [];
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, FalEntry.Magic);
        var pos = 0;
        for (var hits = 0; pos < logical.Length && hits < 256; hits++)
        {
            var idx = logical[pos..].IndexOf(magic);
            if (idx < 0) break;
            var at = pos + idx;
            var entries = new List<FalEntry>();
            for (var p = at; p + FalEntry.Size <= logical.Length && entries.Count < 16; p += FalEntry.Size)
            {
                var e = ParseEntry(logical.Slice(p, FalEntry.Size));
                if (e is null) break;
                entries.Add(e);
            }
            if (entries.Count > best.Count) { best = entries; tableOffset = at; }
            pos = at + Math.Max(1, entries.Count * FalEntry.Size);
        }
        return best;
    }

    /// <summary>One entry, or null when the magic or the text fields are not plausible.</summary>
    public static FalEntry? ParseEntry(ReadOnlySpan<byte> b)
    {
        if (b.Length < FalEntry.Size || BinaryPrimitives.ReadUInt32LittleEndian(b) != FalEntry.Magic) return null;
        var name = AsciiField.ReadStrict(b.Slice(0x04, 24));
        var dev = AsciiField.ReadStrict(b.Slice(0x1C, 24));
        if (name is null || dev is null || name.Length == 0 || dev.Length == 0) return null;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(b[0x3C..]);
        return new FalEntry(name, dev, BinaryPrimitives.ReadUInt32LittleEndian(b[0x34..]), BinaryPrimitives.ReadUInt32LittleEndian(b[0x38..]), crc)
        {
            CrcOk = crc == 0 || crc == BekenCrc32.Standard(b[..0x3C]),
        };
    }

    /// <summary>Serialises entries; <paramref name="withCrc"/> false writes 0 in the CRC field as Tuya 1.0.1 does.</summary>
    public static byte[] Build(IEnumerable<FalEntry> entries, bool withCrc = false)
    {
        var list = entries.ToList();
        var b = new byte[list.Count * FalEntry.Size];
        for (var i = 0; i < list.Count; i++)
        {
            var s = b.AsSpan(i * FalEntry.Size, FalEntry.Size);
            BinaryPrimitives.WriteUInt32LittleEndian(s, FalEntry.Magic);
            AsciiField.Write(s.Slice(0x04, 24), list[i].Name);
            AsciiField.Write(s.Slice(0x1C, 24), list[i].Device);
            BinaryPrimitives.WriteUInt32LittleEndian(s[0x34..], list[i].Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(s[0x38..], list[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(s[0x3C..], withCrc ? BekenCrc32.Standard(s[..0x3C]) : 0);
        }
        return b;
    }

    /// <summary>The standard Tuya tables (§4): N downloads at 0x12A000, T/U at 0x132000.</summary>
    public static IReadOnlyList<FalEntry> Default(uint downloadOffset) =>
    [
        new("bootloader", "beken_onchip_crc", 0x0, 0x10000),
        new("app", "beken_onchip_crc", 0x10000, 0x108700),
        new("download", "beken_onchip", downloadOffset, 0xA6000),
    ];
}
