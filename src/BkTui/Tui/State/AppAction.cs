using BkTui.Tui.Keys;

namespace BkTui.Tui.State;

/// <summary>Everything that can change the app state: keys resolved by the keymap, engine events, ticks.</summary>
public abstract record AppAction;

/// <summary>An action for one pane (routed to the pane whose <see cref="PaneId"/> matches, focused or not).</summary>
public abstract record PaneAction : AppAction
{
    public abstract string PaneId { get; }
}

/// <summary>
/// An action that changes a device. The reducer asks for confirmation with <see cref="Describe"/>
/// (which names the port and the address range) and refuses it in --read-only mode.
/// </summary>
public interface IDangerousAction
{
    string Describe(AppState state);
}

/// <summary>A raw key press; the reducer resolves it through the keymap.</summary>
public sealed record KeyPressed(Key Key) : AppAction;

public sealed record FocusNext : AppAction;
public sealed record FocusPrevious : AppAction;
/// <summary>Focus the pane with this 1-based jump number.</summary>
public sealed record FocusPane(int Number) : AppAction;
/// <summary>Focus a pane by id (e.g. the archive opening a dump in the hex viewer).</summary>
public sealed record FocusPaneById(string PaneId) : AppAction;
public sealed record ToggleZoom : AppAction;

public sealed record ShowHelp : AppAction;
public sealed record ScrollHelp(int Delta) : AppAction;
public sealed record CloseOverlay : AppAction;

public sealed record OpenCommandLine : AppAction;
public sealed record OpenSearch : AppAction;
/// <summary>Puts entries in a prompt's ↑ history before anything was typed (the demo offers its firmware files this way).</summary>
public sealed record SeedPromptHistory(string Purpose, IReadOnlyList<string> Entries) : AppAction;
/// <summary>Opens a text prompt whose submission goes back to <paramref name="PaneId"/> as <see cref="PromptSubmitted"/>.</summary>
public sealed record OpenPrompt(string PaneId, string Purpose, string Label, string Initial = "") : AppAction
{
    /// <summary>The answer is a file path (Tab completes from the disk, Ctrl-O opens the file picker).</summary>
    public bool PathField { get; init; }
}

public sealed record PromptInput(char Char) : AppAction;
public sealed record PromptBackspace : AppAction;
public sealed record PromptSubmit : AppAction;
public sealed record PromptHistory(int Delta) : AppAction;
public sealed record PromptComplete : AppAction;
/// <summary>Moves the cursor in the prompt's text (→ at the end accepts the suggestion).</summary>
public sealed record PromptCursor(int Delta) : AppAction;
public sealed record PromptHome : AppAction;
public sealed record PromptEnd : AppAction;
/// <summary>Deletes the character under the cursor.</summary>
public sealed record PromptDelete : AppAction;
/// <summary>Deletes from the start of the line to the cursor (Ctrl-U).</summary>
public sealed record PromptKillStart : AppAction;
/// <summary>Deletes the word before the cursor (Ctrl-W).</summary>
public sealed record PromptDeleteWord : AppAction;

/// <summary>The text of a prompt opened by a pane, delivered to that pane.</summary>
public sealed record PromptSubmitted(string Pane, string Purpose, string Text) : PaneAction
{
    public override string PaneId => Pane;
}

public sealed record ConfirmAnswer(bool Yes) : AppAction;

/// <summary>Scrolls what an open dialog names (its stakes) when they do not all fit.</summary>
public sealed record ScrollDialog(int Delta) : AppAction;

/// <summary>A left click while a dialog is open, at a screen cell (a dialog's button, a picker's row).</summary>
public sealed record OverlayClicked(int X, int Y) : AppAction;

/// <summary>A left click in a pane's body, at a cell relative to the body's top-left corner.</summary>
public sealed record PaneClicked(string Pane, int X, int Y) : PaneAction
{
    public override string PaneId => Pane;
}

/// <summary>Opens a scrollable text view (a job's detail, a dump's analysis, messages) over the panes.</summary>
public sealed record ShowDetail(string Title, IReadOnlyList<string> Lines) : AppAction;
public sealed record ScrollDetail(int Delta) : AppAction;
/// <summary>The recent messages in full (a message cut on the message line is read here).</summary>
public sealed record ShowMessages : AppAction;

/// <summary>Quit; asks first when jobs run unless <paramref name="Force"/>.</summary>
public sealed record Quit(bool Force = false) : AppAction;
public sealed record Suspend : AppAction;
public sealed record Redraw : AppAction;
public sealed record Resize(int Width, int Height) : AppAction;
public sealed record Tick(DateTimeOffset Now) : AppAction;
/// <summary>The clock, handed to each pane (one that watches something, like the Ports pane, polls on it).</summary>
public sealed record PaneTick(string Target, DateTimeOffset Now) : PaneAction
{
    public override string PaneId => Target;
}

/// <param name="Record">Also into [Log] (<see cref="AppReducer.FlashLogged"/>).</param>
public sealed record ShowFlash(string Text, FlashLevel Level = FlashLevel.Info, bool Record = false) : AppAction;
public sealed record ClearFlash : AppAction;
/// <summary>Work started with <see cref="AppReducer.Busy"/> is over: its "…ing" message goes (whatever replaced it stays).</summary>
public sealed record WorkEnded(string What) : AppAction;
/// <summary>The engine reports how many jobs are running (q asks before quitting when non-zero).</summary>
public sealed record SetJobsRunning(int Count, int Waiting = 0) : AppAction;

/// <summary>An action the user already confirmed (skips the dangerous-action question).</summary>
public sealed record Confirmed(AppAction Inner) : AppAction;

/// <summary>A line typed at ':' (a CLI verb or a TUI word).</summary>
public sealed record RunCommand(string Line) : AppAction;
