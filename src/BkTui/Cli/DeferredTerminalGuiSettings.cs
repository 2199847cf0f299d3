using Terminal.Gui.Configuration;

namespace BkTui.Cli;

/// <summary>
/// Terminal.Gui applies its settings (themes, schemes, key bindings, read from its built-in and the
/// user's config files) in a module initializer. Under JIT that runs when Terminal.Gui is first
/// loaded, i.e. when the TUI starts; Native AOT runs every module initializer at process start, so
/// each verb paid ~25 ms for it (docs/performance-startup.md). The AOT publish stubs that
/// initializer (<c>DeferredTerminalGuiSettings.xml</c>, enabled by the switch below) and the TUI
/// applies the same settings here, before its first Terminal.Gui call.
/// </summary>
internal static class DeferredTerminalGuiSettings
{
    /// <summary>Set (to true) only by the Native AOT publish, together with the stub.</summary>
    public const string Switch = "BkTui.DeferTerminalGuiSettings";

    private static readonly Lock Gate = new();
    private static bool _applied;

    public static bool IsDeferred => AppContext.TryGetSwitch(Switch, out var deferred) && deferred;

    /// <summary>Once; a second caller waits until the first is done (TerminalGuiWarmUp may be applying them on another thread).</summary>
    public static void ApplyIfDeferred()
    {
        if (!IsDeferred) return;
        lock (Gate)
        {
            if (_applied) return;
            _applied = true;
            // What Terminal.Gui's own initializer does, and like it, a bad config file leaves the defaults.
            try { TuiConfigurationBuilder.Shared.ApplyToStaticFacades(); }
            catch (Exception e) { Console.Error.WriteLine($"bktui: Terminal.Gui settings not applied ({e.Message}); running with the defaults"); }
        }
    }
}
