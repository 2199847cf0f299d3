using BkTui.Tui.ViewModels;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BkTui.Tui.Views.Hex;

/// <summary>
/// The partition map of the dump in the hex view: a bar of the whole flash (each partition as its
/// letter, legible without colour) and the table (letter, name, start, size, evidence).
/// <see cref="Move"/> selects (the host's keymap sends ↑/↓, j/k), <see cref="Choose"/> (Enter) or a
/// click on a row or on the bar chooses: <see cref="Link"/> makes that jump the hex view, and the hex
/// view's cursor keeps the selection on its partition.
/// </summary>
public sealed class PartitionMapPane : View
{
    private const int TableTop = 3;
    /// <summary>Cells before the EVIDENCE column: letter, name, start, size.</summary>
    private const int EvidenceX = 3 + 15 + 1 + 9 + 1 + 9 + 1;
    private PartitionMapView? _map;

    public HexPalette Palette { get; set; } = HexPalette.Colour;
    public int Selected { get; private set; }
    public PartitionMapView? Map => _map;

    /// <summary>A partition was chosen (Enter or click).</summary>
    public event EventHandler<PartitionMapRow>? PartitionChosen;

    /// <summary>A click in the view (the host focuses the pane).</summary>
    public event EventHandler? Clicked;

    public void Show(PartitionMapView map)
    {
        (_map, Selected) = (map, 0);
        SetNeedsDraw();
    }

    /// <summary>Choosing a partition here moves <paramref name="hex"/> there; moving in hex selects its partition here; a new map in hex shows here.</summary>
    public void Link(HexDumpView hex)
    {
        PartitionChosen += (_, row) => hex.Goto(row.Start);
        hex.MapChanged += (_, map) => Show(map);
        hex.PartitionChanged += (_, row) =>
        {
            if (row is null || _map is null) return;
            Selected = row.Index;
            SetNeedsDraw();
        };
        if (hex.Document is { } doc) Show(doc.Map);
    }

    /// <summary>Selects the partition <paramref name="delta"/> rows away.</summary>
    public void Move(int delta)
    {
        if (_map is not { Rows.Count: > 0 } map) return;
        Selected = Math.Clamp(Selected + delta, 0, map.Rows.Count - 1);
        SetNeedsDraw();
    }

    /// <summary>Chooses the selected partition; false when there is no map to choose from.</summary>
    public bool Choose()
    {
        if (_map is not { Rows.Count: > 0 } map) return false;
        PartitionChosen?.Invoke(this, map.Rows[Math.Clamp(Selected, 0, map.Rows.Count - 1)]);
        return true;
    }

    /// <summary>The selected partition whole (title, lines) for the detail view; null when there is no map.</summary>
    public (string Title, IReadOnlyList<string> Lines)? SelectedWhole()
    {
        if (_map is not { Rows.Count: > 0 } map) return null;
        var r = map.Rows[Math.Clamp(Selected, 0, map.Rows.Count - 1)];
        return ($"Partition {r.Letter} {r.Name}", [$"Name      {r.Name}", $"Start     {r.StartText}", $"Size      {r.ExactSizeText}", $"Evidence  {r.Evidence}"]);
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } at || !mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked)) return false;
        Clicked?.Invoke(this, EventArgs.Empty);
        if (_map is not { Rows.Count: > 0 } map) return true;
        int index = at.Y == 1 ? map.Rows.ToList().FindIndex(r => r.Letter == BarCell(at.X)) : at.Y - TableTop - 1 + FirstRow(map);
        if (at.Y != 1 && at.Y <= TableTop) return true;
        if (index < 0 || index >= map.Rows.Count) return true;
        Selected = index;
        SetNeedsDraw();
        PartitionChosen?.Invoke(this, map.Rows[index]);
        return true;
    }

    private char BarCell(int x)
    {
        var bar = _map!.Bar(Math.Max(8, Viewport.Width - 2));
        return x >= 1 && x - 1 < bar.Length ? bar[x - 1] : ' ';
    }

    private int FirstRow(PartitionMapView map) =>
        Math.Clamp(Selected - (Viewport.Height - TableTop - 2), 0, Math.Max(0, map.Rows.Count - 1));

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (_map is not { } map)
        {
            SetAttribute(Palette.Dim);
            AddStr(1, 0, "No dump open. Its map shows here when");
            AddStr(1, 1, "[Hex] opens one (:open FILE, [Archive]).");
            return true;
        }
        var end = $"0x{map.FlashSize:X6}";
        SetAttribute(Palette.Dim);
        AddStr(1, 0, "0x000000");
        AddStr(Math.Max(10, Viewport.Width - 1 - end.Length), 0, end);
        var bar = map.Bar(Math.Max(8, Viewport.Width - 2));
        for (int c = 0; c < bar.Length; c++)
        {
            var row = map.Rows.FirstOrDefault(r => r.Letter == bar[c]);
            SetAttribute(row is null ? Palette.Dim : row.Index == Selected ? Palette.Cursor : Palette.Partition(row.Index));
            AddRune(1 + c, 1, new System.Text.Rune(bar[c]));
        }
        SetAttribute(Palette.Dim);
        var header = $"   {"NAME",-15} {"START",-9} {"SIZE",-9} EVIDENCE";
        AddStr(0, TableTop, header);
        int first = FirstRow(map), room = Math.Max(1, Viewport.Width - EvidenceX), y = TableTop + 1;
        // Rows the tile cannot hold are counted at the header's end (↑/↓ reach them).
        int hidden = map.Rows.Count - Math.Min(map.Rows.Count - first, Math.Max(0, Viewport.Height - y));
        if (hidden > 0 && Viewport.Width - 1 - header.Length > 12)
        {
            var more = $"{hidden} more: ↑↓";
            AddStr(Viewport.Width - 1 - more.Length, TableTop, more);
        }
        for (int i = first; i < map.Rows.Count && y < Viewport.Height; i++, y++)
        {
            var r = map.Rows[i];
            SetAttribute(i == Selected ? Palette.Cursor : Palette.Partition(r.Index));
            AddStr(0, y, $" {r.Letter} ");
            SetAttribute(i == Selected ? Palette.Cursor : Palette.Normal);
            AddStr(3, y, $"{r.Name,-15} {r.StartText,-9} {r.SizeText,-9} {Cut(r.Evidence, room)}");
        }
        DrawSelectedEvidence(map, y + 1, room);
        return true;
    }

    /// <summary>A cut evidence never reads as whole: it ends with '…'.</summary>
    private static string Cut(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    /// <summary>Below the table, where rows are left: the selected partition's evidence whole when its cell cut it ('e' shows it anywhere).</summary>
    private void DrawSelectedEvidence(PartitionMapView map, int y, int room)
    {
        if (map.Rows.Count == 0) return;
        var r = map.Rows[Math.Clamp(Selected, 0, map.Rows.Count - 1)];
        if (r.Evidence.Length <= room) return;
        var lines = Render.Box.Wrap($"{r.Letter} {r.Name}: {r.Evidence}", Math.Max(8, Viewport.Width - 2));
        if (y + lines.Count > Viewport.Height) return;
        SetAttribute(Palette.Dim);
        foreach (var line in lines) AddStr(1, y++, line);
    }
}
