using System.Collections.Immutable;

namespace BkTui.Tui.State;

public enum FlashLevel { Info, Warning, Error }

public sealed record Flash(string Text, FlashLevel Level, DateTimeOffset Shown)
{
    /// <summary>The work this message reports as under way ("analysing dump #1…"); it is cleared when that work ends.</summary>
    public string? Work { get; init; }
}

/// <summary>A modal layer over the panes; keys go to it first.</summary>
public abstract record Overlay;

public sealed record HelpOverlay(int Scroll = 0) : Overlay;

/// <summary>
/// A yes/no dialog; <see cref="OnYes"/> is dispatched (already confirmed) on 'y'. <see cref="Stakes"/>
/// name what is at stake line by line above the <see cref="Question"/>; the default answer is No.
/// </summary>
public sealed record ConfirmOverlay(string Question, AppAction OnYes) : Overlay
{
    public string Title { get; init; } = "Confirm";
    public ImmutableArray<Stake> Stakes { get; init; } = [];
    /// <summary>What the Yes button says ("Flash", "Restore"…).</summary>
    public string YesLabel { get; init; } = "Yes";
    /// <summary>The first stake line shown when they do not all fit (↓/↑ scroll them).</summary>
    public int Scroll { get; init; }

    /// <summary>Everything the dialog says, as one text (stakes first, then the question).</summary>
    public string Whole => string.Concat(Stakes.Select(s => $"{s.Label}: {s.Text}\n")) + Question;
}

/// <summary>Text read whole: wrapped to the dialog's width when drawn, scrolled by <see cref="Scroll"/> wrapped lines.</summary>
public sealed record DetailOverlay(string Title, ImmutableArray<string> Lines, int Scroll = 0) : Overlay;

/// <summary>A one-line text prompt (the ':' command line, '/' search, goto, compare...).</summary>
public sealed record PromptOverlay(string PaneId, string Purpose, string Label, string Text, int HistoryIndex = -1) : Overlay
{
    /// <summary>Where typing goes, 0..Text.Length (-1: at the end).</summary>
    public int Cursor { get; init; } = -1;
    public int At => Cursor < 0 || Cursor > Text.Length ? Text.Length : Cursor;

    /// <summary>What Tab found when it matched several (shown after the field until the next edit).</summary>
    public ImmutableArray<string> Candidates { get; init; } = [];

    /// <summary>A dialog title; with <see cref="Stakes"/> or a long label the prompt is a dialog with the field inside.</summary>
    public string? Title { get; init; }
    public ImmutableArray<Stake> Stakes { get; init; } = [];
    /// <summary>The first stake line shown when they do not all fit (PgDn/PgUp scroll them).</summary>
    public int StakesScroll { get; init; }
    /// <summary>The text is a file path: Tab completes it from the disk, Ctrl-O opens the file picker.</summary>
    public bool PathField { get; init; }

    public const string CommandPurpose = "command";
    public const string SearchPurpose = "search";
    public bool IsCommandLine => Purpose == CommandPurpose;
}

/// <summary>
/// The whole UI state. Immutable: the reducer returns a new value; render reads it and nothing else.
/// Pane-specific state lives in <see cref="Panes"/> keyed by pane id (see Pane&lt;TState&gt;).
/// </summary>
public sealed record AppState
{
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required ImmutableArray<string> PaneOrder { get; init; }
    public required ImmutableDictionary<string, object> Panes { get; init; }
    public int Focus { get; init; }
    public bool Zoomed { get; init; }
    public Overlay? Overlay { get; init; }
    public Flash? Flash { get; init; }
    public bool ReadOnly { get; init; }
    /// <summary>See <see cref="TuiOptions.NoResumeBecause"/>.</summary>
    public string? NoResumeBecause { get; init; }
    /// <summary>Jobs not finished yet: running, waiting for the user, or waiting their turn.</summary>
    public int JobsRunning { get; init; }
    /// <summary>Of <see cref="JobsRunning"/>, those still waiting their turn in the queue.</summary>
    public int JobsWaiting { get; init; }

    /// <summary>"2 jobs running", or "1 running, 12 waiting": what the tab strip and q's question say.</summary>
    public string JobsText => JobsWaiting > 0 && JobsWaiting < JobsRunning ? $"{JobsRunning - JobsWaiting} running, {JobsWaiting} waiting"
        : JobsWaiting > 0 ? $"{JobsWaiting} job{(JobsWaiting == 1 ? "" : "s")} waiting" : $"{JobsRunning} job{(JobsRunning == 1 ? "" : "s")} running";
    public bool Quitting { get; init; }
    public DateTimeOffset Now { get; init; }
    /// <summary>Command-line history, oldest first (bounded).</summary>
    public ImmutableList<string> History { get; init; } = ImmutableList<string>.Empty;
    /// <summary>What was entered at the other prompts (firmware paths, goto, search…), by purpose, oldest first.</summary>
    public ImmutableDictionary<string, ImmutableList<string>> PromptHistories { get; init; } = ImmutableDictionary<string, ImmutableList<string>>.Empty;
    /// <summary>The recent messages, oldest first (bounded), so a cut one can be read whole.</summary>
    public ImmutableList<Flash> Messages { get; init; } = ImmutableList<Flash>.Empty;

    public string FocusedPaneId => PaneOrder.IsDefaultOrEmpty ? "" : PaneOrder[Math.Clamp(Focus, 0, PaneOrder.Length - 1)];
}
