using System.IO.MemoryMappedFiles;

namespace BkTui.Tui.Panes.Hex;

/// <summary>Random access to the bytes shown by the hex viewer (only visible rows are ever read).</summary>
public interface IByteSource : IDisposable
{
    string Name { get; }
    long Length { get; }

    /// <summary>Copies up to destination.Length bytes from <paramref name="offset"/>; returns the count (0 past the end).</summary>
    int Read(long offset, Span<byte> destination);
}

/// <summary>Bytes held in memory (tests, small buffers from the engine).</summary>
public sealed class MemoryByteSource(string name, byte[] bytes) : IByteSource
{
    public string Name { get; } = name;
    public long Length => bytes.LongLength;

    public int Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset >= bytes.LongLength) return 0;
        int n = (int)Math.Min(destination.Length, bytes.LongLength - offset);
        bytes.AsSpan((int)offset, n).CopyTo(destination);
        return n;
    }

    public void Dispose() { }
}

/// <summary>
/// A read-only memory-mapped file: opening costs the same for 2 MiB or 2 GiB, and reads touch only
/// the pages shown. Falls back to positional reads where mapping is impossible (empty files,
/// address-space limits on 32-bit systems).
/// </summary>
public sealed unsafe class MappedFileSource : IByteSource
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? _file;

    private MappedFileSource(string path)
    {
        Name = Path.GetFileName(path);
        Length = new FileInfo(path).Length;
        if (Length == 0) return;
        try
        {
            _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* p = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            _base = p + _view.PointerOffset;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            _view?.Dispose();
            _map?.Dispose();
            (_view, _map) = (null, null);
            _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
    }

    /// <summary>Opens <paramref name="path"/>; throws FileNotFoundException/IOException with the path in the message.</summary>
    public static MappedFileSource Open(string path)
    {
        if (Directory.Exists(path)) throw new IOException("it is a folder: name a dump file in it");
        if (!File.Exists(path)) throw new FileNotFoundException($"no such file: {path}", path);
        return new MappedFileSource(path);
    }

    public string Name { get; }
    public long Length { get; }

    public int Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset >= Length) return 0;
        int n = (int)Math.Min(destination.Length, Length - offset);
        if (_base != null) new ReadOnlySpan<byte>(_base + offset, n).CopyTo(destination);
        else if (_file is not null) n = RandomAccess.Read(_file, destination[..n], offset);
        else return 0;
        return n;
    }

    private int _disposed;

    /// <summary>Idempotent: the viewer and whoever opened the document may both release it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
        _file?.Dispose();
    }
}
