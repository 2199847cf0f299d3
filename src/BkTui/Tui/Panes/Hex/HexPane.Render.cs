using BkTui.Tui.Canvas;
using BkTui.Tui.Render;

namespace BkTui.Tui.Panes.Hex;

public sealed partial class HexPane
{
    private static readonly string[] HexText = Enumerable.Range(0, 256).Select(i => i.ToString("x2")).ToArray();
    private static readonly string[] AsciiText = Enumerable.Range(0, 256).Select(i => i is >= 0x20 and < 0x7f ? ((char)i).ToString() : ".").ToArray();

    /// <summary>Formats only the visible rows straight into cells (no Spectre: the grid is regular).</summary>
    protected override void Render(PaneView view, HexState pane)
    {
        var (buffer, area) = (view.Buffer, view.Area);
        if (pane.Source is null)
        {
            buffer.Put(area.X + 1, area.Y + 1, "No file open. Start with: bktui tui --hex FILE   or type  :open FILE", view.Style(Role.Dim), area.Right);
            return;
        }
        if (pane.Length == 0)
        {
            buffer.Put(area.X + 1, area.Y + 1, $"{pane.Source.Name} is empty (0 bytes).", view.Style(Role.Dim), area.Right);
            return;
        }
        var g = HexGeometry.For(area.Width, pane.Length, !pane.Partitions.IsEmpty);
        int n = g.BytesPerLine;
        Span<byte> row = stackalloc byte[n];
        Span<byte> other = stackalloc byte[n];
        var styles = new RowStyles(view);
        long top = g.RowStart(pane.Top);
        for (int r = 0; r < area.Height; r++)
        {
            long start = top + (long)r * n;
            if (start >= pane.Length) break;
            int y = area.Y + r;
            int count = pane.Source.Read(start, row);
            int otherCount = pane.Compare?.Read(start, other) ?? 0;
            DrawMargin(view, pane, g, start, r == 0, y);
            if (HasBookmark(pane, start, n)) buffer.Put(area.X + g.MarkX, y, "*", styles.Bookmark, area.Right);
            buffer.Put(area.X + g.AddressX, y, start.ToString("x" + g.AddressDigits), styles.Address, area.Right);
            buffer.Put(area.X + g.SeparatorX, y, view.Kit.Unicode ? "│" : "|", styles.Dim, area.Right);
            for (int i = 0; i < count; i++)
            {
                long at = start + i;
                bool changed = pane.Compare is not null && (i >= otherCount || row[i] != other[i]);
                int hexStyle = styles.For(pane, at, row[i], changed, hexColumn: true, view.Focused);
                int asciiStyle = styles.For(pane, at, row[i], changed, hexColumn: false, view.Focused);
                buffer.Put(area.X + g.HexX(i), y, HexText[row[i]], hexStyle, area.Right);
                buffer.Put(area.X + g.AsciiX(i), y, AsciiText[row[i]], asciiStyle, area.Right);
            }
        }
    }

    private static bool HasBookmark(HexState pane, long start, int n) =>
        pane.Bookmarks.Count > 0 && pane.Bookmarks.Any(b => b >= start && b < start + n);

    /// <summary>The partition name on the row where it starts (and, dim, on the first row for context).</summary>
    private static void DrawMargin(PaneView view, HexState pane, HexGeometry g, long start, bool firstRow, int y)
    {
        if (g.Margin == 0) return;
        var area = view.Area;
        foreach (var p in pane.Partitions)
        {
            if (p.Start >= start && p.Start < start + g.BytesPerLine)
            {
                view.Buffer.Put(area.X, y, BkTui.Tui.Render.Text.Fit("▸" + p.Name, g.Margin - 1), view.Style(Role.PartitionName), area.X + g.Margin - 1);
                return;
            }
        }
        if (firstRow && pane.PartitionAt(start) is { } inside)
            view.Buffer.Put(area.X, y, BkTui.Tui.Render.Text.Fit(" " + inside.Name, g.Margin - 1), view.Style(Role.Dim), area.X + g.Margin - 1);
    }

    /// <summary>Style ids for one frame, and the precedence between byte states.</summary>
    private sealed class RowStyles(PaneView view)
    {
        public readonly int Address = view.Style(Role.HexAddress);
        public readonly int Dim = view.Style(Role.Dim);
        public readonly int Bookmark = view.Style(Role.Bookmark);
        private readonly int _normal = view.Style(Role.Normal);
        private readonly int _zero = view.Style(Role.HexZero);
        private readonly int _changed = view.Style(Role.HexChanged);
        private readonly int _match = view.Style(Role.HexMatch);
        private readonly int _cursor = view.Style(Role.Selection);
        private readonly int _boundary = view.Style(Role.PartitionBoundary);
        private readonly int[] _partition = Enumerable.Range(0, 6).Select(i => view.Style(Theme.Partition(i))).ToArray();

        /// <summary>cursor > changed > search match > partition start > 00/FF > partition colour.</summary>
        public int For(HexState pane, long at, byte value, bool changed, bool hexColumn, bool focused)
        {
            if (at == pane.Cursor) return _cursor;
            if (changed) return _changed;
            if (pane.MatchAt is { } m && at >= m && at < m + pane.Pattern.Length) return _match;
            if (!hexColumn) return _normal;
            if (value is 0x00 or 0xFF) return _zero;
            if (pane.Partitions.IsEmpty) return _normal;
            for (int i = 0; i < pane.Partitions.Length; i++)
            {
                var p = pane.Partitions[i];
                if (p.Start == at) return _boundary;
                if (p.Contains(at)) return _partition[i % _partition.Length];
            }
            return _normal;
        }
    }
}
