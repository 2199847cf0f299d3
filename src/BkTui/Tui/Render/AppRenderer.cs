using BkTui.Tui.Canvas;
using BkTui.Tui.Panes;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>Renders a whole frame from state only: tab strip, panes, message line, hints, dialogs.</summary>
public sealed class AppRenderer(RenderKit kit)
{
    public RenderKit Kit { get; } = kit;

    public void Render(AppState state, ScreenBuffer buffer)
    {
        buffer.Clear();
        var layout = ScreenLayout.Compute(state);
        if (layout.TooSmall)
        {
            var text = $"BkTui needs {ScreenLayout.MinWidth}×{ScreenLayout.MinHeight} — now {state.Width}×{state.Height}";
            var area = buffer.Bounds;
            buffer.Put(Math.Max(0, (area.Width - text.Length) / 2), area.Height / 2, text, Theme.Id(Role.Warning));
            return;
        }
        TabStrip.Draw(state, buffer, layout.Header, Kit);
        foreach (var slot in layout.Slots)
        {
            var pane = Kit.Pane(slot.PaneId);
            if (pane is null) continue;
            DrawTitle(state, buffer, slot, pane);
            pane.Render(new PaneView(state, buffer, slot.Body, slot.Focused, Kit));
        }
        DrawSeparators(buffer, layout);
        MessageLine.Draw(state, buffer, layout.Message, Kit);
        HintBar.Draw(state, buffer, layout.Hints, Kit);
        switch (state.Overlay)
        {
            case HelpOverlay help:
                HelpView.Draw(help, state, buffer, layout.Body, Kit);
                break;
            case ConfirmOverlay confirm:
                ConfirmView.Draw(confirm, buffer, layout.Body, Kit);
                break;
            case PromptOverlay prompt when PromptView.IsLong(prompt, state.Width):
                PromptView.Draw(prompt, state, buffer, layout.Body, Kit);
                break;
            case Files.FilePickerOverlay picker:
                FilePickerView.Draw(picker, buffer, layout.Body, Kit);
                break;
            case DetailOverlay detail:
                DetailView.Draw(detail, buffer, layout.Body, Kit);
                break;
        }
    }

    /// <summary>A vertical rule in the column between tiles (where no slot is).</summary>
    private void DrawSeparators(ScreenBuffer buffer, LayoutResult layout)
    {
        if (!layout.Tiled) return;
        var rule = Kit.Unicode ? "│" : "|";
        foreach (var slot in layout.Slots.Where(s => s.Title.X == 0 && s.Title.Right < layout.Body.Right))
            for (int y = slot.Title.Y; y < slot.Body.Bottom; y++) buffer.Put(slot.Title.Right, y, rule, Theme.Id(Role.Border));
    }

    private void DrawTitle(AppState state, ScreenBuffer buffer, PaneSlot slot, IPane pane)
    {
        int style = Theme.Id(slot.Focused ? Role.TitleFocused : Role.Title);
        buffer.Fill(slot.Title, style);
        var status = pane.Status(state);
        var mark = slot.Focused ? (Kit.Unicode ? "▶" : ">") : " ";
        // A zoomed pane says so where tiles would be (z brings them back); under 100x30 there are none to miss.
        bool zoomed = state.Zoomed && ScreenLayout.TilesFit(state);
        var text = $"{mark}[{slot.Number}] {pane.Title}" + (zoomed ? " (zoomed: z for all panes)" : "") + (status.Length > 0 ? "  " + status : "");
        Text.PutEllipsized(buffer, slot.Title.X, slot.Title.Y, text, style, slot.Title.Right);
    }
}
