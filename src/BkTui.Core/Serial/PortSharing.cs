namespace BkTui.Core.Serial;

/// <summary>
/// Names the usual cause of a link that keeps failing for no electrical reason: another program
/// (a serial monitor, `cat`, a second flasher) has the port open without a lock and reads the
/// chip's replies before we do. Without this, such a bench ends in "check the wiring".
/// </summary>
public static class PortSharing
{
    /// <summary><paramref name="failure"/>, or a <see cref="PortBusyException"/> naming the process that shares the port.</summary>
    public static Exception Explain(string port, Exception failure)
    {
        PortHolder? other;
        try { other = PortHolders.Snapshot().OtherOpener(port); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return failure; }
        if (other is null) return failure;
        return new PortBusyException(port, other.Pid, other.ProcessName,
            "That program has the port open too (no lock) and takes the chip's replies, so the link kept failing. " +
            "Close it (a serial monitor, cat, screen, another flasher), then retry.");
    }
}
