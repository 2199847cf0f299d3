using BkTui.Tui.Keys;
using BkTui.Tui.Canvas;
using BkTui.Tui.Bench;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Panes.Partitions;

/// <summary>The partition map of the dump last opened: which dump, the map, the selected row.</summary>
public sealed record PartitionsState(string? Source = null, PartitionMapView? Map = null, int Selected = 0, bool Unicode = true);

public abstract record PartitionsAction : PaneAction
{
    public override string PaneId => PartitionsPane.PaneIdValue;
}

/// <summary>Show this map (the archive sends it when a dump is opened).</summary>
public sealed record PartitionsShow(string Source, PartitionMapView Map) : PartitionsAction;
public sealed record PartitionsMove(int Delta) : PartitionsAction;
/// <summary>Put the hex viewer's cursor on the selected partition's start and focus it.</summary>
public sealed record PartitionsJump : PartitionsAction;

/// <summary>A bar of the whole flash with each partition as a letter, and the table (name, start, size, evidence).</summary>
public sealed class PartitionsPane : Pane<PartitionsState>
{
    public const string PaneIdValue = "partitions";

    public override string Id => PaneIdValue;
    public override string Title => "Partitions";

    public override IEnumerable<Binding> Keys =>
    [
        new(Id, [Of(KeyCode.Up), C('k')], new PartitionsMove(-1), "Previous partition"),
        new(Id, [Of(KeyCode.Down), C('j')], new PartitionsMove(1), "Next partition"),
        new(Id, [Of(KeyCode.Enter)], new PartitionsJump(), "Show in hex") { ShowInBar = true, Order = 1 },
    ];

    protected override PartitionsState Initial(TuiOptions options) => new(Unicode: options.Unicode);

    protected override string Status(PartitionsState pane) => pane.Map is null ? "open a dump from [Archive]" : $"{pane.Source}, {pane.Map.Rows.Count} partitions";

    protected override Transition Reduce(AppState app, PartitionsState pane, PaneAction action, Rect area)
    {
        switch (action)
        {
            case PartitionsShow s:
                return With(app, pane with { Source = s.Source, Map = s.Map, Selected = 0 });
            case PartitionsMove m when pane.Map is { } map:
                return With(app, pane with { Selected = Math.Max(0, ListWindow.Step(map.Rows.Count, pane.Selected, m.Delta)) });
            case PartitionsJump when pane.Map is { Rows.Count: > 0 } map:
                var row = map.Rows[Math.Clamp(pane.Selected, 0, map.Rows.Count - 1)];
                return new Transition(app, [new PostEffect(new PromptSubmitted(HexPane.PaneIdValue, HexPane.GotoPurpose, $"0x{row.Start:X}"), new FocusPaneById(HexPane.PaneIdValue))]);
            case PartitionsJump:
                return AppReducer.Flash(app, "no partition map: open a dump from [Archive] first", FlashLevel.Warning);
            default:
                return app;
        }
    }

    protected override void Render(PaneView view, PartitionsState pane)
    {
        var (buf, area) = (view.Buffer, view.Area);
        if (pane.Map is not { } map)
        {
            buf.Put(area.X + 1, area.Y, "No dump open. In [Archive], select a dump and press Enter.", view.Style(Role.Dim), area.Right);
            return;
        }
        int barWidth = Math.Max(8, area.Width - 2);
        var bar = map.Bar(barWidth, pane.Unicode);
        int y = area.Y;
        buf.Put(area.X + 1, y, "0x000000", view.Style(Role.Dim), area.Right);
        var end = $"0x{map.FlashSize:X6}";
        buf.Put(area.Right - 1 - end.Length, y++, end, view.Style(Role.Dim), area.Right);
        for (int c = 0; c < bar.Length; c++)
        {
            var row = map.Rows.FirstOrDefault(r => r.Letter == bar[c]);
            int style = row is null ? view.Style(Role.Dim) : row.Index == pane.Selected ? view.Style(Role.Selection) : view.Style(Theme.Partition(row.Index));
            buf.Put(area.X + 1 + c, y, bar[c], style, area.Right);
        }
        y += 2;
        buf.Put(area.X, y++, Text.Fit($"     {"NAME",-14} {"START",-9} {"SIZE",-10} EVIDENCE", area.Width), view.Style(Role.Dim), area.Right);
        int start = ListWindow.Start(map.Rows.Count, pane.Selected, area.Bottom - y);
        for (int i = start; i < map.Rows.Count && y < area.Bottom; i++, y++)
        {
            var r = map.Rows[i];
            bool sel = i == pane.Selected;
            int style = ListRow.Begin(view, y, sel, Role.Normal);
            int x = buf.Put(area.X + 1, y, $" {r.Letter} ", sel ? style : view.Style(Theme.Partition(r.Index)), area.Right);
            Text.PutEllipsized(buf, x, y, $" {Text.Fit(r.Name, 14)} {r.StartText,-9} {Text.Fit(r.SizeText, 10)} {r.Evidence}", style, area.Right);
        }
    }
}
