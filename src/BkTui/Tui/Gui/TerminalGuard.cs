using System.Runtime.InteropServices;

namespace BkTui.Tui.Gui;

/// <summary>
/// Leaves the terminal exactly as it was, on every exit path: quit, exception, SIGTERM, SIGHUP,
/// process exit. Terminal.Gui restores the screen but leaves application cursor-key mode on
/// (ESC[?1h ESC=), so arrows printed ^[OA in the shell afterwards; the saved termios and a reset
/// sequence fix that. Also does Ctrl-Z: restore, stop the whole process group (so a `dotnet run`
/// parent stops too and the shell gets the terminal back), and on `fg` re-enter — not from the
/// background (`bg`, `kill %1`), where it waits for `fg` or a signal to quit. The window title
/// is pushed on the terminal's title stack before Terminal.Gui sets its own and popped on leaving.
/// </summary>
public sealed class TerminalGuard : IDisposable
{
    /// <summary>The workstation's window title (Terminal.Gui writes its top view's title).</summary>
    public const string WindowTitle = "BkTui";

    /// <summary>
    /// Mouse reporting and bracketed paste off, attributes reset, cursor shown, normal cursor keys and
    /// keypad: what every exit needs, also after Terminal.Gui has left the alternate screen itself.
    /// </summary>
    private const string ModesOff = "\u001b[?1003l\u001b[?1006l\u001b[?1015l\u001b[?1002l\u001b[?1000l\u001b[?2004l\u001b[0m\u001b[?25h\u001b[?1l\u001b>";

    /// <summary>
    /// Home and erase the alternate screen, written just before it is left. When the window changed
    /// size meanwhile, tmux (3.3a) shrinks the alternate screen back to the main screen's old size on
    /// leaving, reflowing every full row into the history it shares with the main screen, and then
    /// grows back, pulling those rows onto the shell's screen above its prompt. Empty rows with the
    /// cursor at the top give it nothing to move.
    /// </summary>
    public const string ClearAlternate = "\u001b[0m\u001b[H\u001b[2J";

    /// <summary>
    /// Leaving full-screen mode ourselves (Ctrl-Z, a signal, a crash): <see cref="ModesOff"/>, the
    /// alternate screen cleared and left (once: a second ESC[?1049l makes tmux put the cursor back where
    /// it was saved, above the shell's prompt if the screen reflowed since), the screen below the
    /// cursor erased, and the window title saved by <see cref="SaveTitle"/> back (XTWINOPS 23; ignored
    /// where unsupported).
    /// </summary>
    public const string Leave = ModesOff + ClearAlternate + "\u001b[?1049l\u001b[J" + RestoreTitle;

    /// <summary>After Terminal.Gui left the alternate screen itself (a normal quit): the rest of <see cref="Leave"/>.</summary>
    public const string LeaveAfterGui = ModesOff + "\u001b[J" + RestoreTitle;

    /// <summary>XTWINOPS 22;0: push the icon and window title on the terminal's title stack.</summary>
    public const string SaveTitle = "\u001b[22;0t";

    /// <summary>XTWINOPS 23;0: pop them (what <see cref="SaveTitle"/> pushed).</summary>
    public const string RestoreTitle = "\u001b[23;0t";

    /// <summary>OSC 0: icon and window title (Terminal.Gui writes it only at start).</summary>
    public const string SetTitle = "\u001b]0;" + WindowTitle + "\u001b\\";

    /// <summary>Back into full-screen mode after `fg` (the shell's title saved again and ours set, alternate screen, hidden cursor, mouse and bracketed paste as Terminal.Gui asks for them).</summary>
    public const string Reenter = SaveTitle + SetTitle + "\u001b[?1049h\u001b[?25l\u001b[?1000h\u001b[?1002h\u001b[?1003h\u001b[?1006h\u001b[?2004h";

    private readonly object _gate = new();
    private readonly List<PosixSignalRegistration> _registrations = new();
    private readonly byte[]? _cooked = Termios.Get();
    private byte[]? _raw;
    private bool _restored;
    private bool _ownStop;
    private bool _guiLeft;

    /// <summary>128 + the signal (143 SIGTERM, 129 SIGHUP, 131 SIGQUIT) once one asked the app to quit: its exit code, as a shell reports a killed program.</summary>
    public int? SignalExitCode => Volatile.Read(ref _signalExitCode) is var c && c != 0 ? c : null;
    private int _signalExitCode; // set once on a signal thread, read by the UI thread (Suspend waits on it)

    /// <summary>Raised (on a signal thread) for SIGTERM/SIGHUP: the app should quit at once.</summary>
    public event Action? Terminating;

    /// <summary>Raised (on a signal thread) when the process continues after a stop it did not ask for (`kill -STOP`): the screen needs a redraw.</summary>
    public event Action? Continued;

