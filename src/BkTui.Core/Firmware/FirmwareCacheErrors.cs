using System.Runtime.InteropServices;

namespace BkTui.Core.Firmware;

/// <summary>Maps file-system failures in the cache folder to clear messages (ENOSPC above all).</summary>
internal static class FirmwareCacheErrors
{
    private const int Enospc = 28;

    public static bool IsDiskFull(IOException e) =>
        e.HResult == Enospc || (e.HResult & 0xFFFF) == 0x70 /* ERROR_DISK_FULL */ ||
        e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);

    public static FirmwareException FromWrite(IOException e, string what) =>
        IsDiskFull(e)
            ? new FirmwareException(FirmwareError.DiskFull, $"No space left on the device holding the firmware cache while writing {what}; nothing was kept. Free some space (or use --archive on another disk) and retry.", e)
            : new FirmwareException(FirmwareError.Cache, $"Cannot write {what} in the firmware cache: {e.Message}", e);

    /// <summary>fsync a directory so a rename inside it survives a power cut.</summary>
    public static void SyncDirectory(string dir)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var fd = open(dir, 0 /* O_RDONLY */);
        if (fd < 0) return; // best effort: the file itself was already fsynced
        try { _ = fsync(fd); } finally { _ = close(fd); }
    }

    [DllImport("libc", SetLastError = true)] private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", SetLastError = true)] private static extern int fsync(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
}
