namespace BkTui.Core.Flashing;

public enum FlashPhase { Link, Baud, Identify, Read, Erase, Write, Verify, Reboot }

/// <summary>A progress snapshot: <see cref="Done"/> of <see cref="Total"/> bytes in this phase.</summary>
public sealed record FlashProgress(FlashPhase Phase, long Done, long Total, double BytesPerSecond, int Retries);

/// <summary>What a session tells its caller (CLI line printer, TUI pane, job log). Called on the session's thread.</summary>
public interface IFlashObserver
{
    void Progress(FlashProgress progress);

    /// <summary>The user has to do something physical now (e.g. "reset the device: short CEN to GND").</summary>
    void NeedsAttention(string message);

    void Log(string line);
}

/// <summary>Observer that ignores everything (no caller interested).</summary>
public sealed class NullFlashObserver : IFlashObserver
{
    public static readonly NullFlashObserver Instance = new();
    public void Progress(FlashProgress progress) { }
    public void NeedsAttention(string message) { }
    public void Log(string line) { }
}
