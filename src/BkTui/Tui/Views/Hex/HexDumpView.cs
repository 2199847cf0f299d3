using BkTui.Tui.ViewModels;
using Terminal.Gui.ViewBase;

namespace BkTui.Tui.Views.Hex;

/// <summary>A note for the host's message line (e.g. "app: 0x11000–0x132000", "not found").</summary>
public sealed record HexMessage(string Text, bool IsWarning = false);

/// <summary>
/// The hex viewer of flash dumps, a Terminal.Gui View of our own.
/// <para>Public API (what a host wires):</para>
/// <list type="bullet">
/// <item>Keys are the host's: it resolves them with the keymap table (context "hex") and hands the
/// action to <see cref="Perform"/>, so one table drives dispatch, hints and help.</item>
/// <item><see cref="Load"/>(<see cref="HexDocument"/>): <c>HexDocument.Open(path)</c> for
/// <c>--hex FILE</c> / <c>:open FILE</c> (mapped at once; <see cref="ShowMap"/> adds the partition map
/// when <c>HexDocument.Analyse</c>, run off the UI thread, finishes), or
/// <c>HexDocument.FromBytes(name, bytes, report)</c> for an archived dump.</item>
/// <item>Navigation: <see cref="Goto(long)"/>, <see cref="Goto(string)"/> (offset or partition name),
/// <see cref="GotoCompletions"/>, <see cref="Find"/>/<see cref="FindNext"/>, <see cref="ToggleBookmark"/>,
/// <see cref="JumpBookmark"/>, <see cref="Compare"/>/<see cref="CloseCompare"/>/<see cref="JumpDifference"/>,
/// and <see cref="Perform"/> for any keymap action of the hex pane.</item>
/// <item>Events: <see cref="CursorMoved"/>, <see cref="PartitionChanged"/>, <see cref="MapChanged"/>,
/// <see cref="Message"/> (for the message line), <see cref="Clicked"/> (the host focuses the pane).</item>
/// <item><see cref="PaneFocused"/>: set by the host; the cursor is reverse when focused, underlined when not.</item>
/// <item><see cref="StatusText"/> for the pane's title or status line.</item>
/// </list>
/// Only visible rows are read and drawn, and only cells whose text or attribute changed are
/// touched, so a scroll step writes little to the terminal.
/// </summary>
public sealed partial class HexDumpView : View
{
    public const string GotoPurpose = Panes.Hex.HexPane.GotoPurpose;

    private readonly SortedSet<long> _bookmarks = [];
    private HexDocument? _document;
    private HexDocument? _other;
    /// <summary>In compare mode: a byte masked on either side differs (the title says so; the row's ≠ alone would puzzle).</summary>
    private bool _secretsDiffer;
    /// <summary>What the open comparison must not let the user forget ("2 devices, sizes differ"), shown in the title.</summary>
    private string _compareNote = "";
    private PartitionMapRow? _partition;

    public const string NoFileStatus = "no file";

    /// <summary>Whether the host's focus is on this pane (Terminal.Gui's focus stays with the host).</summary>
    public bool PaneFocused
    {
        get => _paneFocused;
        set
        {
            if (_paneFocused == value) return;
            _paneFocused = value;
            SetNeedsDraw();
        }
    }

    private bool _paneFocused;

    /// <summary>Show secret bytes (passwords) as they are; else each is drawn as ·· and • and search passes over them.</summary>
    public bool RevealSecrets
    {
        get => _revealSecrets;
        set
        {
            if (_revealSecrets == value) return;
            _revealSecrets = value;
            SetNeedsDraw();
        }
    }

    private bool _revealSecrets;

    /// <summary>Attributes to draw with (colour, or monochrome for NO_COLOR).</summary>
    public HexPalette Palette { get; set; } = HexPalette.Colour;

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
    /// <summary>The partition map changed (a new document, or its analysis arrived).</summary>
    public event EventHandler<PartitionMapView>? MapChanged;

    /// <summary>Shows <paramref name="document"/> from its start; the view owns it (and disposes the previous one).</summary>
    public void Load(HexDocument document)
    {
        var old = _document;
        _document = document;
        _secretsDiffer = _other is not null && SecretsDiffer(document, _other);
        _bookmarks.Clear();
        (_pattern, _patternText, _matchAt) = ([], null, null);
        (Offset, Top) = (0, 0);
        if (!ReferenceEquals(old, document)) old?.Dispose();
        Say($"opened {document.Name} ({document.Length:N0} bytes)");
        _partition = null;
        MapChanged?.Invoke(this, document.Map);
        AfterMove();
    }

    /// <summary>The analysis of <paramref name="document"/> found <paramref name="map"/>; ignored when another document is shown by now.</summary>
    public void ShowMap(HexDocument document, PartitionMapView map)
    {
        if (!ReferenceEquals(document, _document)) return;
        document.Map = map;
        MapChanged?.Invoke(this, map);
        if (map.Partial is { } why) Say($"{document.Name} is PARTIAL: {why}", warning: true);
        _partition = null;
        AfterMove();
    }

    /// <summary>"name  0x00011000/0x00200000  app+0x0  vs other.bin  2 bookmarks".</summary>
    public string StatusText
    {
        get
        {
            if (_document is null) return NoFileStatus;
            var part = _partition is null ? "" : $"  {_partition.Name}+0x{Offset - _partition.Start:X}";
            var vs = _other is null ? "" : $"  vs {_other.Name}" + (_compareNote.Length == 0 ? "" : $" ({_compareNote})");
            var marks = _bookmarks.Count == 0 ? "" : $"  {_bookmarks.Count} bookmark{(_bookmarks.Count == 1 ? "" : "s")}";
            int secrets = _document.Secrets.Count + (_other?.Secrets.Count ?? 0);
            var masked = secrets == 0 ? "" : _revealSecrets ? "  secrets SHOWN (S hides)" : $"  {secrets} secret{(secrets == 1 ? "" : "s")} masked (S shows)";
            // A ≠ on a row of masked bytes is true, and says why when nothing visible differs.
            if (!_revealSecrets && _secretsDiffer) masked += ", differences inside masked secrets";
            var partial = _document.Map.Partial is null ? "" : "  PARTIAL";
            return $"{_document.Name}{partial}  0x{Offset:X8}/0x{_document.Length:X8}{part}{vs}{marks}{masked}";
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
        var part = _document?.PartitionAt(Offset);
        bool changed = part != _partition;
        _partition = part;
        if (changed) PartitionChanged?.Invoke(this, part);
        CursorMoved?.Invoke(this, Offset);
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
