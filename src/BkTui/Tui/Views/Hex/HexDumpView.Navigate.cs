using BkTui.Tui.Panes.Hex;

namespace BkTui.Tui.Views.Hex;

public sealed partial class HexDumpView
{
    /// <summary>
    /// Moves the cursor. A step scrolls just enough to keep it in view; a jump (goto, search,
    /// partition, bookmark, difference) to an off-screen offset puts its row on top.
    /// </summary>
    private void MoveTo(long target, bool jump = false)
    {
        long length = Math.Max(_document?.Length ?? 0, _other?.Length ?? 0);
        if (length == 0) return;
        var layout = RowLayout;
        int rows = VisibleRows;
        long span = (long)rows * layout.BytesPerRow;
        Offset = Math.Clamp(target, 0, length - 1);
        long row = layout.RowStart(Offset);
        long top = layout.RowStart(Top);
        if (jump && (row < top || row >= top + span)) top = row;
        else if (row < top) top = row;
        else if (row >= top + span) top = row - span + layout.BytesPerRow;
        Top = Math.Max(0, top);
        AfterMove();
    }

    /// <summary>Selects the byte at <paramref name="offset"/> (clamped to the file), bringing its row on top if it was off screen.</summary>
    public void Goto(long offset) => MoveTo(offset, jump: true);

    /// <summary>
    /// Goes to what a user typed: a partition name ("app"), an offset (0x11000, 11000h, 69632) or a
    /// relative one (+0x100, -16). Returns false, with a message saying why, when it cannot.
    /// </summary>
    public bool Goto(string text)
    {
        if (_document is null) return Refuse("no file open");
        text = text.Trim();
        var part = _document.Map.Rows.FirstOrDefault(p => p.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
        long? target = part?.Start;
        if (target is null && text.Length > 1 && text[0] is '+' or '-' && Offsets.Parse(text[1..]) is { } rel)
            target = Offset + (text[0] == '+' ? rel : -rel);
        target ??= Offsets.Parse(text);
        if (target is not { } t) return Refuse($"'{text}' is not an offset or a partition (try 0x11000, 69632 or {Names()})");
        if (t < 0 || t >= _document.Length) return Refuse($"0x{t:X} is outside the file (0x0–0x{_document.Length - 1:X})");
        Goto(t);
        return true;
    }

    /// <summary>Partition names starting with what was typed (for the goto prompt's completion).</summary>
    public IReadOnlyList<string> GotoCompletions(string prefix) =>
        _document is null ? [] : [.. _document.Map.Rows.Select(p => p.Name).Where(n => n.StartsWith(prefix.Trim(), StringComparison.OrdinalIgnoreCase)).Distinct()];

    private string Names() => string.Join(", ", _document!.Map.Rows.Select(p => p.Name).Distinct().Take(4));

    private bool Refuse(string why)
    {
        Say(why, warning: true);
        return false;
    }

    private void Page(int direction)
    {
        if (_document is null) return;
        var layout = RowLayout;
        long delta = direction * (long)layout.BytesPerRow * Math.Max(1, VisibleRows - 1);
        long last = layout.RowStart(Math.Max(_document.Length, _other?.Length ?? 0) - 1);
        Top = Math.Clamp(layout.RowStart(Top) + delta, 0, Math.Max(0, last - (long)(VisibleRows - 1) * layout.BytesPerRow));
        MoveTo(Offset + delta);
    }

    private void JumpPartition(int direction)
    {
        if (_document is null) return;
        var rows = _document.Map.Rows;
        var next = direction > 0 ? rows.Where(p => p.Start > Offset).MinBy(p => p.Start) : rows.Where(p => p.Start < Offset).MaxBy(p => p.Start);
        if (next is null)
        {
            Refuse(rows.Count == 0 ? "no partition map for this file" : "no more partitions that way");
            return;
        }
        Goto(next.Start);
        Say($"{next.Name}: 0x{next.Start:X}–0x{next.Start + next.Size:X} ({next.Size:N0} bytes)");
    }

    /// <summary>Sets or clears a bookmark on the selected byte.</summary>
    public void ToggleBookmark()
    {
        if (_document is null) return;
        bool added = _bookmarks.Add(Offset) || !_bookmarks.Remove(Offset);
        Say(added ? $"bookmark at 0x{Offset:X}" : $"bookmark at 0x{Offset:X} removed");
        SetNeedsDraw();
    }

    /// <summary>Goes to the next (+1) or previous (-1) bookmark, wrapping around.</summary>
    public bool JumpBookmark(int direction)
    {
        if (_bookmarks.Count == 0) return Refuse("no bookmarks: m sets one");
        long at = direction > 0
            ? _bookmarks.GetViewBetween(Offset + 1, long.MaxValue).DefaultIfEmpty(_bookmarks.Min).First()
            : _bookmarks.GetViewBetween(long.MinValue, Offset - 1).DefaultIfEmpty(_bookmarks.Max).Last();
        Goto(at);
        return true;
    }
}
