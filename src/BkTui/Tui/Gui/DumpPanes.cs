using BkTui.Tui.Canvas;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Partitions;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using BkTui.Tui.Views.Hex;
using Terminal.Gui.ViewBase;

namespace BkTui.Tui.Gui;

/// <summary>
/// The hex viewer and the partition map: real Terminal.Gui views laid over their panes' bodies
/// (the canvas leaves those cells alone). Registered as services, so the panes' effects reach them;
/// what they report comes back as actions (title text, messages, focus on a click). A workstation
/// uses the one already in its services (tests drive the views before showing them).
/// </summary>
public sealed class DumpPanes
{
    private readonly Action<AppAction> _post;

    public DumpPanes(ColorMode color, TuiServices services, Action<AppAction> post)
    {
        _post = post;
        var palette = HexPalette.For(color);
        Hex = new HexDumpView { Palette = palette, Visible = false };
        Map = new PartitionMapPane { Palette = palette, Visible = false };
        Map.Link(Hex);
        services.Add(Hex).Add(Map).Add(this);
        Hex.Message += (_, m) =>
        {
            post(new ShowFlash(m.Text, m.IsWarning ? FlashLevel.Warning : FlashLevel.Info));
            TitleChanged(); // bookmarks change the title without moving
        };
        Hex.CursorMoved += (_, _) => TitleChanged();
        Hex.MapChanged += (_, _) => post(new HexPartitionNames([.. Hex.GotoCompletions("")]));
        Hex.MapChanged += (_, map) => post(new PartitionsShown($"{Hex.Document?.Name}, {map.Rows.Count} partition{(map.Rows.Count == 1 ? "" : "s")}{(map.Partial is null ? "" : ", PARTIAL dump")}"));
        Hex.Clicked += (_, _) => post(new FocusPaneById(HexPane.PaneIdValue));
        Map.Clicked += (_, _) => post(new FocusPaneById(PartitionsPane.PaneIdValue));
        Map.PartitionChosen += (_, _) => post(new FocusPaneById(HexPane.PaneIdValue));
    }

    public HexDumpView Hex { get; }
    public PartitionMapPane Map { get; }

    /// <summary>
    /// Puts each view over its pane's body, or hides it (pane not shown, or a box the canvas draws over
    /// the panes: help, a question, a detail). Returns the rectangles the views cover, for the canvas to leave alone.
    /// </summary>
    public IReadOnlyList<Rect> Place(AppState state, LayoutResult layout)
    {
        // A prompt sits on the message line, unless it is a dialog or lists its completions above the line.
        bool covered = state.Overlay is not (null or PromptOverlay) || MessageLine.PromptCoversPanes(state);
        var holes = new List<Rect>(2);
        foreach (var (view, id) in new (View, string)[] { (Hex, HexPane.PaneIdValue), (Map, PartitionsPane.PaneIdValue) })
        {
            var slot = covered ? null : layout.Slot(id);
            bool show = slot is { Body.Width: > 0, Body.Height: > 0 };
            if (show)
            {
                var body = slot!.Body;
                if (view.Frame != new System.Drawing.Rectangle(body.X, body.Y, body.Width, body.Height))
                    (view.X, view.Y, view.Width, view.Height) = (body.X, body.Y, body.Width, body.Height);
                holes.Add(body);
            }
            if (view.Visible != show) view.Visible = show;
        }
        Hex.PaneFocused = state.FocusedPaneId == HexPane.PaneIdValue;
        return holes;
    }

    private void TitleChanged() => _post(new HexViewChanged(Hex.StatusText, Hex.CompareDocument is not null));
}
