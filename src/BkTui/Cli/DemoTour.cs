using System.Diagnostics;
using BkTui.Core.Formats;
using BkTui.Core.Jobs;
using BkTui.Tui.ViewModels;

namespace BkTui.Cli;

/// <summary>
/// The demo without a terminal (CI, pipes): identify each virtual chip, back one up into the
/// archive, analyse the dump, print what was found. Every wait is bounded.
/// </summary>
internal static class DemoTour
{
    private static readonly TimeSpan BackupLimit = TimeSpan.FromMinutes(3);

    public static int Run(DemoBench demo, TextWriter o)
    {
        o.WriteLine($"bktui demo: {DemoBench.Chips.Count} virtual chips on ptys; archive in {demo.ArchiveRoot}");
        o.WriteLine("(stdout is not a terminal, so this is the scripted tour; run it in a terminal for the TUI)");
        int failures = 0;
        foreach (var (chip, port) in DemoBench.Chips.Zip(demo.Ports))
        {
            o.WriteLine();
            o.WriteLine($"== {chip.Name}: {chip.Story}");
            try
            {
                var info = demo.Bench.Identify(port.Path, CancellationToken.None);
                var view = DeviceViews.From(port.Path, info);
                foreach (var (name, value) in view.Facts) o.WriteLine($"   {name,-11} {value}");
                foreach (var v in view.Verdict) o.WriteLine($"   {(v.Level == VerdictLevel.Ok ? "OK  " : v.Level == VerdictLevel.Warning ? "NOTE" : "!!  ")} {v.Text}");
            }
            catch (Exception e) when (e is IOException or Core.Flashing.FlashException or OperationCanceledException)
            {
                failures++;
                o.WriteLine($"   identify failed: {e.Message}");
            }
        }

        var target = demo.Ports[0].Path;
        o.WriteLine();
        o.WriteLine($"== backup of {DemoBench.Chips[0].Name} (queue recipe 'backup', {DemoBench.DemoBaud} baud, wire model on)");
        var clock = Stopwatch.StartNew();
        var job = demo.Bench.Enqueue(new JobRequest { Port = target, Recipe = Recipe.Backup });
        var finished = demo.Bench.Queue.WhenFinished(job.Id);
        if (!finished.Wait(BackupLimit))
        {
            demo.Bench.Cancel(job.Id);
            o.WriteLine($"   job #{job.Id} did not finish within {BackupLimit.TotalMinutes:0} minutes; cancelled");
            return ExitCodes.Failed;
        }
        var result = finished.Result;
        foreach (var s in result.Steps) o.WriteLine($"   {s.State.ToString().ToLowerInvariant(),-9} {s.Name}{(s.Detail is null ? "" : " — " + s.Detail)}");
        o.WriteLine($"   job #{result.Id} {result.State.Word()} in {clock.Elapsed.TotalSeconds:0.0} s" + (result.Error is { } err ? $": {err}" : ""));
        if (result.State != JobState.Done || result.DumpId is not { } dumpId) return ExitCodes.Failed;

        o.WriteLine();
        o.WriteLine($"== analysis of dump #{dumpId}");
        var bytes = demo.Archive.ReadDumpBytes(dumpId);
        var report = DumpAnalyzer.Analyze(bytes);
        o.WriteLine($"   {bytes.Length} bytes, chip {report.Chip.Family}, bootloader {report.Bootloader.Name ?? "unknown"} {report.Bootloader.Version}, key {report.Encryption.Key}, MAC {report.Mac ?? "none"}, grade {report.Quality.Grade}");
        var map = PartitionMapView.From(report);
        o.WriteLine($"   [{map.Bar(64, unicode: false)}]");
        foreach (var r in map.Rows) o.WriteLine($"   {r.Letter} {r.Name,-16} {r.StartText} {r.SizeText,-9} {r.Evidence}");
        foreach (var a in report.Advice) o.WriteLine($"   advice: {a}");
        o.WriteLine();
        o.WriteLine(failures == 0 ? "demo tour complete" : $"demo tour complete with {failures} failure(s)");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
