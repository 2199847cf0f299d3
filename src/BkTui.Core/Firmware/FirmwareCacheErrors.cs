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
}
