using System.Runtime.CompilerServices;

namespace BkTui.Cli;

/// <summary>
/// Terminal.Gui applies its settings and themes once, at its first use (its module initializer; under
/// Native AOT, <see cref="DeferredTerminalGuiSettings"/>): the largest single piece of the TUI's start-up,
/// ~160 ms of CPU in the ReadyToRun file (docs/performance.md, "First frame"). When the command line will
/// open the TUI, that starts on another thread at the top of <c>Main</c>, beside the command line, the
/// bench (the demo's virtual chips, the archive) and our own set-up; the TUI waits for it before its first
/// Terminal.Gui call.
/// </summary>
internal static class TerminalGuiWarmUp
{
    private static Task? _settings;

    /// <summary>Starts the settings on another thread when <paramref name="args"/> open the TUI on a terminal.</summary>
    public static void StartIfTuiAhead(string[] args)
    {
        if (!OpensTui(args) || !Tui.TuiLauncher.CanRun) return;
        _settings = Task.Factory.StartNew(Apply, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Returns once Terminal.Gui's settings are applied (waiting for the early start, or applying them now).</summary>
    public static void Wait()
    {
        if (_settings is { } started) started.Wait();
        else Apply();
    }

    /// <summary>No verb (the TUI on a terminal), <c>tui</c> or <c>demo</c>, and no help asked.</summary>
    internal static bool OpensTui(string[] args) =>
        (args.Length == 0 || args[0] is "tui" or "demo") && !args.Any(a => a is "-h" or "--help" or "-?");

    // Not inlined: the first reference to a Terminal.Gui type loads it on the thread that runs this.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Apply()
    {
        if (DeferredTerminalGuiSettings.IsDeferred) DeferredTerminalGuiSettings.ApplyIfDeferred();
        else RuntimeHelpers.RunModuleConstructor(typeof(Terminal.Gui.App.Application).Module.ModuleHandle);
    }
}
