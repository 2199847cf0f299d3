namespace BkTui.Core.Serial;

/// <summary>
/// One serial port as sysfs and udev describe it, found without opening it.
/// Vid/Pid are 4 lowercase hex digits; USB fields are null for on-board UARTs.
/// </summary>
public sealed record PortInfo(
    string Path,
    string? ById,
    string? Driver,
    string? Vid,
    string? Pid,
    string? Serial,
    string? Product,
    bool Busy,
    int? HolderPid,
    string? HolderName = null,
    int? LatencyTimerMs = null)
{
    /// <summary>"1a86:7523", or null for non-USB ports.</summary>
    public string? VidPid => Vid is null || Pid is null ? null : $"{Vid}:{Pid}";

    /// <summary>"pid 29370 flock" (the program's name when /proc gives it); null when no holder is known.</summary>
    public string? HolderText => HolderPid is { } pid ? $"pid {pid}{(HolderName is null ? "" : " " + HolderName)}" : null;

    /// <summary>True for an FTDI-style adapter whose latency timer would slow every short reply.</summary>
    public bool SlowLatency => LatencyTimerMs > 2;
}
