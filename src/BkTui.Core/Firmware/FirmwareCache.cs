using System.Security.Cryptography;
using BkTui.Core.Archive;
using BkTui.Core.Chips;

namespace BkTui.Core.Firmware;

/// <summary>
/// Downloaded builds under <c>&lt;archive&gt;/firmware/&lt;sha256&gt;.bin</c> with an index of their
/// provenance. Files only enter through <see cref="Stage"/> + <see cref="Commit"/> (temp file in
/// the same folder, fsync, verify, rename), so the folder never holds a half file under a final name.
/// </summary>
public sealed class FirmwareCache : IDisposable
{
    private const string StagingPrefix = ".incoming-";
    private readonly IFirmwareIndex _index;
    private readonly DumpArchive? _owned;

    private FirmwareCache(string folder, IFirmwareIndex index, DumpArchive? owned)
    {
        Folder = folder;
        _index = index;
        _owned = owned;
    }

    /// <summary>The firmware folder inside the archive.</summary>
    public string Folder { get; }

    /// <summary>Opens the archive at <paramref name="archiveRoot"/> (creating it) and its firmware cache; disposing closes both.</summary>
    public static FirmwareCache Open(string archiveRoot)
    {
        DumpArchive archive;
        try
        {
            archive = DumpArchive.Open(archiveRoot);
        }
        catch (ArchiveException e)
        {
            throw Translate(e);
        }
        try
        {
            return Open(archive.Root, new ArchiveFirmwareIndex(archive), archive);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>The firmware cache of an archive the caller already has open (the TUI, the job queue).</summary>
    public static FirmwareCache Open(DumpArchive archive) => Open(archive.Root, new ArchiveFirmwareIndex(archive), null);

    internal static FirmwareCache Open(string archiveRoot, IFirmwareIndex index, DumpArchive? owned)
    {
        var folder = Path.GetFullPath(Path.Combine(archiveRoot, "firmware"));
        try
        {
            DurableFile.EnsurePrivateDirectory(folder); // as every archive folder (docs/archive.md), also one an older version made 0755
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FirmwareException(FirmwareError.Cache, $"Cannot create the firmware cache {folder}: {e.Message}", e);
        }
        RemoveStaleStaging(folder, TimeSpan.FromHours(1));
        return new FirmwareCache(folder, index, owned);
    }

    public string PathFor(string sha256) => Path.Combine(Folder, sha256 + ".bin");

    /// <summary>Every indexed build (newest download first), with <see cref="CachedFirmware.Path"/> filled in.</summary>
    public IReadOnlyList<CachedFirmware> List()
    {
        try
        {
            return _index.All().Select(e => e with { Path = PathFor(e.Sha256) }).OrderByDescending(e => e.DownloadedAt).ToList();
        }
        catch (ArchiveException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>
    /// The cached build for a family and version ("latest" = newest published), whose file is present
    /// and still hashes to its recorded SHA-256; null when none. For the flash recipe and the TUI.
    /// </summary>
    public CachedFirmware? Find(ChipFamily family, string? version)
    {
        var candidates = List().Where(e => e.Family == family);
        candidates = AssetSelector.IsLatest(version)
            ? candidates.OrderByDescending(e => e.PublishedAt ?? DateTimeOffset.MinValue).ThenByDescending(e => e.DownloadedAt)
            : candidates.Where(e => AssetSelector.SameTag(e.Tag, version!));
        return candidates.FirstOrDefault(IsIntact);
    }

    /// <summary>Why a flash of <paramref name="version"/> cannot run on a <paramref name="family"/> chip when <see cref="Find"/> has nothing (the job's pre-flight and the TUI's question say the same).</summary>
    public static string NotCached(ChipFamily family, string version) =>
        $"no cached {family} build for version '{version}': fetch one first with `bktui firmware get --chip {family} --version {version}`.";

    /// <summary>The cached copy of exactly this release asset, if present and intact.</summary>
    public CachedFirmware? FindAsset(ChipFamily family, string tag, string assetName) =>
        List().FirstOrDefault(e => e.Family == family && e.Tag == tag && e.AssetName == assetName && IsIntact(e));

    /// <summary>True when the file exists with the recorded size and SHA-256.</summary>
    public bool IsIntact(CachedFirmware entry)
    {
        var path = PathFor(entry.Sha256);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length != entry.Size) return false;
            using var f = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(f)) == entry.Sha256;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Checks a cached build's content as a download is checked (<see cref="FirmwareImageCheck"/>): a cache
    /// filled before a check existed, or by another tool, can hold a mislabelled build. One that fails
    /// is removed from the cache (its row, and its file unless another row shares it), then the failure is thrown.
    /// </summary>
    public CachedFirmware Recheck(CachedFirmware entry)
    {
        var path = PathFor(entry.Sha256);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FirmwareException(FirmwareError.Cache, $"Cannot read the cached {entry.AssetName} ({path}): {e.Message}", e);
        }
        try
        {
            FirmwareImageCheck.Check(entry.Family, bytes, entry.AssetName, entry.SourceUrl,
                $"It was in the cache (downloaded {entry.DownloadedAt:yyyy-MM-dd HH:mm} UTC) and has been removed from it.");
        }
        catch (FirmwareException)
        {
            Remove(entry);
            throw;
        }
        return entry with { Path = path };
    }

    /// <summary>Drops an entry and, when no other entry has the same bytes, its file.</summary>
    private void Remove(CachedFirmware entry)
    {
        try
        {
            _index.Remove(entry);
            if (!_index.All().Any(e => e.Sha256 == entry.Sha256)) File.Delete(PathFor(entry.Sha256));
        }
        catch (Exception e) when (e is ArchiveException or IOException or UnauthorizedAccessException) { } // the refusal matters more; the next get tries again
    }

    /// <summary>A temp file in the cache folder; disposing it without <see cref="Commit"/> deletes it.</summary>
    public StagedFile Stage()
    {
        var path = Path.Combine(Folder, $"{StagingPrefix}{Guid.NewGuid():N}.part");
        try
        {
            return new StagedFile(path);
        }
        catch (IOException e)
        {
            throw FirmwareCacheErrors.FromWrite(e, "a temporary file");
        }
    }

    /// <summary>fsyncs the staged file, checks its hash, renames it to &lt;sha256&gt;.bin and indexes it.</summary>
    public CachedFirmware Commit(StagedFile staged, CachedFirmware entry)
    {
        staged.Seal();
        var final = PathFor(entry.Sha256);
        using (var f = File.OpenRead(staged.Path))
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(f));
            if (sha != entry.Sha256 || f.Length != entry.Size)
                throw new FirmwareException(FirmwareError.Integrity, $"{entry.AssetName}: the file on disk does not match what was downloaded; not kept.");
        }
        try
        {
            File.Move(staged.Path, final, overwrite: true);
        }
        catch (IOException e)
        {
            throw FirmwareCacheErrors.FromWrite(e, entry.AssetName);
        }
        staged.MarkCommitted();
        try
        {
            DurableFile.FsyncDirectory(Folder);
            _index.Upsert(entry);
        }
        catch (ArchiveException e)
        {
            throw Translate(e); // the file stays: content-addressed, it is indexed by the next get
        }
        catch (IOException e)
        {
            throw FirmwareCacheErrors.FromWrite(e, entry.AssetName);
        }
        return entry with { Path = final };
    }

