using System.Buffers;
using System.Text;

namespace BkTui.Terminal.Screen;

public sealed partial class ScreenBuffer
{
    /// <summary>Unchanged narrow ASCII cells up to this many are re-sent instead of moving the cursor.</summary>
    public const int MaxGap = 4;

    private readonly StringBuilder _ansi = new();
    private readonly ArrayBufferWriter<byte> _bytes = new(16 * 1024);

    /// <summary>
    /// Encodes the difference between the composed frame and what the terminal shows, then records
    /// the frame as shown. Empty when nothing changed. The frame is wrapped in a synchronized update
    /// (CSI ?2026h/l); cells are placed with CUP; SGR is sent only when the style changes; the
    /// cursor is re-synced after every non-ASCII cluster so a width disagreement stays in its cell.
    /// </summary>
    public ReadOnlyMemory<byte> EncodeDiff()
    {
        _ansi.Clear();
        bool full = _fullRepaint;
        if (full) _ansi.Append("\u001b[0m\u001b[2J");
        int cursorX = -1, cursorY = -1, currentStyle = -1;
        for (int y = 0; y < Height; y++)
        {
            int row = y * Width;
            for (int x = 0; x < Width; x++)
            {
                var cell = _back[row + x];
                if (cell.IsContinuation) continue;
                if (!full && cell == _front[row + x] && !ContinuationChanged(row, x, cell.Width)) continue;
                if (cursorY != y || cursorX != x)
                {
                    if (cursorY == y && cursorX >= 0 && cursorX < x && x - cursorX <= MaxGap && GapIsPlain(row, cursorX, x))
                    {
                        for (int g = cursorX; g < x; g++) EmitCell(_back[row + g], ref currentStyle);
                    }
                    else
                    {
                        _ansi.Append("\u001b[").Append(y + 1).Append(';').Append(x + 1).Append('H');
                    }
                }
                EmitCell(cell, ref currentStyle);
                bool ascii = cell.Text.Length == 1 && cell.Text[0] < 0x80;
                cursorY = ascii ? y : -1;
                cursorX = ascii ? x + 1 : -1;
            }
        }
        Array.Copy(_back, _front, _back.Length);
        _fullRepaint = false;
        _bytes.Clear();
        if (_ansi.Length == 0) return ReadOnlyMemory<byte>.Empty;
        if (currentStyle > 0) _ansi.Append("\u001b[0m");
        _ansi.Insert(0, "\u001b[?2026h").Append("\u001b[?2026l");
        // Encoded as one string so no surrogate pair is split across chunk boundaries.
        Encoding.UTF8.GetBytes(_ansi.ToString(), _bytes);
        return _bytes.WrittenMemory;
    }

    /// <summary>Encodes the diff and writes it in one call; returns the bytes written.</summary>
    public int Flush(Stream output)
    {
        var bytes = EncodeDiff();
        if (bytes.IsEmpty) return 0;
        output.Write(bytes.Span);
        output.Flush();
        return bytes.Length;
    }

    private bool ContinuationChanged(int row, int x, int width)
    {
        for (int k = 1; k < width && x + k < Width; k++)
            if (_back[row + x + k] != _front[row + x + k]) return true;
        return false;
    }

    private bool GapIsPlain(int row, int from, int to)
    {
        for (int g = from; g < to; g++)
        {
            var c = _back[row + g];
            if (c.Width != 1 || c.Text.Length != 1 || c.Text[0] >= 0x80) return false;
        }
        return true;
    }

    private void EmitCell(Cell cell, ref int currentStyle)
    {
        // A blank looks the same in any colour-only style: keep the current SGR (saves ~11 bytes per gap).
        bool neutralBlank = cell.Text == " " && currentStyle >= 0 && Styles.IsBlankNeutral(cell.Style) && Styles.IsBlankNeutral(currentStyle);
        if (cell.Style != currentStyle && !neutralBlank)
        {
            _ansi.Append(Styles.Sgr(cell.Style));
            currentStyle = cell.Style;
        }
        _ansi.Append(cell.Text);
    }
}
