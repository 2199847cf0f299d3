namespace BkTui.Terminal.Input;

/// <summary>
/// Replays key presses for tests. A <see cref="Pause"/> entry makes the next read time out, which
/// is how tests express "nothing more arrived within the Esc timeout" without sleeping.
/// </summary>
public sealed class ScriptedInputSource : IInputSource
{
    private readonly Queue<ConsoleKeyInfo?> _script = new();

    public ScriptedInputSource Press(ConsoleKey key, char c = '\0', bool shift = false, bool alt = false, bool ctrl = false)
    {
        _script.Enqueue(new ConsoleKeyInfo(c, key, shift, alt, ctrl));
        return this;
    }

    /// <summary>Types printable text, one key per character.</summary>
    public ScriptedInputSource Type(string text)
    {
        foreach (var c in text)
        {
            var key = char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : ConsoleKey.NoName;
            _script.Enqueue(new ConsoleKeyInfo(c, key, char.IsAsciiLetterUpper(c), false, false));
        }
        return this;
    }

    public ScriptedInputSource Pause()
    {
        _script.Enqueue(null);
        return this;
    }

    public bool IsEmpty => _script.Count == 0;

    public bool TryRead(TimeSpan timeout, CancellationToken ct, out ConsoleKeyInfo key)
    {
        ct.ThrowIfCancellationRequested();
        key = default;
        if (_script.Count == 0)
        {
            if (timeout == Timeout.InfiniteTimeSpan) throw new EndOfStreamException("script finished");
            return false;
        }
        var next = _script.Dequeue();
        if (next is null) return false;
        key = next.Value;
        return true;
    }
}
