using BkTui.Core.Serial;

namespace BkTui.Core.Inputs;

/// <summary>An input file that cannot be used as a dump or firmware file; the message says why, truly.</summary>
public sealed class InputFileException(string message) : Exception(message);

/// <summary>
/// Reads a dump or firmware file only when it is a regular file: a FIFO with no writer would block
/// open() forever, a directory or a device (/dev/zero) is not a file of bytes to analyse or write.
/// The type comes from statx, before anything is opened; reads are bounded.
/// </summary>
public static class RegularFile
{
    private const uint StatxType = 0x1;
    private const ushort TypeMask = 0xF000, Regular = 0x8000, Directory = 0x4000, Fifo = 0x1000, CharDevice = 0x2000, BlockDevice = 0x6000, Socket = 0xC000;

    /// <summary>The file's bytes; <see cref="InputFileException"/> for anything that is not a readable regular file of 1..<paramref name="maxBytes"/> bytes.</summary>
    public static byte[] Read(string path, long maxBytes, string what = "file", bool allowEmpty = false)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InputFileException("no input file given.");
        Describe(path, what);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length == 0 && !allowEmpty) throw new InputFileException($"{path}: the {what} is empty (0 bytes).");
            if (stream.Length > maxBytes)
                throw new InputFileException($"{path}: {stream.Length} bytes is larger than any BK72xx {what} ({maxBytes / (1024 * 1024)} MiB at most); wrong file?");
            var data = new byte[stream.Length];
            stream.ReadExactly(data);
            return data;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot read it ({e.Message}).");
        }
    }

    /// <summary>Throws unless <paramref name="path"/> names an existing regular file (symlinks followed).</summary>
    public static unsafe void Describe(string path, string what = "file")
    {
        byte* buffer = stackalloc byte[256];
        if (Native.Statx(Native.AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            var errno = Native.Errno;
            throw new InputFileException(errno == Native.ENOENT ? $"{path}: no such file." : $"{path}: {Native.ErrorText(errno)}.");
        }
        var type = (ushort)(*(ushort*)(buffer + 28) & TypeMask); // stx_mode
        var kind = type switch
        {
            Regular => null,
            Directory => "a directory",
            Fifo => "a FIFO (named pipe); it is not read, so nothing waits for a writer",
            CharDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            _ => "not a regular file",
        };
        if (kind is not null) throw new InputFileException($"{path} is {kind}, not a {what}. Give the path of a {what} saved on disk.");
    }
}
