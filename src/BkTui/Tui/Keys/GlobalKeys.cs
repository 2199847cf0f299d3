using BkTui.Tui.Keys;
using BkTui.Tui.Files;
using BkTui.Tui.State;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Keys;

/// <summary>The keymap blocks of the app itself: global keys and the overlays.</summary>
public static class GlobalKeys
{
    /// <summary>A typed consent (a dialog with stakes) is typed in full each time: nothing completes or recalls it.</summary>
    private static string? TypedConsent(AppState s) =>
        s.Overlay is PromptOverlay { Stakes.IsEmpty: false } ? "a consent is typed in full each time" : null;

    /// <param name="paneCount">How many panes there are: only their digits jump, and help says "1-7", not "1-9".</param>
    /// <param name="searchable">The panes '/' searches in: the bar offers it only there.</param>
    public static IEnumerable<Binding> All(int paneCount = 9, IReadOnlySet<string>? searchable = null)
    {
        const string g = Contexts.Global;
        yield return new Binding(g, [C('?'), Of(KeyCode.F1)], new ShowHelp(), "Help: every key, the focused pane's first") { ShowInBar = true, Order = -2, Hint = "All keys" };
        yield return new Binding(g, [C(':')], new OpenCommandLine(), "Command") { ShowInBar = true, Order = 80 };
        yield return new Binding(g, [C('/')], new OpenSearch(), "Search") { ShowInBar = true, Order = 70, BarWhen = s => searchable?.Contains(s.FocusedPaneId) != false };
        yield return new Binding(g, [Of(KeyCode.Tab)], new FocusNext(), "Next pane") { ShowInBar = true, Order = 60 };
        yield return new Binding(g, [Of(KeyCode.Tab, KeyMods.Shift)], new FocusPrevious(), "Previous pane");
        int panes = Math.Clamp(paneCount, 1, 9);
        for (int n = 1; n <= panes; n++)
            yield return new Binding(g, [C((char)('0' + n))], new FocusPane(n), "Jump to pane [n]") { HideInHelp = n > 1, KeyText = panes == 1 ? "1" : $"1-{panes}" };
        yield return new Binding(g, [C('z')], new ToggleZoom(), "Zoom the focused pane");
        yield return new Binding(g, [C('q')], new Quit(), "Quit") { ShowInBar = true, Order = -1 };
        yield return new Binding(g, [Ctrl('c')], new Quit(), "Quit (asks when jobs run)");
        yield return new Binding(g, [Ctrl('l')], new Redraw(), "Redraw the screen");
        yield return new Binding(g, [Ctrl('z')], new Suspend(), "Suspend (fg resumes)");
        yield return new Binding(g, [Of(KeyCode.Escape)], new ClearFlash(), "Dismiss the message");
        yield return new Binding(g, [C('M'), Of(KeyCode.F2)], new ShowMessages(), "Messages in full (newest first)") { ShowInBar = true, Order = 75, Hint = "Messages" };

        const string h = Contexts.Help;
        yield return new Binding(h, [Of(KeyCode.Escape), C('q'), C('?'), Of(KeyCode.F1)], new CloseOverlay(), "Close help") { ShowInBar = true };
        yield return new Binding(h, [Of(KeyCode.Down), C('j')], new ScrollHelp(1), "Scroll down") { ShowInBar = true, Order = 1 };
        yield return new Binding(h, [Of(KeyCode.Up), C('k')], new ScrollHelp(-1), "Scroll up") { ShowInBar = true, Order = 2 };
        yield return new Binding(h, [Of(KeyCode.PageDown), C(' ')], new ScrollHelp(10), "Page down");
        yield return new Binding(h, [Of(KeyCode.PageUp)], new ScrollHelp(-10), "Page up");
        yield return new Binding(h, [Of(KeyCode.Home), C('g')], new ScrollHelp(-ListKeys.Far), "Top");
        yield return new Binding(h, [Of(KeyCode.End), C('G')], new ScrollHelp(ListKeys.Far), "Bottom");

        const string d = Contexts.Detail;
        yield return new Binding(d, [Of(KeyCode.Escape), C('q'), Of(KeyCode.Enter)], new CloseOverlay(), "Close") { ShowInBar = true };
        yield return new Binding(d, [Of(KeyCode.Down), C('j')], new ScrollDetail(1), "Scroll down") { ShowInBar = true, Order = 1 };
        yield return new Binding(d, [Of(KeyCode.Up), C('k')], new ScrollDetail(-1), "Scroll up") { ShowInBar = true, Order = 2 };
        yield return new Binding(d, [Of(KeyCode.PageDown), C(' ')], new ScrollDetail(10), "Page down");
        yield return new Binding(d, [Of(KeyCode.PageUp)], new ScrollDetail(-10), "Page up");
        yield return new Binding(d, [Of(KeyCode.Home), C('g')], new ScrollDetail(-ListKeys.Far), "Top");
        yield return new Binding(d, [Of(KeyCode.End), C('G')], new ScrollDetail(ListKeys.Far), "Bottom");

        const string c = Contexts.Confirm;
        yield return new Binding(c, [C('y'), C('Y')], new ConfirmAnswer(true), "Yes, do it (or click its button)") { ShowInBar = true, Hint = "Yes, do it" };
        yield return new Binding(c, [C('n'), C('N'), Of(KeyCode.Escape), Of(KeyCode.Enter)], new ConfirmAnswer(false), "No (default; or click its button)") { ShowInBar = true, Order = 1, Hint = "No (default)" };

        yield return new Binding(c, [Of(KeyCode.Down), C('j')], new ScrollDialog(1), "Scroll what the dialog names, when some is hidden");
        yield return new Binding(c, [Of(KeyCode.Up), C('k')], new ScrollDialog(-1), "Scroll back");
        yield return new Binding(c, [Of(KeyCode.PageDown), C(' ')], new ScrollDialog(10), "Page down");
        yield return new Binding(c, [Of(KeyCode.PageUp)], new ScrollDialog(-10), "Page up");

        const string p = Contexts.Prompt;
        yield return new Binding(p, [Of(KeyCode.Enter)], new PromptSubmit(), "Run / accept") { ShowInBar = true };
        yield return new Binding(p, [Of(KeyCode.Escape)], new CloseOverlay(), "Cancel") { ShowInBar = true, Order = 1 };
        yield return new Binding(p, [Of(KeyCode.Tab)], new PromptComplete(), "Accept the suggestion") { ShowInBar = true, Order = 2, Hint = "Complete", DisabledReason = TypedConsent };
        yield return new Binding(p, [Of(KeyCode.Up)], new PromptHistory(-1), "Earlier entry (each prompt keeps its own history)") { ShowInBar = true, Order = 3, Hint = "History", DisabledReason = TypedConsent };
        yield return new Binding(p, [Of(KeyCode.Down)], new PromptHistory(1), "Later entry");
        yield return new Binding(p, [Of(KeyCode.Left)], new PromptCursor(-1), "Cursor left");
        yield return new Binding(p, [Of(KeyCode.Right)], new PromptCursor(1), "Cursor right (at the end: accept the suggestion)");
        yield return new Binding(p, [Of(KeyCode.Home), Ctrl('a')], new PromptHome(), "Start of the line");
        yield return new Binding(p, [Of(KeyCode.End), Ctrl('e')], new PromptEnd(), "End of the line");
        yield return new Binding(p, [Of(KeyCode.Backspace)], new PromptBackspace(), "Delete the character before the cursor");
        yield return new Binding(p, [Of(KeyCode.Delete)], new PromptDelete(), "Delete the character under the cursor");
        yield return new Binding(p, [Ctrl('u')], new PromptKillStart(), "Delete to the start of the line");
        yield return new Binding(p, [Ctrl('w')], new PromptDeleteWord(), "Delete the word before the cursor");
        yield return new Binding(p, [Of(KeyCode.PageDown)], new ScrollDialog(10), "A typed consent: scroll what it names, when some is hidden");
        yield return new Binding(p, [Of(KeyCode.PageUp)], new ScrollDialog(-10), "A typed consent: scroll back");

        const string f = Contexts.PathPrompt;
        yield return new Binding(f, [Ctrl('o')], new OpenFilePicker(), "Choose the file in a file picker") { ShowInBar = true, Order = 2, Hint = "Browse" };
        yield return new Binding(f, [Of(KeyCode.Tab)], new PromptComplete(), "Complete the path (several are listed by name)") { ShowInBar = true, Order = 3, Hint = "Complete" };

        const string pk = Contexts.Picker;
        yield return new Binding(pk, [Of(KeyCode.Enter), Of(KeyCode.Right), C('l')], new PickerOpen(), "Open the folder / choose the file") { ShowInBar = true, Hint = "Open/choose" };
        yield return new Binding(pk, [Of(KeyCode.Backspace), Of(KeyCode.Left), C('h')], new PickerUp(), "Up to the parent folder") { ShowInBar = true, Order = 1, Hint = "Up" };
        yield return new Binding(pk, [C('a')], new PickerToggleAll(), $"All files / only firmware ({FirmwareFiles.Pattern})") { ShowInBar = true, Order = 2, Hint = "All files" };
        yield return new Binding(pk, [Of(KeyCode.Escape), C('q')], new PickerCancel(), "Back to the prompt") { ShowInBar = true, Order = 3, Hint = "Back" };
        foreach (var b in ListKeys.Rows(pk, d => new PickerMove(d), "entry")) yield return b;
        yield return new Binding(pk, [C('~')], new PickerHome(), "Home folder");
    }
}
