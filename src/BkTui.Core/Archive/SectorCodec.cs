using System.IO.Compression;
using System.Security.Cryptography;

namespace BkTui.Core.Archive;

/// <summary>How a dump is cut, recognised and compressed sector by sector.</summary>
internal static class SectorCodec
{
    /// <summary>The flash erase unit: identical sectors across dumps are stored once.</summary>
    public const int SectorSize = 4096;
    public const byte Raw = 0, Brotli = 1;

    // Quality 5 / window 16: most of Brotli's gain on firmware at a fraction of quality 11's time (see README numbers).
    private const int Quality = 5, WindowBits = 16;

    public static int SectorCount(long size) => (int)((size + SectorSize - 1) / SectorSize);

    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> dump, int index) =>
        dump.Slice(index * SectorSize, Math.Min(SectorSize, dump.Length - index * SectorSize));

    /// <summary>True for an erased sector (all 0xFF): never stored, rebuilt on export.</summary>
    public static bool IsErased(ReadOnlySpan<byte> sector) => !sector.ContainsAnyExcept((byte)0xFF);

    public static byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    /// <summary>Brotli when it helps, the raw bytes otherwise (random or already-compressed data).</summary>
    public static (byte Codec, byte[] Payload) Compress(ReadOnlySpan<byte> sector)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(sector.Length)];
        if (BrotliEncoder.TryCompress(sector, buffer, out int written, Quality, WindowBits) && written < sector.Length)
            return (Brotli, buffer.AsSpan(0, written).ToArray());
        return (Raw, sector.ToArray());
    }

    /// <summary>Decodes into <paramref name="destination"/> (exactly the raw length); false when the payload is damaged.</summary>
    public static bool TryDecompress(byte codec, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        switch (codec)
        {
            case Raw:
                if (payload.Length != destination.Length) return false;
                payload.CopyTo(destination);
                return true;
            case Brotli:
                try
                {
                    return BrotliDecoder.TryDecompress(payload, destination, out int written) && written == destination.Length;
                }
                catch (Exception e) when (e is InvalidOperationException or InvalidDataException) { return false; }
            default:
                return false;
        }
    }
}
