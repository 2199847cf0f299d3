using System.Diagnostics;
using BkTui.Tui.Gui;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;
using Terminal.Gui.App;

namespace BkTui.Tui.Loop;

/// <summary>
/// Runs the workstation on the real terminal with Terminal.Gui: creates the application and the
/// <see cref="Workstation"/>, a 250 ms tick, and the <see cref="TerminalGuard"/> that restores the
/// terminal on every exit path. Engine code posts actions and log lines through it.
/// </summary>
public sealed class TuiLoop
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    private readonly TuiApp _app;
    private readonly TuiServices _services;
    private readonly List<AppAction> _early = new();
    private Workstation? _workstation;

    public TuiLoop(TuiApp app, TuiServices services) => (_app, _services) = (app, services);

    /// <summary>0 after a quit; 128 + the signal when SIGTERM/SIGHUP/SIGQUIT ended the loop (docs/tui.md).</summary>
    public int ExitCode { get; private set; }

    /// <summary>Posts an action from any thread.</summary>
    public bool Post(AppAction action)
    {
        lock (_early)
        {
            if (_workstation is null) { _early.Add(action); return true; }
        }
        return _workstation.Post(action);
    }

    /// <summary>Logs a line to the log pane from any thread.</summary>
    public void Log(string text, LogLevel level = LogLevel.Info) =>
        Post(new LogAppend(new LogLine(_app.Options.Clock(), level, text)));

    public Task RunAsync(CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var guard = new TerminalGuard();
        guard.Install();
        var gui = Application.Create(); // disposed below, unless that would write over the shell
        try
        {
            gui.Init("ansi");
            guard.Entered();
            var ws = new Workstation(gui, _app, _services, cts.Token, guard.Suspend);
            ws.Quitting += () => gui.RequestStop();
            guard.Terminating += () => ws.Post(new Quit(Force: true));
            guard.Continued += () => ws.Post(new Redraw());
            using var stop = ct.Register(() => ws.Post(new Quit(Force: true)));
            gui.AddTimeout(TickInterval, () => { ws.Post(new Tick(_app.Options.Clock())); return true; });
            gui.Keyboard.KeyDown += (_, k) =>
            {
                // Terminal.Gui suspends on Ctrl+Z itself, leaving keypad and cursor-key modes on; the
                // keymap's Suspend (TerminalGuard) restores the terminal exactly.
                if (k != Terminal.Gui.Input.Key.Z.WithCtrl) return;
                k.Handled = true;
                ws.Apply(new KeyPressed(Keys.Key.Ctrl('z')));
            };
            gui.Iteration += FirstIteration;
            ws.Canvas.DrawComplete += FirstFrame;
            // Terminal.Gui 2.5 never clears its cursor-needs-update flag, so each iteration (25 a second)
            // rewrote hide-cursor + home: ~300 B/s on an idle screen. Our cursor is always hidden.
            gui.Iteration += (_, _) => gui.Driver?.SetCursorNeedsUpdate(false);
            gui.Run(ws.Top);
            ws.Top.Dispose();

            // Posting needs the running loop (Invoke), so what came before it is applied here.
            void FirstIteration(object? sender, EventArgs e)
            {
                gui.Iteration -= FirstIteration;
                lock (_early)
                {
                    _workstation = ws;
                    foreach (var a in _early) ws.Post(a);
                    _early.Clear();
                }
                ws.OpenStartFiles();
            }

            // The first frame handed to the terminal: what docs/performance.md's benchmark reads.
            void FirstFrame(object? sender, EventArgs e)
            {
                ws.Canvas.DrawComplete -= FirstFrame;
                var first = DateTime.Now - Process.GetCurrentProcess().StartTime;
                ws.Log($"first frame {first.TotalMilliseconds:F0} ms after process start ({_app.State.Width}×{_app.State.Height}, {_app.Options.Color})");
            }
        }
        finally
        {
            cts.Cancel();
            guard.GuiLeaving();
            // Suspended, then told to quit: the terminal is the shell's, and Terminal.Gui's leaving
            // (ESC[?1049l puts the cursor back where full-screen mode began) would write over its lines.
            if (!guard.Abandoned) gui.Dispose(); // leaves the alternate screen
            guard.Restore();
            ExitCode = guard.SignalExitCode ?? 0;
        }
        return Task.CompletedTask;
    }
}
