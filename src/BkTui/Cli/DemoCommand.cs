using System.CommandLine;
using Humanizer;
using BkTui.Tui;
using BkTui.Tui.Panes;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Cli;

/// <summary>
/// <c>bktui demo [--archive DIR]</c>: the workstation over three virtual chips on ptys. On a terminal
/// it opens the TUI; otherwise (CI, a pipe) it runs the scripted tour and exits.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var archive = new Option<string?>("--archive") { Description = "Keep the demo's archive in DIR (default: a temporary one, deleted on exit)." };
        var cmd = new Command("demo", "Try BkTui without hardware: three virtual chips (BK7231N plug, BK7231M/BL2028N zero-key, BK7231T bulb) on ptys.");
        foreach (var o in new Option[] { archive, TuiCommand.Color, TuiCommand.Ascii, TuiCommand.ReadOnly }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            DemoBench demo;
            try { demo = DemoBench.Start(pr.GetValue(archive)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Archive.ArchiveException)
            {
                Console.Error.WriteLine($"bktui demo: could not start the virtual bench: {e.Message}");
                return ExitCodes.Failed;
            }
            using (demo)
            {
                if (!TuiLauncher.CanRun || Environment.GetEnvironmentVariable("TERM") is "dumb") return DemoTour.Run(demo, Console.Out);
                var code = await RunTui(demo, TuiCommand.Options(pr), ct);
                // What the session archived goes with the scratch folder: say so once, on the shell's screen.
                if (demo.ArchiveIsTemporary) Console.Error.WriteLine($"bktui demo: its temporary archive{DumpCount(demo)} is deleted now; `bktui demo --archive DIR` keeps one.");
                return code;
            }
        });
        return cmd;
    }

    private static string DumpCount(DemoBench demo)
    {
        try { return $" ({"dump".ToQuantity(demo.Archive.ListDumps().Count)})"; }
        catch (Core.Archive.ArchiveException) { return ""; }
    }

    private static Task<int> RunTui(DemoBench demo, TuiOptions options, CancellationToken ct) =>
        WorkstationLaunch.RunAsync(options with { Panes = PaneCatalog.Workstation(), NoResumeBecause = demo.NoResumeBecause }, demo.Bench, demo.ArchiveRoot, loop =>
        {
            loop.Log($"demo: {DemoBench.Chips.Count} virtual chips; archive {demo.ArchiveRoot}");
            foreach (var p in demo.Ports) loop.Log($"demo: {p.Path} — {p.Product}");
            foreach (var f in demo.Firmware) loop.Log($"demo: firmware {f}");
            // ↑ gives the newest entry first: the first port's build.
            loop.Post(new SeedPromptHistory(QueuePane.FirmwarePurpose, demo.Firmware.Reverse().ToList()));
            loop.Post(new ShowFlash(options.ReadOnly
                ? "Demo bench ready, read-only: b backs up the selected port, 3 shows the archive; ? every key"
                : "Demo bench ready: b backs up the selected port, f flashes it (↑ offers demo builds); ? every key"));
        }, ct);
}
