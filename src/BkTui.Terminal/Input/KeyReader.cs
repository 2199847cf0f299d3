namespace BkTui.Terminal.Input;

/// <summary>
/// Decodes keys from an <see cref="IInputSource"/> and resolves a lone Esc: if another key follows
/// within <see cref="EscapeTimeout"/> the pair is Alt+key (an Alt sequence split by a slow link),
/// otherwise it is Esc.
/// </summary>
public sealed class KeyReader(IInputSource source, TimeSpan? escapeTimeout = null)
{
    /// <summary>50 ms: long enough for SSH, short enough to feel instant (htop uses 25 ms).</summary>
    public TimeSpan EscapeTimeout { get; } = escapeTimeout ?? TimeSpan.FromMilliseconds(50);

    private Key? _pending;

    /// <summary>Blocks until the next key (throws EndOfStreamException when input is gone).</summary>
    public Key Read(CancellationToken ct)
    {
        if (_pending is { } p)
        {
            _pending = null;
            return p;
        }
        source.TryRead(Timeout.InfiniteTimeSpan, ct, out var info);
        var key = KeyDecoder.Decode(info);
        if (key != Key.Of(KeyCode.Escape)) return key;
        if (!source.TryRead(EscapeTimeout, ct, out var nextInfo)) return key;
        var next = KeyDecoder.Decode(nextInfo);
        if (next.Code is KeyCode.Escape or KeyCode.Unknown)
        {
            _pending = next;
            return key;
        }
        return KeyDecoder.WithAlt(next);
    }
}
