namespace BkTui.Terminal.Input;

/// <summary>Where raw key presses come from: the console in production, a script in tests.</summary>
public interface IInputSource
{
    /// <summary>
    /// Waits up to <paramref name="timeout"/> (Timeout.InfiniteTimeSpan for ever) for the next key
    /// press; false on timeout. Throws OperationCanceledException when cancelled and
    /// EndOfStreamException when the input is gone.
    /// </summary>
    bool TryRead(TimeSpan timeout, CancellationToken ct, out ConsoleKeyInfo key);
}
