using System.Collections.Immutable;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.Render;

namespace BkTui.Tui.State;

/// <summary>
/// actions → new state (+ effects). Pure: no I/O, no clock (time arrives with <see cref="Tick"/>).
/// Global actions are handled here; <see cref="PaneAction"/>s go to their pane.
/// </summary>
public sealed partial class AppReducer(IReadOnlyList<IPane> panes, Keymap keymap)
{
    public static readonly TimeSpan FlashLifetime = TimeSpan.FromSeconds(6);
    public const int HistoryLimit = 100;

    public IReadOnlyList<IPane> Panes { get; } = panes;
    public Keymap Keymap { get; } = keymap;

    public AppState Initial(TuiOptions options, int width, int height) => new()
    {
        Width = width,
        Height = height,
        PaneOrder = Panes.Select(p => p.Id).ToImmutableArray(),
        Panes = Panes.ToImmutableDictionary(p => p.Id, p => p.CreateState(options)),
        ReadOnly = options.ReadOnly,
        NoResumeBecause = options.NoResumeBecause,
        Now = options.Clock(),
    };

    public Transition Reduce(AppState s, AppAction action)
    {
        if (action is IDangerousAction danger)
        {
            if (s.ReadOnly) return FlashLogged(s, "read-only mode: " + danger.Describe(s).Split('\n')[0] + " is disabled");
            return s with { Overlay = new ConfirmOverlay(danger.Describe(s), new Confirmed(action)) };
        }
        return action switch
        {
            KeyPressed k => OnKey(s, k),
            Confirmed c => ReduceConfirmed(s, c.Inner),
            PaneAction p => ToPane(s, p),
            FocusNext => s with { Focus = (s.Focus + 1) % Math.Max(1, s.PaneOrder.Length) },
            FocusPrevious => s with { Focus = (s.Focus - 1 + s.PaneOrder.Length) % Math.Max(1, s.PaneOrder.Length) },
            FocusPane f when f.Number >= 1 && f.Number <= s.PaneOrder.Length => s with { Focus = f.Number - 1 },
            FocusPane => s,
            FocusPaneById f => s.PaneOrder.IndexOf(f.PaneId) is var i and >= 0 ? s with { Focus = i } : s,
            ToggleZoom when !s.Zoomed && !ScreenLayout.TilesFit(s) =>
                Flash(s, $"one pane fills the screen already; z zooms a tile at {ScreenLayout.TiledWidth}×{ScreenLayout.TiledHeight} and larger"),
            ToggleZoom => s with { Zoomed = !s.Zoomed },
            ShowHelp => s with { Overlay = new HelpOverlay() },
            ScrollHelp d when s.Overlay is HelpOverlay h => s with { Overlay = h with { Scroll = HelpView.ClampScroll(s, Keymap, Panes, h.Scroll + d.Delta) } },
            ShowDetail d => s with { Overlay = new DetailOverlay(d.Title, [.. d.Lines]) },
            ScrollDetail d when s.Overlay is DetailOverlay o => s with { Overlay = o with { Scroll = DetailView.ClampScroll(o, s, o.Scroll + d.Delta) } },
            ShowMessages => s.Messages.IsEmpty ? Flash(s, "no messages yet") : s with { Overlay = MessagesOverlay(s) },
            CloseOverlay => s with { Overlay = null },
            OpenCommandLine => s with { Overlay = new PromptOverlay("", PromptOverlay.CommandPurpose, ":", "") },
            OpenSearch => OpenSearchFor(s),
            SeedPromptHistory h => s with { PromptHistories = s.PromptHistories.SetItem(h.Purpose, [.. h.Entries]) },
            OpenPrompt p => s with { Overlay = new PromptOverlay(p.PaneId, p.Purpose, p.Label, p.Initial) { PathField = p.PathField } },
            PromptInput or PromptBackspace or PromptSubmit or PromptHistory or PromptComplete or PromptCursor or PromptHome or PromptEnd
                or PromptDelete or PromptKillStart or PromptDeleteWord or Files.PromptPathCompleted => ReducePrompt(s, action),
            Files.OpenFilePicker or Files.PickerMove or Files.PickerOpen or Files.PickerUp or Files.PickerToggleAll or Files.PickerHome
                or Files.PickerCancel or Files.PickerListed => ReducePicker(s, action),
            OverlayClicked c => OnOverlayClick(s, c),
            ConfirmAnswer a => OnAnswer(s, a),
            ScrollDialog d when s.Overlay is ConfirmOverlay c => s with { Overlay = c with { Scroll = ConfirmView.ClampScroll(c, ScreenLayout.Compute(s).Body, c.Scroll + d.Delta) } },
            ScrollDialog d when s.Overlay is PromptOverlay { Stakes.IsEmpty: false } p => s with { Overlay = p with { StakesScroll = PromptView.ClampScroll(p, ScreenLayout.Compute(s).Body, p.StakesScroll + d.Delta) } },
            RunCommand r => OnCommand(s, r.Line),
            Commands.RunConfirmedVerb v => RunVerb(s, v.Tokens),
            Quit q when q.Force || s.JobsRunning == 0 => s with { Quitting = true },
            Quit => s with { Overlay = new ConfirmOverlay(QuitQuestion(s), new Quit(Force: true)) { Title = "Quit", YesLabel = "Quit" } },
            Suspend => new Transition(s, [new SuspendEffect()]),
            Redraw => new Transition(s, [new InvalidateEffect()]),
            Resize r => s with { Width = r.Width, Height = r.Height },
            Tick t => OnTick(s, t.Now),
            ShowFlash f => f.Record ? FlashLogged(s, f.Text, f.Level) : Flash(s, f.Text, f.Level),
            ClearFlash => s.Flash is null ? s : s with { Flash = null },
            WorkEnded w => s.Flash?.Work == w.What ? s with { Flash = null } : s,
            SetJobsRunning j => s with { JobsRunning = Math.Max(0, j.Count), JobsWaiting = Math.Clamp(j.Waiting, 0, Math.Max(0, j.Count)) },
            _ => s,
        };
    }

