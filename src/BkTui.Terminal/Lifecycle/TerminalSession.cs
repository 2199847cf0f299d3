using System.Runtime.InteropServices;
using System.Text;

namespace BkTui.Terminal.Lifecycle;

/// <summary>
/// Owns the terminal while the TUI runs: enters full-screen mode, and restores it exactly once on
/// every exit path (quit, exception, SIGTERM, SIGHUP, SIGINT, SIGQUIT, ProcessExit), leaves it for
/// Ctrl-Z and re-enters on SIGCONT. All output goes through <see cref="Write"/> (one stream, no
/// cursor queries).
/// </summary>
public sealed class TerminalSession : IDisposable
{
    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly List<PosixSignalRegistration> _registrations = new();
    private bool _active;
    private bool _handlersInstalled;

    public TerminalSession(Stream output) => _output = output;

    /// <summary>Raised (on a signal thread) after SIGWINCH; read the new size from <see cref="Size"/>.</summary>
    public event Action? Resized;

    /// <summary>Raised after the terminal was restored because of SIGTERM/SIGHUP/SIGINT/SIGQUIT.</summary>
    public event Action<PosixSignal>? Terminating;

    /// <summary>Raised after SIGCONT re-entered full-screen mode: repaint everything.</summary>
    public event Action? Resumed;

    public bool IsActive { get { lock (_gate) return _active; } }

    /// <summary>Current terminal size (Console reports the new size inside the SIGWINCH handler).</summary>
    public static (int Width, int Height) Size()
    {
        try { return (Math.Max(1, Console.WindowWidth), Math.Max(1, Console.WindowHeight)); }
        catch (IOException) { return (80, 24); }
    }

    /// <summary>Enters full-screen mode (idempotent).</summary>
    public void Enter()
    {
        lock (_gate)
        {
            if (_active) return;
            _active = true;
            WriteRaw(TerminalModes.Enter);
        }
    }

    /// <summary>Leaves full-screen mode; safe to call any number of times from any thread.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            if (!_active) return;
            _active = false;
            try { WriteRaw(TerminalModes.Leave); }
            catch (IOException) { } // the tty may be gone (SSH drop); nothing left to restore
            catch (ObjectDisposedException) { }
        }
    }

    /// <summary>Writes a frame; ignored while suspended or restored.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (!_active || bytes.IsEmpty) return;
            _output.Write(bytes);
            _output.Flush();
        }
    }

    /// <summary>Installs the signal and process-exit hooks (production only).</summary>
    public void InstallHandlers()
    {
        if (_handlersInstalled || OperatingSystem.IsWindows()) return;
        _handlersInstalled = true;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            _registrations.Add(PosixSignalRegistration.Create(signal, OnTerminate));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Resized?.Invoke()));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTSTP, _ => Restore()));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, _ => Resume()));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
    }

    /// <summary>Ctrl-Z: restore the terminal and stop the process; SIGCONT (fg) brings it back.</summary>
    public void Suspend()
    {
        Restore();
        // SIGSTOP rather than SIGTSTP: the runtime's own SIGTSTP handling did not stop the process
        // when raised from inside it (seen under tmux); SIGSTOP always stops, and the shell reports it.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            Native.kill(Environment.ProcessId, Native.SIGSTOP);
    }

    private void Resume()
    {
        Enter();
        Resumed?.Invoke();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        Restore();
        if (Terminating is { } handler)
        {
            context.Cancel = true; // the app shuts down cleanly (jobs stop at a safe point)
            handler(context.Signal);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Restore();

    private void OnUnhandled(object? sender, UnhandledExceptionEventArgs e) => Restore();

    private void WriteRaw(string s)
    {
        _output.Write(Encoding.UTF8.GetBytes(s));
        _output.Flush();
    }

    public void Dispose()
    {
        Restore();
        foreach (var r in _registrations) r.Dispose();
        _registrations.Clear();
        if (_handlersInstalled)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            AppDomain.CurrentDomain.UnhandledException -= OnUnhandled;
        }
    }

    private static class Native
    {
        // SIGSTOP is 19 on Linux x86-64, arm and arm64 (17 on macOS).
        public static readonly int SIGSTOP = OperatingSystem.IsMacOS() ? 17 : 19;

        [DllImport("libc", SetLastError = true)]
        public static extern int kill(int pid, int sig);
    }
}
