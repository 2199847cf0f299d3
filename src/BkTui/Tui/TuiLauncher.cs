using BkTui.Tui.Loop;
using BkTui.Tui.State;

namespace BkTui.Tui;

/// <summary>Starts the full-screen TUI on the real terminal.</summary>
public static class TuiLauncher
{
    /// <summary>True when both stdin and stdout are terminals (the TUI needs both).</summary>
    public static bool CanRun => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary>
    /// Runs until quit. <paramref name="onStarted"/> receives the loop (to Post engine events and
    /// Log lines); <paramref name="services"/> carries engine objects for panes and effects.
    /// </summary>
    public static async Task<int> RunAsync(TuiOptions options, TuiServices? services = null, Action<TuiLoop>? onStarted = null, CancellationToken ct = default)
    {
        var app = new TuiApp(options, 80, 24);
        var loop = new TuiLoop(app, services ?? new TuiServices());
        onStarted?.Invoke(loop);
        await loop.RunAsync(ct);
        return loop.ExitCode;
    }
}
