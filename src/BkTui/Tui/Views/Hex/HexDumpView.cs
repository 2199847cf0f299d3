using BkTui.Tui.Keys;
using BkTui.Tui.ViewModels;
using Terminal.Gui.ViewBase;

namespace BkTui.Tui.Views.Hex;

/// <summary>A note for the host's message line (e.g. "app: 0x11000–0x132000", "not found").</summary>
public sealed record HexMessage(string Text, bool IsWarning = false);

/// <summary>The host should ask the user for text (goto, compare file) and hand it to <see cref="HexDumpView.Submit"/>.</summary>
public sealed record HexPromptRequest(string Purpose, string Label);

/// <summary>
/// The hex viewer of flash dumps, a Terminal.Gui View of our own.
/// <para>Public API (what a host wires):</para>
/// <list type="bullet">
/// <item><c>new HexDumpView(keys)</c>: <c>keys</c> are the keymap's rows for the hex pane
/// (<c>keymap.Bindings.Where(b =&gt; b.Context == "hex")</c>); keys not in it are left to the host.</item>
/// <item><see cref="Load"/>(<see cref="HexDocument"/>): <c>HexDocument.Open(path)</c> for
/// <c>--hex FILE</c> / <c>:open FILE</c> (mapped, analysed for its partition map; run it off the UI
/// thread), or <c>HexDocument.FromBytes(name, bytes, report)</c> for an archived dump.</item>
/// <item>Navigation: <see cref="Goto(long)"/>, <see cref="Goto(string)"/> (offset or partition name),
/// <see cref="GotoCompletions"/>, <see cref="Find"/>/<see cref="FindNext"/>, <see cref="ToggleBookmark"/>,
/// <see cref="JumpBookmark"/>, <see cref="Compare"/>/<see cref="CloseCompare"/>/<see cref="JumpDifference"/>,
/// and <see cref="Perform"/> for any keymap action of the hex pane.</item>
/// <item>Events: <see cref="CursorMoved"/>, <see cref="PartitionChanged"/>, <see cref="Message"/>
/// (for the message line), <see cref="PromptRequested"/> (goto / compare prompts the host shows).</item>
/// <item><see cref="StatusText"/> for the pane's title or status line.</item>
/// </list>
/// Only visible rows are read and drawn, and only cells whose text or attribute changed are
/// touched, so a scroll step writes little to the terminal.
/// </summary>
public sealed partial class HexDumpView : View
{
    public const string GotoPurpose = Panes.Hex.HexPane.GotoPurpose;
    public const string ComparePurpose = Panes.Hex.HexPane.ComparePurpose;

    private readonly Binding[] _keys;
    private readonly SortedSet<long> _bookmarks = [];
    private HexDocument? _document;
    private HexDocument? _other;
    private PartitionMapRow? _partition;

    public HexDumpView(IEnumerable<Binding> keys)
    {
        _keys = [.. keys];
        CanFocus = true;
    }

    /// <summary>Attributes to draw with (colour, or monochrome for NO_COLOR).</summary>
    public HexPalette Palette { get; set; } = HexPalette.FromEnvironment();

    public HexDocument? Document => _document;
    /// <summary>The other side of a comparison, or null.</summary>
    public HexDocument? CompareDocument => _other;
    /// <summary>The selected byte's offset.</summary>
    public long Offset { get; private set; }
    /// <summary>The offset of the first row shown.</summary>
    public long Top { get; private set; }
    public IReadOnlyCollection<long> Bookmarks => _bookmarks;
    /// <summary>The partition holding the cursor, or null.</summary>
    public PartitionMapRow? CurrentPartition => _partition;

    public event EventHandler<long>? CursorMoved;
    public event EventHandler<PartitionMapRow?>? PartitionChanged;
    public event EventHandler<HexMessage>? Message;
    public event EventHandler<HexPromptRequest>? PromptRequested;

    /// <summary>Shows <paramref name="document"/> from its start; the view owns it (and disposes the previous one).</summary>
    public void Load(HexDocument document)
    {
        var old = _document;
        _document = document;
        _bookmarks.Clear();
        (_pattern, _patternText, _matchAt) = ([], null, null);
        (Offset, Top) = (0, 0);
        if (!ReferenceEquals(old, document)) old?.Dispose();
        Say($"opened {document.Name} ({document.Length:N0} bytes, {document.Map.Rows.Count} partitions)");
        AfterMove();
    }

    /// <summary>"name  0x00011000/0x00200000  app+0x0  vs other.bin  2 bookmarks".</summary>
    public string StatusText
    {
        get
        {
            if (_document is null) return "no file: bktui tui --hex FILE, or :open FILE";
            var part = _partition is null ? "" : $"  {_partition.Name}+0x{Offset - _partition.Start:X}";
            var vs = _other is null ? "" : $"  vs {_other.Name}";
            var marks = _bookmarks.Count == 0 ? "" : $"  {_bookmarks.Count} bookmark{(_bookmarks.Count == 1 ? "" : "s")}";
            return $"{_document.Name}  0x{Offset:X8}/0x{_document.Length:X8}{part}{vs}{marks}";
        }
    }

    /// <summary>Rows of bytes on screen (each half in compare mode).</summary>
    private int VisibleRows => Math.Max(1, _other is null ? Viewport.Height : (Viewport.Height - 1) / 2);

    private HexLayout RowLayout =>
        HexLayout.For(Viewport.Width, Math.Max(_document?.Length ?? 0, _other?.Length ?? 0), _document?.Map.Rows.Count > 0);

    private void Say(string text, bool warning = false) => Message?.Invoke(this, new HexMessage(text, warning));

    /// <summary>After any change of cursor, view or overlays: redraw and tell listeners.</summary>
    private void AfterMove()
    {
        SetNeedsDraw();
        CursorMoved?.Invoke(this, Offset);
        var part = _document?.PartitionAt(Offset);
        if (part != _partition)
        {
            _partition = part;
            PartitionChanged?.Invoke(this, part);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _document?.Dispose();
            _other?.Dispose();
        }
        base.Dispose(disposing);
    }
}
