using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace BkTui.Core.Archive;

/// <summary>A sector as placed in a pack file.</summary>
internal sealed record PackedSector(byte[] Hash, long Offset, int StoredLength, int RawLength, byte Codec);

/// <summary>A pack file made durable on disk, not yet referenced by any row.</summary>
internal sealed record WrittenPack(string Name, long Size, IReadOnlyList<PackedSector> Sectors);

/// <summary>
/// The blob store: <c>blobs/&lt;hh&gt;/&lt;sha256&gt;.pack</c>, one file per import holding that import's new
/// sectors, compressed. Pack files are named by the hash of their content and never modified. Each
/// record is self-describing (hash, codec, lengths) so the store can be checked without the database.
/// One file per import rather than per sector: one fsync per import, and no 4 KiB file-system block
/// wasted on every compressed sector.
/// </summary>
internal sealed class BlobStore(string directory)
{
    public const string PackExtension = ".pack";
    private static ReadOnlySpan<byte> Magic => "BKTPACK1"u8;
    internal const int RecordHeader = 32 + 1 + 4 + 4;

    public string Directory { get; } = directory;

    public string PackPath(string name) => Path.Combine(Directory, name[..2], name + PackExtension);

    /// <summary>Compresses the sectors into one pack and makes it durable (temp, fsync, rename, fsync dir).</summary>
    public WrittenPack WritePack(IReadOnlyList<(byte[] Hash, byte[] Raw)> sectors)
    {
        using var ms = new MemoryStream();
        ms.Write(Magic);
        var placed = new List<PackedSector>(sectors.Count);
        Span<byte> header = stackalloc byte[RecordHeader];
        foreach (var (hash, raw) in sectors)
        {
            var (codec, payload) = SectorCodec.Compress(raw);
            hash.CopyTo(header);
            header[32] = codec;
            BinaryPrimitives.WriteInt32LittleEndian(header[33..], raw.Length);
            BinaryPrimitives.WriteInt32LittleEndian(header[37..], payload.Length);
            ms.Write(header);
            placed.Add(new PackedSector(hash, ms.Position, payload.Length, raw.Length, codec));
            ms.Write(payload);
        }
        var bytes = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        var name = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var sub = Path.Combine(Directory, name[..2]);
        if (!System.IO.Directory.Exists(sub))
        {
            DurableFile.EnsurePrivateDirectory(sub);
            DurableFile.FsyncDirectory(Directory);
        }
        DurableFile.WriteAtomic(PackPath(name), bytes);
        return new WrittenPack(name, bytes.Length, placed);
    }

    /// <summary>Every pack and leftover temp file on disk (for orphan detection).</summary>
    public IEnumerable<string> ListFiles() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            : [];

    /// <summary>Pack name of a file path, or null for anything that is not a pack (temp files, strays).</summary>
    public static string? NameOf(string file)
    {
        var n = Path.GetFileName(file);
        return n.EndsWith(PackExtension, StringComparison.Ordinal) && n.Length == 64 + PackExtension.Length ? n[..64] : null;
    }

    /// <summary>Opens packs lazily and keeps them open for one export or check.</summary>
    public PackReader OpenReader() => new(this);
}

/// <summary>Reads sectors out of pack files, verifying each against its content hash.</summary>
internal sealed class PackReader(BlobStore store) : IDisposable
{
    private readonly Dictionary<string, SafeFileHandle?> _open = [];

    /// <summary>Why a sector cannot be read back, or null when <paramref name="destination"/> holds its verified bytes.</summary>
    public string? TryRead(string pack, long offset, int storedLength, byte codec, ReadOnlySpan<byte> hash, Span<byte> destination)
    {
        if (!_open.TryGetValue(pack, out var handle))
        {
            var path = store.PackPath(pack);
            handle = File.Exists(path) ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
            _open[pack] = handle;
        }
        if (handle is null) return $"pack {pack} is missing";
        // Read the record header too: it must agree with the index, so any damaged byte of the record is noticed.
        var record = new byte[BlobStore.RecordHeader + storedLength];
        long start = offset - BlobStore.RecordHeader;
        if (start < 0 || RandomAccess.Read(handle, record, start) != record.Length) return $"pack {pack} is truncated at offset {offset}";
        var header = record.AsSpan(0, BlobStore.RecordHeader);
        if (!header[..32].SequenceEqual(hash) || header[32] != codec || BinaryPrimitives.ReadInt32LittleEndian(header[33..]) != destination.Length
            || BinaryPrimitives.ReadInt32LittleEndian(header[37..]) != storedLength)
            return $"pack {pack}: record header at offset {start} does not match the index";
        var payload = record.AsSpan(BlobStore.RecordHeader);
        if (!SectorCodec.TryDecompress(codec, payload, destination)) return $"pack {pack}: sector at offset {offset} does not decode";
        if (!SectorCodec.Hash(destination).AsSpan().SequenceEqual(hash)) return $"pack {pack}: sector at offset {offset} does not match its hash";
        return null;
    }

    public void Dispose()
    {
        foreach (var h in _open.Values) h?.Dispose();
        _open.Clear();
    }
}
