using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.State;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Panes.Queue;

/// <summary>
/// `x` on a job inside its write step: stopping there leaves the chip half written (a flash's app
/// will not boot), so it is a question that names the port, how far the write got and the dump that
/// puts the device back. A waiting job, or one still reading or identifying, stops at once.
/// </summary>
public static class StopWriteDialog
{
    public static AppState Ask(AppState app, JobSnapshot job)
    {
        var dump = DumpOf(app, job);
        var reached = job.Progress is { Total: > 0 } p
            ? $"{p.Fraction * 100:0}% of the write ({Humane.Bytes(p.Done)} of {Humane.Bytes(p.Total)})"
            : "the write has begun";
        var stakes = new Stake[]
        {
            new("Port", ListWindow.PortName(job.Port) + (job.Chip is { } chip ? $" ({chip})" : "")),
            new("Writing", $"job #{job.Id} {job.Recipe.Name()}: {reached}; it stops at the next sector boundary"),
            new("Leaves", "the chip half written: it will not boot until it is flashed again (r on the job) or "
                + HalfWritten.DumpWords(dump) + " is restored (W in [3] Archive)", StakeLevel.Danger),
        };
        var question = "Stop the write now? n lets it finish.";
        return app with { Overlay = new ConfirmOverlay(question, new QueueStop(job.Id)) { Title = "Stop a write", Stakes = [.. stakes], YesLabel = "Stop" } };
    }

    /// <summary>The dump that restores the device: the job's own, else the newest the archive holds of its MAC.</summary>
    public static long? DumpOf(AppState app, JobSnapshot job) =>
        job.DumpId ?? (job.Mac is { } mac && app.Panes.TryGetValue(ArchivePane.PaneIdValue, out var o) && o is ArchiveState a
            ? a.Dumps.Where(d => string.Equals(d.Mac, mac, StringComparison.OrdinalIgnoreCase)).MaxBy(d => d.Id)?.Id
            : null);
}

/// <summary>Stop this job at its next safe point (asked first when it is writing).</summary>
public sealed record QueueStop(long JobId) : QueueAction;
