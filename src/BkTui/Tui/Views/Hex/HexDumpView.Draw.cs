using BkTui.Tui.Views.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BkTui.Tui.Views.Hex;

public sealed partial class HexDumpView
{
    private static readonly string HexDigits = "0123456789abcdef";
    private readonly RowWriter _cells = new();
    /// <summary>Short lines, so a narrow tile shows all of it.</summary>
    private static readonly string[] NoFileHelp = [" No file open.", " :open FILE, bktui tui --hex FILE,", " or Enter on a dump in [Archive]."];

    /// <summary>Every cell is painted below, so Terminal.Gui's clear (which would mark the whole area for rewriting) is skipped.</summary>
    protected override bool OnClearingViewport() => true;

    /// <summary>Formats the visible rows only; each row is read from the file as it is drawn.</summary>
    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, height = Viewport.Height;
        if (width <= 0 || height <= 0) return true;
        if (_document is null)
        {
            for (int y = 0; y < height; y++)
                PaintText(y, y < NoFileHelp.Length ? NoFileHelp[y] : "", Palette.Dim);
            return true;
        }
        var layout = RowLayout;
        int rows = VisibleRows;
        long top = layout.RowStart(Top);
        if (_other is null)
        {
            for (int y = 0; y < height; y++) PaintRow(y, _document, null, top + (long)y * layout.BytesPerRow, layout, y == 0);
            return true;
        }
        for (int y = 0; y < rows; y++) PaintRow(y, _document, _other, top + (long)y * layout.BytesPerRow, layout, y == 0);
        PaintText(rows, $"── {_other.Name} " + new string('─', width), Palette.Dim);
        for (int y = 0; y < rows; y++) PaintRow(rows + 1 + y, _other, _document, top + (long)y * layout.BytesPerRow, layout, y == 0);
        for (int y = 2 * rows + 1; y < height; y++) PaintText(y, "", Palette.Normal);
        return true;
    }

    /// <summary>A secret byte: ·· in the hex column, • in the text column (the gap after it as a plain byte's).</summary>
    private void PutMasked(HexLayout layout, int i, Attribute attr)
    {
        _cells.Put(layout.HexX(i), '·', attr);
        _cells.Put(layout.HexX(i) + 1, '·', attr);
        for (int x = layout.HexX(i) + 2; i + 1 < layout.BytesPerRow && x < layout.HexX(i + 1); x++) _cells.Put(x, ' ', Palette.Normal);
        _cells.Put(layout.AsciiX(i), '•', attr);
    }

    private void PaintText(int y, string text, Attribute attribute)
    {
        _cells.Reset(Viewport.Width, Palette.Normal);
        _cells.PutText(0, text, attribute);
        _cells.Flush(this, y);
    }

    /// <summary>One row: partition letter, mark, name, address, hex and ASCII, each byte in its partition's attribute.</summary>
    private void PaintRow(int y, HexDocument doc, HexDocument? other, long start, HexLayout layout, bool firstRow)
    {
        var p = Palette;
        _cells.Reset(Viewport.Width, p.Normal);
        int n = layout.BytesPerRow;
        Span<byte> bytes = stackalloc byte[n];
        Span<byte> theirs = stackalloc byte[n];
        int count = start < doc.Length ? doc.Source.Read(start, bytes) : 0;
        int theirCount = other is null || start >= other.Length ? 0 : other.Source.Read(start, theirs);
        long end = Math.Max(doc.Length, other?.Length ?? 0);
        if (start >= end)
        {
            _cells.Flush(this, y);
            return;
        }
        var rowPart = doc.PartitionAt(start);
        var rowAttr = rowPart is null ? p.Normal : p.Partition(rowPart.Index);
        // Blanks past the row in the row's colour: a space looks the same, and the terminal is spared
        // a colour change at the end of every row and another at the start of the next (~20 B a row).
        for (int x = layout.Width; x < _cells.Width; x++) _cells.Put(x, ' ', rowAttr);
        bool differs = false;
        for (int i = 0; i < n && start + i < end; i++)
        {
            long at = start + i;
            bool mine = i < count;
            bool changed = other is not null && (!mine || i >= theirCount || bytes[i] != theirs[i]);
            differs |= changed;
            var part = at == start ? rowPart : doc.PartitionAt(at);
            var attr = ByteAttribute(at, part, changed);
            // A secret of either side is masked on both: the other file's bytes there are a secret's neighbours or its old value.
            if (mine && !_revealSecrets && (doc.IsSecret(at) || other?.IsSecret(at) == true))
            {
                PutMasked(layout, i, at == Offset ? attr : p.Mark);
                continue;
            }
            _cells.Put(layout.HexX(i), mine ? HexDigits[bytes[i] >> 4] : '-', attr);
            _cells.Put(layout.HexX(i) + 1, mine ? HexDigits[bytes[i] & 0xF] : '-', attr);
            if (i + 1 < n && start + i + 1 < end)
                for (int x = layout.HexX(i) + 2; x < layout.HexX(i + 1); x++) _cells.Put(x, ' ', part is null ? p.Normal : p.Partition(part.Index));
            _cells.Put(layout.AsciiX(i), mine ? (bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '.') : ' ', attr);
        }
        _cells.Put(layout.LetterX, rowPart is null ? ' ' : rowPart.Letter, rowAttr);
        _cells.Put(layout.MarkX, RowHasBookmark(start, n) ? '*' : differs ? '≠' : ' ', RowHasBookmark(start, n) || differs ? p.Mark : rowAttr);
        if (layout.NameWidth > 0) PaintName(doc, start, n, layout, firstRow, rowAttr);
        PutAddress(start, layout, rowAttr);
        for (int x = layout.AddressX + layout.AddressDigits; x < layout.HexX(0); x++) _cells.Put(x, ' ', rowAttr);
        _cells.Put(layout.SeparatorX - 1, ' ', rowAttr);
        _cells.Put(layout.SeparatorX, '│', rowAttr);
        _cells.Flush(this, y);
    }

    /// <summary>The partition's name on the row where it starts; on the first row, dim, the one we are inside.</summary>
    private void PaintName(HexDocument doc, long start, int n, HexLayout layout, bool firstRow, Attribute rowAttr)
    {
        for (int x = 0; x <= layout.NameWidth; x++) _cells.Put(layout.NameX + x, ' ', rowAttr);
        if (doc.PartitionStartingIn(start, n) is { } starts)
            _cells.PutText(layout.NameX, Fit("▸" + starts.Name, layout.NameWidth), Palette.Name);
        else if (firstRow && doc.PartitionAt(start) is { } inside)
            _cells.PutText(layout.NameX, Fit(" " + inside.Name, layout.NameWidth), Palette.Dim);
    }

    /// <summary>The row's address in lower-case hex, padded to the layout's digits (no string built).</summary>
    private void PutAddress(long start, HexLayout layout, Attribute attr)
    {
        for (int d = 0; d < layout.AddressDigits; d++)
            _cells.Put(layout.AddressX + d, HexDigits[(int)(start >> (4 * (layout.AddressDigits - 1 - d))) & 0xF], attr);
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>cursor &gt; changed &gt; search match &gt; partition.</summary>
    private Attribute ByteAttribute(long at, ViewModels.PartitionMapRow? part, bool changed)
    {
        var p = Palette;
        if (at == Offset) return PaneFocused ? p.Cursor : p.CursorUnfocused;
        if (changed) return p.Changed;
        if (_matchAt is { } m && at >= m && at < m + _pattern.Length) return p.Match;
        return part is null ? p.Normal : p.Partition(part.Index);
    }

    private bool RowHasBookmark(long start, int n) =>
        _bookmarks.Count > 0 && _bookmarks.GetViewBetween(start, start + n - 1).Count > 0;
}
