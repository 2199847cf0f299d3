using System.Runtime.InteropServices;

namespace BkTui.Core.Archive;

/// <summary>
/// Crash-safe file writes: temp file in the same folder, fsync, rename over the target, fsync the
/// folder. After a kill or power cut the target is either the old file or the complete new one.
/// </summary>
public static partial class DurableFile
{
    /// <summary>Mode for every file we create: the archive holds secrets (Wi-Fi passwords, Tuya keys).</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Suffix of temp files; a leftover one means a writer was killed (harmless, cleaned by check).</summary>
    public const string TempSuffix = ".tmp";

    public static void WriteAtomic(string path, ReadOnlySpan<byte> data)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var fs = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None,
                UnixCreateMode = OperatingSystem.IsWindows() ? null : PrivateFile,
            }))
            {
                fs.Write(data);
                fs.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
            FsyncDirectory(dir);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Makes a rename or create in <paramref name="dir"/> durable (the entry itself, not just the data).</summary>
    public static void FsyncDirectory(string dir)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = open(dir, O_RDONLY | O_CLOEXEC); // O_DIRECTORY differs between x86 and ARM: not needed
        if (fd < 0) throw ErrnoException($"open {dir}");
        try
        {
            // Some file systems refuse fsync on a directory (EINVAL); the data is still written.
            if (fsync(fd) != 0 && Marshal.GetLastPInvokeError() != EINVAL) throw ErrnoException($"fsync {dir}");
        }
        finally { close(fd); }
    }

    /// <summary>
    /// Creates the folder (and parents) private to the user. An existing folder is tightened only when
    /// <paramref name="tightenExisting"/>: a user's own folder given as --archive is not re-moded behind their back.
    /// </summary>
    public static void EnsurePrivateDirectory(string dir, bool tightenExisting = true)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(dir); return; }
        if (!Directory.Exists(dir)) Directory.CreateDirectory(dir, PrivateDirectory);
        else if (!tightenExisting) return;
        if ((File.GetUnixFileMode(dir) & ~PrivateDirectory) != 0) File.SetUnixFileMode(dir, PrivateDirectory);
    }

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static IOException ErrnoException(string what)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    // Linux values, the same on x86-64, arm64 and armhf.
    private const int O_RDONLY = 0, O_CLOEXEC = 0x80000, EINVAL = 22;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
