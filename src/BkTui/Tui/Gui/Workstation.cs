using System.Collections.Concurrent;
using BkTui.Tui.Canvas;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.Render;
using BkTui.Tui.State;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace BkTui.Tui.Gui;

/// <summary>
/// The workstation on a Terminal.Gui application: one runnable holding the screen canvas. Actions
/// come from keys and mouse (on the UI thread) and from the engine (any thread, queued and drained
/// on the UI thread); after each batch the frame is composed from state and the canvas redrawn only
/// when a cell changed, so an idle screen writes nothing.
/// </summary>
public sealed class Workstation
{
    public const int QueueCapacity = 16384;

    private readonly ConcurrentQueue<AppAction> _queue = new();
    private readonly IApplication _gui;
    private readonly TuiApp _app;
    private readonly ScreenBuffer _shown = new(0, 0);
    private readonly EffectContext _effects;
    private int _drainScheduled;

    /// <param name="suspend">Ctrl-Z (<see cref="TerminalGuard.Suspend"/>): false when the app was asked to quit while stopped.</param>
    public Workstation(IApplication gui, TuiApp app, TuiServices services, CancellationToken cancellation, Func<bool>? suspend = null)
    {
        (_gui, _app) = (gui, app);
        // The themes use the 16 named colours: written as 16-colour SGRs (what a 16-colour terminal
        // understands, and a third of the bytes of the 24-bit form Terminal.Gui writes otherwise).
        if (gui.Driver is { } driver) driver.Force16Colors = true;
        Canvas = new ScreenCanvas(() => _shown, app.Renderer.Kit.Theme)
        {
            KeyPressed = k => { Apply(new KeyPressed(k)); return true; },
            MouseInput = OnMouse,
        };
        Dumps = services.Get<DumpPanes>() ?? new DumpPanes(app.Options.Color, services, a => Post(a));
        if (app.Options.RevealSecrets) Dumps.Hex.RevealSecrets = true; // never hides what S showed in views made before (tests)
        Top = new Runnable { Title = TerminalGuard.WindowTitle }; // Terminal.Gui writes it as the window title (TerminalGuard restores the shell's)
        Top.Add(Canvas, Dumps.Hex, Dumps.Map);
        _effects = new EffectContext(a => Post(a), services, cancellation)
        {
            Suspend = () =>
            {
                // After `fg` the alternate screen comes back empty; after a signal to quit there is nothing to draw on.
                if (suspend?.Invoke() != false) Repaint();
            },
            Invalidate = Repaint,
        };
        if (gui.Driver is { } d) d.ClearedContents += (_, _) => Canvas.OnContentsCleared();
        gui.ScreenChanged += (_, _) => Apply(new Resize(gui.Screen.Width, gui.Screen.Height));
        Apply(new Resize(gui.Screen.Width, gui.Screen.Height));
    }

    public Runnable Top { get; }
    public ScreenCanvas Canvas { get; }
    public DumpPanes Dumps { get; }
    public TuiApp App => _app;
    public AppState State => _app.State;

    /// <summary>Raised on the UI thread when the state asks to quit.</summary>
    public event Action? Quitting;

    /// <summary>Queues an action from any thread (dropped when the queue is full: the UI never blocks a producer).</summary>
    public bool Post(AppAction action)
    {
        if (_queue.Count >= QueueCapacity) return false;
        _queue.Enqueue(action);
        if (Interlocked.Exchange(ref _drainScheduled, 1) == 0) _gui.Invoke(Drain);
        return true;
    }

    /// <summary>Logs a line to the log pane from any thread.</summary>
    public void Log(string text, LogLevel level = LogLevel.Info) =>
        Post(new LogAppend(new LogLine(_app.Options.Clock(), level, text)));

    /// <summary>Applies every queued action, then refreshes (UI thread).</summary>
    public void Drain()
    {
        Volatile.Write(ref _drainScheduled, 0);
        while (_queue.TryDequeue(out var action)) Run(action);
        Refresh();
    }

    /// <summary>Applies one action now and refreshes (UI thread).</summary>
    public void Apply(AppAction action)
    {
        Run(action);
        Refresh();
    }

    /// <summary>Opens the files named on the command line (hex, compare).</summary>
    public void OpenStartFiles()
    {
        if (_app.Options.HexFile is { } file) Run(new HexOpenFile(file));
        if (_app.Options.CompareFile is { } other) Run(new HexOpenFile(other, AsCompare: true));
        Refresh();
    }

