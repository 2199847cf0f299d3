using BkTui.Tui.ViewModels;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Key = Terminal.Gui.Input.Key;

namespace BkTui.Tui.Views.Hex;

/// <summary>
/// The partition map of the dump in the hex view: a bar of the whole flash (each partition as its
/// letter, legible without colour) and the table (letter, name, start, size, evidence).
/// ↑/↓ (j/k) select, Enter or a click on a row or on the bar chooses: <see cref="Link"/> makes that
/// jump the hex view, and the hex view's cursor keeps the selection on its partition.
/// </summary>
public sealed class PartitionMapPane : View
{
    private const int TableTop = 3;
    private PartitionMapView? _map;

    public PartitionMapPane() => CanFocus = true;

    public HexPalette Palette { get; set; } = HexPalette.FromEnvironment();
    public int Selected { get; private set; }
    public PartitionMapView? Map => _map;

    /// <summary>A partition was chosen (Enter or click).</summary>
    public event EventHandler<PartitionMapRow>? PartitionChosen;

    public void Show(PartitionMapView map)
    {
        (_map, Selected) = (map, 0);
        SetNeedsDraw();
    }

    /// <summary>Choosing a partition here moves <paramref name="hex"/> there (and focuses it); moving in hex selects its partition here.</summary>
    public void Link(HexDumpView hex)
    {
        PartitionChosen += (_, row) =>
        {
            hex.Goto(row.Start);
            hex.SetFocus();
        };
        hex.PartitionChanged += (_, row) =>
        {
            if (row is null || _map is null) return;
            Selected = row.Index;
            SetNeedsDraw();
        };
        if (hex.Document is { } doc) Show(doc.Map);
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_map is not { Rows.Count: > 0 } map) return false;
        var mapped = KeyTranslation.ToKeymap(key);
        int step = key == Key.CursorUp || mapped?.Char == 'k' ? -1 : key == Key.CursorDown || mapped?.Char == 'j' ? 1 : 0;
        if (step != 0)
        {
            Selected = Math.Clamp(Selected + step, 0, map.Rows.Count - 1);
            SetNeedsDraw();
            return true;
        }
        if (key != Key.Enter) return false;
        PartitionChosen?.Invoke(this, map.Rows[Selected]);
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (_map is not { Rows.Count: > 0 } map || mouse.Position is not { } at || !mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked)) return false;
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
            AddStr(1, 0, "No dump open: bktui tui --hex FILE, :open FILE, or a dump from the archive.");
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
        AddStr(0, TableTop, $"   {"NAME",-15} {"START",-9} {"SIZE",-9} EVIDENCE");
        int first = FirstRow(map);
        for (int i = first, y = TableTop + 1; i < map.Rows.Count && y < Viewport.Height; i++, y++)
        {
            var r = map.Rows[i];
            SetAttribute(i == Selected ? Palette.Cursor : Palette.Partition(r.Index));
            AddStr(0, y, $" {r.Letter} ");
            SetAttribute(i == Selected ? Palette.Cursor : Palette.Normal);
            AddStr(3, y, $"{r.Name,-15} {r.StartText,-9} {r.SizeText,-9} {r.Evidence}");
        }
        return true;
    }
}