    /// <summary>Saves the window title, then catches every exit path; call before Terminal.Gui starts (it sets the title).</summary>
    public void Install()
    {
        if (OperatingSystem.IsWindows()) return;
        Write(SaveTitle);
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            _registrations.Add(PosixSignalRegistration.Create(signal, OnTerminate));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, OnContinue));
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
    }

    /// <summary>Remembers the mode Terminal.Gui set up (to return to it after Ctrl-Z).</summary>
    public void Entered() => _raw = Termios.Get();

    /// <summary>Puts the terminal back as it was before the TUI; safe to call many times, from any thread.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            if (_restored) return;
            _restored = true;
            Write(_guiLeft ? LeaveAfterGui : Leave);
            if (_cooked is not null) Termios.Set(_cooked);
        }
    }

    /// <summary>
    /// Terminal.Gui is about to leave the alternate screen itself (its Dispose): clears it first
    /// (<see cref="ClearAlternate"/>), and <see cref="Restore"/> then does only the rest.
    /// </summary>
    public void GuiLeaving()
    {
        lock (_gate)
        {
            if (_restored) return;
            Write(ClearAlternate);
            _guiLeft = true;
        }
    }

    /// <summary>How often a workstation continued in the background looks whether it is in the foreground again.</summary>
    private static readonly TimeSpan BackgroundPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Ctrl-Z: restore, stop the process group; returns true after `fg` with full-screen mode back, false
    /// when a signal asked it to quit meanwhile (the terminal stays the shell's: nothing more is drawn).
    /// </summary>
    public bool Suspend()
    {
        Restore();
        lock (_gate) _ownStop = true;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            TerminalNative.kill(0, TerminalNative.SIGSTOP);
            // `kill %1` (bash sends SIGCONT with the signal) and `bg` continue it in the background, where
            // the terminal is the shell's: re-entering there drew the frame over the shell's lines. Wait for fg.
            while (SignalExitCode is null && !InForeground()) Thread.Sleep(BackgroundPoll);
        }
        if (SignalExitCode is not null)
        {
            // The terminal is the shell's now: what Terminal.Gui would still draw on its way out goes to
            // /dev/null, and its own leaving (ESC[?1049l moves the cursor into the shell's lines) is skipped.
            Abandoned = true;
            TerminalNative.DetachStdout();
            return false;
        }
        lock (_gate)
        {
            if (_raw is not null) Termios.Set(_raw);
            Write(Reenter);
            _restored = false;
        }
        // After a wait in the background the SIGCONT watch is over; a `dotnet run` parent may set cooked mode now.
        _ = WatchModeAfterContinue();
        return true;
    }

    /// <summary>Left full-screen mode for Ctrl-Z and was asked to quit before coming back: nothing more may be written.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>This process group is the terminal's foreground one (true when stdin is no terminal: nothing to wait for).</summary>
    private static bool InForeground()
    {
        int terminal = TerminalNative.tcgetpgrp(0);
        return terminal < 0 ? Marshal.GetLastPInvokeError() == TerminalNative.ENOTTY : terminal == TerminalNative.getpgrp();
    }

    /// <summary>
    /// SIGCONT. Left to .NET, it re-applies the terminal mode System.Console recorded when it
    /// started (cooked, with echo: it starts before Terminal.Gui's raw mode) on its signal thread,
    /// racing <see cref="Suspend"/>'s own re-entry; when .NET came second, the workstation echoed
    /// keys and took none until Enter (seen after `fg` under load). Cancelling that default keeps
    /// the mode ours; raw is set here as well, which also covers a stop from outside.
    /// </summary>
    private void OnContinue(PosixSignalContext context)
    {
        context.Cancel = true;
        bool fromOutside;
        lock (_gate)
        {
            fromOutside = !_ownStop;
            _ownStop = false;
            if (!_restored && _raw is not null) Termios.Set(_raw);
        }
        _ = WatchModeAfterContinue();
        if (fromOutside) Continued?.Invoke();
    }

    /// <summary>How long after SIGCONT the mode is checked, and how often (a tcgetattr each time).</summary>
    private static readonly TimeSpan WatchFor = TimeSpan.FromSeconds(3), WatchEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Under `dotnet run` the whole process group stops and continues, and the `dotnet` parent is a
    /// .NET process too: its own SIGCONT handling may set the mode it recorded (cooked) after ours,
    /// which left keys echoed and untaken until Enter (tester, 2 of 5 rounds with a job running).
    /// For a bounded while after each SIGCONT the mode is compared with ours and set again.
    /// </summary>
    private async Task WatchModeAfterContinue()
    {
        for (var waited = TimeSpan.Zero; waited < WatchFor; waited += WatchEvery)
        {
            await Task.Delay(WatchEvery).ConfigureAwait(false);
            lock (_gate)
            {
                if (_restored || _raw is null) return; // left full-screen (Ctrl-Z again, quit): not ours to set
                if (Termios.Get() is { } now && !now.AsSpan().SequenceEqual(_raw)) Termios.Set(_raw);
            }
        }
    }

    /// <summary>How long a SIGTERM/SIGHUP leaves the app to quit by itself before the process exits anyway.</summary>
    public static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(5);

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true; // the app shuts down itself (jobs stop at a safe point)...
        int code = 128 + context.Signal switch { PosixSignal.SIGHUP => 1, PosixSignal.SIGQUIT => 3, _ => 15 };
        Interlocked.CompareExchange(ref _signalExitCode, code, 0);
        Terminating?.Invoke();
        // ...unless it cannot: after a hangup the terminal is gone and Terminal.Gui's loop may never
        // see the quit (its input reader spins on the dead tty). A signal must end the process; the
        // exit runs ProcessExit handlers (the demo's temporary folder goes there).
        _ = Task.Delay(QuitGrace).ContinueWith(_ =>
        {
            Restore();
            Environment.Exit(code);
        }, TaskScheduler.Default);
    }

    private void OnExit(object? sender, EventArgs e) => Restore();

    private static void Write(string s)
    {
        try
        {
            using var tty = Console.OpenStandardOutput();
            tty.Write(System.Text.Encoding.ASCII.GetBytes(s));
            tty.Flush();
        }
        catch (IOException) { } // the tty may be gone (SSH drop); nothing left to restore
    }

    public void Dispose()
    {
        Restore();
        foreach (var r in _registrations) r.Dispose();
        _registrations.Clear();
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        AppDomain.CurrentDomain.UnhandledException -= OnExit;
    }
}
