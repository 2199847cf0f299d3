using System.Collections.Immutable;
using BkTui.Tui.Keys;
using BkTui.Tui.Canvas;
using BkTui.Tui.Keys;
using BkTui.Tui.State;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Hex;

/// <summary>
/// The hex viewer: virtualised (only visible rows are read and drawn), goto, search (hex or text),
/// partitions named in the margin, bookmarks, and comparison with a second file.
/// </summary>
public sealed partial class HexPane : Pane<HexState>
{
    public const string PaneIdValue = "hex";
    public const string GotoPurpose = "goto";
    public const string ComparePurpose = "compare";

    public override string Id => PaneIdValue;
    public override string Title => "Hex";
    public override string? SearchLabel => "/ hex bytes or \"text\": ";

    public override IEnumerable<Binding> Keys =>
    [
        new(Id, [Of(KeyCode.Up), C('k')], new HexMove(Rows: -1), "Up one row"),
        new(Id, [Of(KeyCode.Down), C('j')], new HexMove(Rows: 1), "Down one row"),
        new(Id, [Of(KeyCode.Left), C('h')], new HexMove(Bytes: -1), "Previous byte"),
        new(Id, [Of(KeyCode.Right), C('l')], new HexMove(Bytes: 1), "Next byte"),
        new(Id, [Of(KeyCode.PageUp)], new HexMove(Pages: -1), "Page up"),
        new(Id, [Of(KeyCode.PageDown), C(' ')], new HexMove(Pages: 1), "Page down"),
        new(Id, [Of(KeyCode.Home), C('g')], new HexHome(), "Start of file"),
        new(Id, [Of(KeyCode.End), C('G')], new HexEnd(), "End of file"),
        new(Id, [Of(KeyCode.F5), C('o')], new OpenPrompt(Id, GotoPurpose, "Go to offset (0x11000, 69632, partition name): "), "Go to offset") { ShowInBar = true, Order = 1 },
        new(Id, [C(']')], new HexJumpPartition(1), "Next partition") { ShowInBar = true, Order = 2 },
        new(Id, [C('[')], new HexJumpPartition(-1), "Previous partition"),
        new(Id, [C('n')], new HexFindNext(1), "Next match"),
        new(Id, [C('N')], new HexFindNext(-1), "Previous match"),
        new(Id, [C('m')], new HexToggleBookmark(), "Toggle bookmark") { ShowInBar = true, Order = 3 },
        new(Id, [C('b')], new HexJumpBookmark(1), "Next bookmark"),
        new(Id, [C('B')], new HexJumpBookmark(-1), "Previous bookmark"),
        new(Id, [C('c')], new OpenPrompt(Id, ComparePurpose, "Compare with file: "), "Compare with a file") { ShowInBar = true, Order = 4 },
        new(Id, [C('d')], new HexJumpDifference(1), "Next difference") { DisabledReason = NoCompare },
        new(Id, [C('D')], new HexJumpDifference(-1), "Previous difference") { DisabledReason = NoCompare },
        new(Id, [C('x')], new HexCloseCompare(), "Stop comparing") { DisabledReason = NoCompare },
    ];

    private static string? NoCompare(AppState s) =>
        s.Panes.TryGetValue(PaneIdValue, out var p) && ((HexState)p).Compare is not null ? null : "no comparison open (press c)";

    protected override HexState Initial(TuiOptions options) =>
        new() { Partitions = options.Partitions.OrderBy(p => p.Start).ToImmutableArray() };

    protected override string Status(HexState pane)
    {
        if (pane.Source is null) return "no file — :goto, or open one with bktui tui --hex FILE";
        var part = pane.PartitionAt(pane.Cursor);
        return $"{pane.Source.Name}  0x{pane.Cursor:X8}/0x{pane.Length:X8}" +
               (part is null ? "" : $"  {part.Name}+0x{pane.Cursor - part.Start:X}") +
               (pane.Compare is null ? "" : $"  vs {pane.Compare.Name}") +
               (pane.Bookmarks.Count > 0 ? $"  {pane.Bookmarks.Count} bookmark{(pane.Bookmarks.Count == 1 ? "" : "s")}" : "");
    }

    protected override Transition Reduce(AppState app, HexState pane, PaneAction action, Rect area)
    {
        var g = HexGeometry.For(area.Width, pane.Length, !pane.Partitions.IsEmpty);
        int rows = Math.Max(1, area.Height);
        switch (action)
        {
            case HexOpenFile o:
                return new Transition(app, [new OpenHexFileEffect(o.Path, o.AsCompare)]);
            case HexOpened { AsCompare: true } o:
                return Replace(With(app, pane with { Compare = o.Source }), pane.Compare, $"comparing with {o.Source.Name}: d / D jump to differences");
            case HexOpened o:
                var fresh = pane with { Source = o.Source, Cursor = 0, Top = 0, MatchAt = null, Bookmarks = ImmutableSortedSet<long>.Empty };
                return Replace(With(app, fresh), pane.Source, $"opened {o.Source.Name} ({o.Source.Length:N0} bytes)");
            case HexSetPartitions p:
                return With(app, pane with { Partitions = p.Partitions.Sort((a, b) => a.Start.CompareTo(b.Start)) });
            case HexCloseCompare:
                return pane.Compare is null ? app : Replace(With(app, pane with { Compare = null }), pane.Compare, "comparison closed");
        }
        if (pane.Source is null)
            return action is PromptSubmitted { Purpose: ComparePurpose } ? AppReducer.Flash(app, "open a file first", FlashLevel.Warning) : app;
        return Navigate(app, pane, action, g, rows);
    }

    private Transition Replace(AppState app, IDisposable? old, string message)
    {
        var next = AppReducer.Flash(app, message);
        return old is null ? next : new Transition(next, [new DisposeEffect(old)]);
    }

    /// <summary>
    /// Moves the cursor to <paramref name="target"/>. Stepping scrolls just enough to show it; a jump
    /// (goto, search, partition, bookmark, difference) to an off-screen address puts its row on top.
    /// </summary>
    internal AppState MoveTo(AppState app, HexState pane, long target, HexGeometry g, int rows, bool jump = false)
    {
        long cursor = Math.Clamp(target, 0, Math.Max(0, pane.Length - 1));
        long top = g.RowStart(Math.Max(0, pane.Top));
        long cursorRow = g.RowStart(cursor);
        bool visible = cursorRow >= top && cursorRow < top + (long)rows * g.BytesPerLine;
        if (jump && !visible) top = cursorRow;
        else if (cursorRow < top) top = cursorRow;
        else if (cursorRow >= top + (long)rows * g.BytesPerLine) top = cursorRow - (long)(rows - 1) * g.BytesPerLine;
        return With(app, pane with { Cursor = cursor, Top = Math.Max(0, top) });
    }
}
