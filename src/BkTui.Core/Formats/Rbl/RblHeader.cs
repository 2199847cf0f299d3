using System.Buffers.Binary;
using BkTui.Core.Chips;

namespace BkTui.Core.Formats.Rbl;

/// <summary>
/// The 96-byte RBL container header (flash-formats.md §5). In flash it closes the bootloader and
/// app partitions (last 96 logical bytes); in OTA files it comes first.
/// </summary>
public sealed record RblHeader
{
    public const int Size = 96;
    public static ReadOnlySpan<byte> Magic => "RBL\0"u8;

    /// <summary>0 none, 1 XOR, 2 AES-256.</summary>
    public byte Encryption { get; init; }
    /// <summary>0 none, 1 gzip, 2 QuickLZ, 3 FastLZ.</summary>
    public byte Compression { get; init; }
    public uint Timestamp { get; init; }
    public string Name { get; init; } = "";
    public string Version { get; init; } = "";
    public string Serial { get; init; } = "";
    public uint DataCrc32 { get; init; }
    public uint Fnv1aHash { get; init; }
    public uint RawSize { get; init; }
    public uint PackageSize { get; init; }
    public uint HeaderCrc32 { get; init; }
    /// <summary>True when the stored header CRC matches bytes 0x00–0x5B.</summary>
    public bool HeaderCrcOk { get; init; }

    /// <summary>Parses 96 plain bytes; null when the magic is absent.</summary>
    public static RblHeader? TryParse(ReadOnlySpan<byte> b)
    {
        if (b.Length < Size || !b[..4].SequenceEqual(Magic)) return null;
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(b[0x5C..]);
        return new RblHeader
        {
            Encryption = b[4],
            Compression = b[5],
            Timestamp = BinaryPrimitives.ReadUInt32LittleEndian(b[0x08..]),
            Name = AsciiField.Read(b.Slice(0x0C, 16)),
            Version = AsciiField.Read(b.Slice(0x1C, 24)),
            Serial = AsciiField.Read(b.Slice(0x34, 24)),
            DataCrc32 = BinaryPrimitives.ReadUInt32LittleEndian(b[0x4C..]),
            Fnv1aHash = BinaryPrimitives.ReadUInt32LittleEndian(b[0x50..]),
            RawSize = BinaryPrimitives.ReadUInt32LittleEndian(b[0x54..]),
            PackageSize = BinaryPrimitives.ReadUInt32LittleEndian(b[0x58..]),
            HeaderCrc32 = stored,
            HeaderCrcOk = BekenCrc32.Standard(b[..0x5C]) == stored,
        };
    }

    /// <summary>Serialises the header; the header CRC is always recomputed.</summary>
    public byte[] ToBytes()
    {
        var b = new byte[Size];
        Magic.CopyTo(b);
        b[4] = Encryption;
        b[5] = Compression;
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(0x08), Timestamp);
        AsciiField.Write(b.AsSpan(0x0C, 16), Name);
        AsciiField.Write(b.AsSpan(0x1C, 24), Version);
        AsciiField.Write(b.AsSpan(0x34, 24), Serial);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(0x4C), DataCrc32);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(0x50), Fnv1aHash);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(0x54), RawSize);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(0x58), PackageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(0x5C), BekenCrc32.Standard(b.AsSpan(0, 0x5C)));
        return b;
    }

    /// <summary>
    /// Rewrites the payload CRC, hash and header CRC of a stored header in place, keeping every other
    /// byte (real headers carry stray bytes after the NUL of their text fields).
    /// </summary>
    public static void PatchChecksums(Span<byte> header, uint dataCrc32, uint fnv1a)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], dataCrc32);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x50..], fnv1a);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x5C..], BekenCrc32.Standard(header[..0x5C]));
    }

    /// <summary>
    /// Header for an in-flash container whose logical payload is <paramref name="payload"/>:
    /// CRC-32 and FNV-1a over the payload, padded PKCS#7-style up to <paramref name="packageSize"/>.
    /// </summary>
    public static RblHeader ForPayload(string name, string version, ReadOnlySpan<byte> payload, uint packageSize, uint timestamp = 0) => new()
    {
        Name = name,
        Version = version,
        Serial = new string('0', 23),
        Timestamp = timestamp,
        RawSize = (uint)payload.Length,
        PackageSize = packageSize,
        DataCrc32 = PayloadCrc32(payload, packageSize),
        Fnv1aHash = Fnv1a(payload),
    };

    /// <summary>The CRC rule for in-flash containers (§5): payload then (package − raw) bytes equal to that difference.</summary>
    public static uint PayloadCrc32(ReadOnlySpan<byte> payload, uint packageSize)
    {
        var reg = BekenCrc32.Update(0xFFFFFFFF, payload);
        var pad = packageSize > payload.Length ? packageSize - (uint)payload.Length : 0;
        for (uint i = 0; i < pad; i++)
            reg = BekenCrc32.Update(reg, [(byte)pad]);
        return ~reg;
    }

    public static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        var h = 0x811C9DC5u;
        foreach (var b in data) h = (h ^ b) * 0x01000193u;
        return h;
    }

    /// <summary>True when payload CRC and hash both match this header.</summary>
    public bool MatchesPayload(ReadOnlySpan<byte> payload) =>
        payload.Length >= RawSize && PayloadCrc32(payload[..(int)RawSize], PackageSize) == DataCrc32 && Fnv1a(payload[..(int)RawSize]) == Fnv1aHash;
}