    private void Run(AppAction action)
    {
        foreach (var effect in _app.Dispatch(action)) _ = RunEffect(effect);
    }

    private async Task RunEffect(Effect effect)
    {
        try { await effect.RunAsync(_effects); }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            Post(new ShowFlash($"{effect.GetType().Name.Replace("Effect", "")} failed: {e.Message}", FlashLevel.Error));
            Log(e.ToString(), LogLevel.Error); // [Log] has it whole, with where it failed
        }
    }

    private void Refresh()
    {
        if (_app.State.Quitting)
        {
            Quitting?.Invoke();
            return;
        }
        var holes = Dumps.Place(_app.State, ScreenLayout.Compute(_app.State));
        bool holesMoved = !holes.SequenceEqual(Canvas.Holes);
        if (holesMoved) Canvas.Holes = holes;
        var frame = _app.Compose();
        if (_shown.SameAs(frame) && !holesMoved) return;
        var rows = holesMoved ? null : ChangedRows(_shown, frame);
        _shown.CopyFrom(frame);
        if (rows is { } r) Canvas.InvalidateRows(r.From, r.To);
        else Canvas.InvalidateAll();
    }

    /// <summary>The first and last row that differ, or null when the sizes differ (everything is new).</summary>
    private static (int From, int To)? ChangedRows(ScreenBuffer before, ScreenBuffer after)
    {
        if (before.Width != after.Width || before.Height != after.Height) return null;
        int from = -1, to = -1;
        for (int y = 0; y < after.Height; y++)
        {
            if (before.RowSameAs(after, y)) continue;
            if (from < 0) from = y;
            to = y;
        }
        return from < 0 ? (0, -1) : (from, to);
    }

    private void Repaint()
    {
        _gui.ClearScreenNextIteration = true;
        Canvas.InvalidateAll();
        Dumps.Hex.SetNeedsDraw();
        Dumps.Map.SetNeedsDraw();
    }

    private void OnMouse(int x, int y, MouseFlags flags)
    {
        if (_app.State.Overlay is not null)
        {
            OnDialogMouse(x, y, flags);
            return;
        }
        var layout = ScreenLayout.Compute(_app.State);
        if (layout.Header.Contains(x, y))
        {
            // A click on a tab label focuses that pane, as its number key does.
            if (flags.HasFlag(MouseFlags.LeftButtonClicked) && TabStrip.NumberAt(_app.State, layout.Header, _app.Renderer.Kit, x) is { } number)
            {
                Run(new FocusPane(number));
                Refresh();
            }
            return;
        }
        var slot = layout.SlotAt(x, y);
        if (slot is null) return;
        if (_app.State.FocusedPaneId != slot.PaneId) Run(new FocusPane(slot.Number));
        if (flags.HasFlag(MouseFlags.WheeledDown) || flags.HasFlag(MouseFlags.WheeledUp))
        {
            var key = Keys.Key.Of(flags.HasFlag(MouseFlags.WheeledDown) ? Keys.KeyCode.Down : Keys.KeyCode.Up);
            for (int i = 0; i < 3; i++) Run(new KeyPressed(key));
        }
        else if (y >= slot.Body.Y && flags.HasFlag(MouseFlags.LeftButtonClicked))
            Run(new PaneClicked(slot.PaneId, x - slot.Body.X, y - slot.Body.Y)); // the pane selects the row under the click
        Refresh();
    }

    /// <summary>With a dialog open, a click goes to it (buttons, picker rows); the wheel moves a picker's selection or scrolls the help, a detail view or what a dialog names.</summary>
    private void OnDialogMouse(int x, int y, MouseFlags flags)
    {
        if (flags.HasFlag(MouseFlags.LeftButtonClicked)) Run(new OverlayClicked(x, y));
        else if (flags.HasFlag(MouseFlags.WheeledDown) || flags.HasFlag(MouseFlags.WheeledUp))
        {
            int notch = flags.HasFlag(MouseFlags.WheeledDown) ? 3 : -3;
            Run(_app.State.Overlay switch
            {
                Files.FilePickerOverlay => new Files.PickerMove(notch),
                HelpOverlay => new ScrollHelp(notch),
                DetailOverlay => new ScrollDetail(notch),
                _ => new ScrollDialog(notch),
            });
        }
        else return;
        Refresh();
    }
}
