using Humanizer;
using BkTui.Core.Archive;
using BkTui.Core.Serial;
using BkTui.Tui;
using BkTui.Tui.Bench;
using BkTui.Tui.Commands;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes;
using BkTui.Tui.State;

namespace BkTui.Cli;

/// <summary>Opens the TUI with a bench behind it (the real one, or the demo's): services, bell, job events, first loads.</summary>
internal static class WorkstationLaunch
{
    public static async Task<int> RunAsync(TuiOptions options, IBench bench, string archiveRoot, Action<TuiLoop>? started, CancellationToken ct)
    {
        DeferredTerminalGuiSettings.ApplyIfDeferred();
        using var bellOut = Console.OpenStandardOutput();
        var services = new TuiServices()
            .Add(bench)
            .Add(new SessionArchive(archiveRoot))
            .Add(new TerminalBell(() => { try { bellOut.Write([7]); bellOut.Flush(); } catch (IOException) { } }));
        return await TuiLauncher.RunAsync(options, services, loop =>
        {
            BenchWiring.Attach(bench, a => loop.Post(a));
            foreach (var a in BenchWiring.Initial(bench)) loop.Post(a);
            started?.Invoke(loop);
        }, ct);
    }

    /// <summary>
    /// <c>bktui tui</c> on a real bench: the same panes, numbers and names as the demo, over the
    /// serial adapters and the archive. Without an archive (unwritable, busy) the viewers still open.
    /// </summary>
    public static async Task<int> RunRealAsync(TuiOptions options, string? archiveOption, CancellationToken ct)
    {
        DeferredTerminalGuiSettings.ApplyIfDeferred();
        DumpArchive archive;
        try { archive = DumpArchive.Open(ArchiveLocation.Resolve(archiveOption)); }
        catch (ArchiveException e)
        {
            return await TuiLauncher.RunAsync(options, null, loop => loop.Post(new ShowFlash($"no archive, so no bench panes: {e.Message}", FlashLevel.Warning)), ct);
        }
        using (archive)
        using (var bench = new EngineBench(archive, () => PortScanner.List()))
        {
            return await RunAsync(options with { Panes = PaneCatalog.Workstation() }, bench, archive.Root,
                loop => loop.Log($"archive {archive.Root}; {"job".ToQuantity(bench.Jobs().Count)} known"), ct);
        }
    }
}