    private static FirmwareException Translate(ArchiveException e) =>
        new(e.Problem == ArchiveProblem.DiskFull ? FirmwareError.DiskFull : FirmwareError.Cache, e.Message, e);

    public void Dispose() => _owned?.Dispose();

    private static void RemoveStaleStaging(string folder, TimeSpan age)
    {
        foreach (var f in Directory.EnumerateFiles(folder, StagingPrefix + "*"))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(f) > age) File.Delete(f);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}

/// <summary>A download in progress: a temp file that disappears unless committed.</summary>
public sealed class StagedFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;
    private bool _sealed;

    internal StagedFile(string path)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
    }

    public string Path { get; }
    public Stream Stream => _stream;

    /// <summary>Flush to disk (fsync) and close for writing; ENOSPC surfaces here at the latest.</summary>
    public void Seal()
    {
        if (_sealed) return;
        try
        {
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            throw FirmwareCacheErrors.FromWrite(e, "the download");
        }
        _stream.Dispose();
        _sealed = true;
    }

    /// <summary>Reads the sealed file back (bounded by the caller's size limit).</summary>
    public byte[] ReadAll(long max)
    {
        Seal();
        var info = new FileInfo(Path);
        if (info.Length > max) throw new FirmwareException(FirmwareError.TooLarge, $"{info.Length} bytes is more than the {max}-byte limit.");
        return File.ReadAllBytes(Path);
    }

    internal void MarkCommitted() => _committed = true;

    public void Dispose()
    {
        try { _stream.Dispose(); } catch (IOException) { }
        if (_committed) return;
        try { File.Delete(Path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
