using BkTui.Terminal.Screen;
using BkTui.Tui.Panes;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>Renders a whole frame from state only: header, panes, message line, hints, overlays.</summary>
public sealed class AppRenderer(RenderKit kit)
{
    public RenderKit Kit { get; } = kit;

    public void Render(AppState state, ScreenBuffer buffer)
    {
        buffer.Clear();
        var layout = ScreenLayout.Compute(state);
        int S(Role r) => Kit.Theme.Id(buffer.Styles, r);
        if (layout.TooSmall)
        {
            var text = $"BkTui needs {ScreenLayout.MinWidth}×{ScreenLayout.MinHeight} — now {state.Width}×{state.Height}";
            var area = buffer.Bounds;
            buffer.Put(Math.Max(0, (area.Width - text.Length) / 2), area.Height / 2, text, S(Role.Warning));
            return;
        }
        DrawHeader(state, buffer, layout.Header);
        foreach (var slot in layout.Slots)
        {
            var pane = Kit.Pane(slot.PaneId);
            if (pane is null) continue;
            DrawTitle(state, buffer, slot, pane);
            pane.Render(new PaneView(state, buffer, slot.Body, slot.Focused, Kit));
        }
        if (layout.Slots.Count == 2)
        {
            int x = layout.Slots[0].Title.Right;
            for (int y = layout.Body.Y; y < layout.Body.Bottom; y++) buffer.Put(x, y, Kit.Spectre.Unicode ? "│" : "|", S(Role.Border));
        }
        MessageLine.Draw(state, buffer, layout.Message, Kit);
        HintBar.Draw(state, buffer, layout.Hints, Kit);
        switch (state.Overlay)
        {
            case HelpOverlay help:
                HelpView.Draw(help, buffer, layout.Body, Kit);
                break;
            case ConfirmOverlay confirm:
                ConfirmView.Draw(confirm, buffer, layout.Body, Kit);
                break;
        }
    }

    private void DrawHeader(AppState state, ScreenBuffer buffer, Rect area)
    {
        int S(Role r) => Kit.Theme.Id(buffer.Styles, r);
        int x = buffer.Put(area.X, area.Y, " BkTui ", S(Role.Header));
        var right = (state.ReadOnly ? "READ-ONLY " : "") + (state.JobsRunning > 0 ? $"{state.JobsRunning} job{(state.JobsRunning == 1 ? "" : "s")} running " : "");
        var tabs = state.PaneOrder.Select((id, i) => (i, pane: Kit.Pane(id))).Where(t => t.pane is not null).ToList();
        // Many panes at 80 columns: unfocused tabs shrink to their number so READ-ONLY and the job count stay visible.
        bool compact = x + tabs.Sum(t => 5 + t.pane!.Title.Length) + right.Length + 1 > area.Right;
        foreach (var (i, pane) in tabs)
        {
            x = buffer.Put(x, area.Y, " ", 0, area.Right);
            var label = compact && i != state.Focus ? $"[{i + 1}]" : $"[{i + 1}] {pane!.Title}";
            x = buffer.Put(x, area.Y, label, i == state.Focus ? S(Role.TitleFocused) : S(Role.Normal), area.Right);
        }
        if (right.Length > 0 && area.Right - right.Length > x + 1)
            buffer.Put(area.Right - right.Length, area.Y, right, state.ReadOnly ? S(Role.Warning) : S(Role.Ok));
    }

    private void DrawTitle(AppState state, ScreenBuffer buffer, PaneSlot slot, IPane pane)
    {
        int style = Kit.Theme.Id(buffer.Styles, slot.Focused ? Role.TitleFocused : Role.Title);
        buffer.Fill(slot.Title, style);
        var status = pane.Status(state);
        var text = $" [{slot.Number}] {pane.Title}" + (status.Length > 0 ? "  " + status : "");
        Text.PutEllipsized(buffer, slot.Title.X, slot.Title.Y, text, style, slot.Title.Right);
    }
}