    /// <summary>What quitting does to the jobs still running, and whether they can be resumed (not in the demo, whose ports go on exit).</summary>
    private static string QuitQuestion(AppState s)
    {
        bool one = s.JobsRunning == 1;
        var jobs = s.JobsWaiting > 0 ? s.JobsText : $"{s.JobsRunning} job{(one ? " is" : "s are")} running";
        var after = s.NoResumeBecause is { } why ? $"{why}, so nothing can be resumed" : one ? "it can be resumed" : "they can be resumed";
        return $"{jobs}. Quitting stops {(one ? "it" : "them")} at a safe point ({after}). Quit anyway?";
    }

    private Transition ReduceConfirmed(AppState s, AppAction inner) => inner switch
    {
        PaneAction p => ToPane(s, p),
        _ => Reduce(s, inner),
    };

    private Transition OnKey(AppState s, KeyPressed k)
    {
        // An error stays until a key is pressed.
        if (s.Flash?.Level == FlashLevel.Error && s.Overlay is null) s = s with { Flash = null };
        var action = Keymap.Resolve(k.Key, s);
        return action is null ? s : Reduce(s, action);
    }

    private Transition ToPane(AppState s, PaneAction action)
    {
        var pane = Panes.FirstOrDefault(p => p.Id == action.PaneId);
        if (pane is null || !s.Panes.ContainsKey(pane.Id)) return s;
        return pane.Reduce(s, action, ScreenLayout.BodyFor(s, pane.Id));
    }

    private Transition OnAnswer(AppState s, ConfirmAnswer answer)
    {
        if (s.Overlay is not ConfirmOverlay c) return s;
        var closed = s with { Overlay = null };
        return answer.Yes ? Reduce(closed, c.OnYes) : Flash(closed, "cancelled");
    }

    private Transition OpenSearchFor(AppState s)
    {
        var pane = Panes.FirstOrDefault(p => p.Id == s.FocusedPaneId);
        if (pane?.SearchLabel is not { } label) return Flash(s, "nothing to search in this pane", FlashLevel.Warning);
        return s with { Overlay = new PromptOverlay(pane.Id, PromptOverlay.SearchPurpose, label, "") };
    }

    private Transition OnTick(AppState s, DateTimeOffset now)
    {
        var flash = s.Flash;
        if (flash is not null && flash.Level != FlashLevel.Error && now - flash.Shown >= FlashLifetime) flash = null;
        Transition t = s with { Now = now, Flash = flash };
        foreach (var pane in Panes)
        {
            var next = ToPane(t.State, new PaneTick(pane.Id, now));
            t = new Transition(next.State, t.EffectsOrEmpty.AddRange(next.EffectsOrEmpty));
        }
        return t;
    }

    public const int MessageLimit = 50;

    /// <summary>Shows a message on the message line and keeps it in the messages list.</summary>
    internal static AppState Flash(AppState s, string text, FlashLevel level = FlashLevel.Info)
    {
        var flash = new Flash(text, level, s.Now);
        var messages = s.Messages.Add(flash);
        if (messages.Count > MessageLimit) messages = messages.RemoveAt(0);
        return s with { Flash = flash, Messages = messages };
    }

    /// <summary>
    /// A message that also goes into [Log]: a job that was not queued, or work that failed outside a job
    /// (a job's own failures are in [Log] already), so the bench's record says why nothing happened.
    /// </summary>
    internal static AppState FlashLogged(AppState s, string text, FlashLevel level = FlashLevel.Warning) =>
        LogPane.Record(Flash(s, text, level), new LogLine(s.Now, level switch { FlashLevel.Error => LogLevel.Error, FlashLevel.Warning => LogLevel.Warning, _ => LogLevel.Info }, text));

    /// <summary>
    /// A message that work is under way ("analysing dump #1…"), taken off the line when the effect doing
    /// <paramref name="work"/> ends (<see cref="WorkEnded"/>) rather than left to expire after it is done.
    /// </summary>
    internal static AppState Busy(AppState s, string text, string work)
    {
        s = Flash(s, text);
        return s with { Flash = s.Flash! with { Work = work } };
    }

    /// <summary>The messages, newest first, each whole with its time and level.</summary>
    private static DetailOverlay MessagesOverlay(AppState s) => new("Messages (newest first)",
        [.. s.Messages.Reverse().Select(m => $"{m.Shown:HH:mm:ss} {m.Level switch { FlashLevel.Error => "Error: ", FlashLevel.Warning => "Warning: ", _ => "" }}{m.Text}")]);
}
