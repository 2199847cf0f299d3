using BkTui.Core.Archive;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Tui;
using BkTui.Tui.Bench;
using BkTui.Tui.Commands;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes;
using BkTui.Tui.ViewModels;
using BkTui.Tui.State;

namespace BkTui.Cli;

/// <summary>Opens the TUI with a bench behind it (the real one, or the demo's): services, bell, job events, first loads.</summary>
internal static class WorkstationLaunch
{
    public static async Task<int> RunAsync(TuiOptions options, IBench bench, string archiveRoot, Action<TuiLoop>? started, CancellationToken ct)
    {
        TerminalGuiWarmUp.Wait(); // Terminal.Gui's settings, started early on another thread when the command line opens the TUI
        using var bellOut = Console.OpenStandardOutput();
        var services = new TuiServices()
            .Add(bench)
            .Add(new SessionArchive(archiveRoot))
            .Add(new TerminalBell(() => { try { bellOut.Write([7]); bellOut.Flush(); } catch (IOException) { } }));
        var code = await TuiLauncher.RunAsync(options, services, loop =>
        {
            BenchWiring.Attach(bench, a => loop.Post(a));
            if (bench is OpeningBench opening) opening.Opened.ContinueWith(_ => Loaded(loop), TaskScheduler.Default); // not before the engine is open
            else Loaded(loop);
        }, ct);
        // Quit with jobs still to finish: they stop at a safe point, and the exit code says so as the CLI's does (130), not success.
        return code == 0 && bench.Jobs().Any(j => j.State == JobState.Queued || j.State.IsActive()) ? ExitCodes.Cancelled : code;

        void Loaded(TuiLoop loop)
        {
            foreach (var a in BenchWiring.Initial(bench)) loop.Post(a);
            started?.Invoke(loop);
        }
    }

    /// <summary>
    /// The adapters, busy only when another program holds them: our own identify or boot-log monitor
    /// has the port open too, and the pane says that itself (the ports are looked at every 2 s).
    /// </summary>
    private static IReadOnlyList<PortInfo> PortsAsShown() => PortHolders.Shown(h => PortScanner.List(holders: h));

    /// <summary>
    /// <c>bktui tui</c> on a real bench: the same panes, numbers and names as the demo, over the
    /// serial adapters and the archive. Without an archive (unwritable, busy) the viewers and the
    /// ports list still work; jobs and dumps say why they cannot.
    /// </summary>
    public static async Task<int> RunRealAsync(TuiOptions options, string? archiveOption, CancellationToken ct)
    {
        var root = ArchiveLocation.Resolve(archiveOption);
        DumpArchive? archive = null;
        // The archive opens while Terminal.Gui starts and the first frame is drawn; the bench panes
        // fill in when it is open (docs/performance.md, "First frame").
        var bench = new OpeningBench(() => new EngineBench(archive = DumpArchive.Open(root), PortsAsShown), PortsAsShown);
        try
        {
            return await RunAsync(options with { Panes = PaneCatalog.Workstation() }, bench, root, loop =>
            {
                if (bench.Opened.Exception?.InnerException is { } e)
                    loop.Post(new ShowFlash($"no archive, so no jobs or dumps: {e.Message}", FlashLevel.Warning));
                else loop.Log($"archive {root}; {Humane.Count(bench.Jobs().Count, "job")} known (open {SinceStart():F0} ms after process start)");
            }, ct);
        }
        finally
        {
            bench.Dispose(); // stops the queue at a safe point, before its archive closes
            archive?.Dispose();
        }
    }

    private static double SinceStart() => (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds;
}
