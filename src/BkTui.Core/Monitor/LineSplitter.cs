using System.Text;

namespace BkTui.Core.Monitor;

/// <summary>
/// Cuts UART bytes into lines (CR or LF ends one). Lines are bounded: a device spewing garbage
/// without newlines cannot grow memory. Latin-1 keeps one char per byte; drawing sanitises controls.
/// </summary>
public sealed class LineSplitter(Action<string> onLine)
{
    public const int MaxLineLength = 512;

    private readonly StringBuilder _line = new();

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n' || b == (byte)'\r')
            {
                Flush();
                continue;
            }
            _line.Append((char)b);
            if (_line.Length >= MaxLineLength) Flush();
        }
    }

    /// <summary>Hands over a partial line (a prompt without a newline still shows after a pause).</summary>
    public void Flush()
    {
        if (_line.Length == 0) return;
        var text = _line.ToString();
        _line.Clear();
        onLine(text);
    }
}
