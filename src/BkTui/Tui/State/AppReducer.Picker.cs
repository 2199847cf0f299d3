using BkTui.Tui.Files;
using BkTui.Tui.Render;

namespace BkTui.Tui.State;

public sealed partial class AppReducer
{
    /// <summary>The file picker over a path prompt: listing, moving, descending, choosing.</summary>
    private Transition ReducePicker(AppState s, AppAction action)
    {
        if (action is OpenFilePicker)
        {
            if (s.Overlay is not PromptOverlay { PathField: true } prompt) return s;
            var last = HistoryOf(s, prompt) is { Count: > 0 } h ? h[^1] : "";
            return new Transition(s with { Overlay = new FilePickerOverlay(prompt) }, [new ListDirectoryEffect([prompt.Text, last])]);
        }
        if (s.Overlay is not FilePickerOverlay picker) return s;
        switch (action)
        {
            case PickerListed l:
                return s with { Overlay = (picker with { Directory = l.Directory, Entries = l.Entries, Error = l.Error }).Filtered(l.Select) };
            case PickerMove m:
                return s with { Overlay = picker with { Selected = Math.Max(0, global::BkTui.Tui.Panes.ListWindow.Step(picker.Shown.Length, picker.Selected, m.Delta)) } };
            case PickerToggleAll:
                return s with { Overlay = (picker with { ShowAll = !picker.ShowAll }).Filtered(picker.Current?.Name) };
            case PickerHome:
                return new Transition(s, [new ListDirectoryEffect([PathText.Home])]);
            case PickerCancel:
                return s with { Overlay = picker.Return };
            case PickerUp when Path.GetDirectoryName(picker.Directory.TrimEnd('/')) is { } parent && picker.Directory != "/":
                return new Transition(s, [new ListDirectoryEffect([parent], Select: Path.GetFileName(picker.Directory.TrimEnd('/')))]);
            case PickerOpen when picker.Current is { IsParent: true }:
                return ReducePicker(s, new PickerUp());
            case PickerOpen when picker.Current is { IsDirectory: true } dir:
                return new Transition(s, [new ListDirectoryEffect([picker.Directory + dir.Name])]);
            case PickerOpen when picker.Current is { } file:
                // The chosen file is the prompt's answer, as if typed: kept in its history, then asked about.
                var answered = s with { Overlay = picker.Return with { Text = picker.Directory + file.Name, Cursor = -1, Candidates = [] } };
                return ReducePrompt(answered, new PromptSubmit());
            default:
                return s;
        }
    }

    /// <summary>A click in a dialog: its buttons answer, a picker's row is selected (a second click opens it).</summary>
    private Transition OnOverlayClick(AppState s, OverlayClicked click)
    {
        var body = ScreenLayout.Compute(s).Body;
        switch (s.Overlay)
        {
            case ConfirmOverlay confirm:
                var buttons = ConfirmView.Buttons(confirm, body);
                if (buttons.Yes.Contains(click.X, click.Y)) return Reduce(s, new ConfirmAnswer(true));
                if (buttons.No.Contains(click.X, click.Y)) return Reduce(s, new ConfirmAnswer(false));
                return s;
            case FilePickerOverlay picker when FilePickerView.RowAt(picker, body, click.X, click.Y) is int row:
                return row == picker.Selected ? ReducePicker(s, new PickerOpen()) : s with { Overlay = picker with { Selected = row } };
            default:
                return s;
        }
    }
}
