using BkTui.Core.Jobs;

namespace BkTui.Tui.ViewModels;

/// <summary>
/// A job stopped (or failed) inside its write step leaves the chip with part of the new bytes and
/// part of the old: a flash's app half written does not boot. Every view of such a job says so and
/// what puts it right: flash again, or restore the device's dump, which stays in the archive.
/// </summary>
public static class HalfWritten
{
    /// <summary>The step every writing recipe (flash, restore, restore-rf, wifi, custom) writes the chip in.</summary>
    public const string WriteStep = "write";

    /// <summary>True while the job is inside its write step: stopping it now leaves the flash incomplete.</summary>
    public static bool WritingNow(JobSnapshot j) =>
        j.State.IsActive() && j.Steps.Any(s => s.Name == WriteStep && s.State == StepState.Running);

    /// <summary>
    /// True when the job ended inside its write step. A stop at the safe point before it is marked
    /// cancelled on that step too, but its message says "before" and nothing was written.
    /// </summary>
    public static bool CutShort(JobSnapshot j) =>
        j.State is JobState.Failed or JobState.Cancelled or JobState.Interrupted
        && j.Steps.Any(s => s.Name == WriteStep && s.State is StepState.Failed or StepState.Cancelled)
        && j.Error?.Contains($"before step '{WriteStep}'", StringComparison.Ordinal) != true;

    /// <summary>The dump that puts the device back: the one the job relied on, else the newest of its MAC the caller knows.</summary>
    public static string DumpWords(long? dump) => dump is { } d ? $"dump #{d} (it stays in the archive)" : "its dump from [3] Archive";

    /// <summary>The short form for a Queue row, before the job's error.</summary>
    public static string RowNote(JobSnapshot j) =>
        $"FLASH INCOMPLETE — flash again (r) or restore {(j.DumpId is { } d ? $"dump #{d}" : "its dump")}: {WithoutEngineNote(j.Error)}";

    /// <summary>The engine's own half-written sentence (for the CLI and the log) says what the row's lead already says.</summary>
    private static string? WithoutEngineNote(string? error) =>
        error?.IndexOf(" The write stopped part-way", StringComparison.Ordinal) is int at and >= 0 ? error[..at] : error;

    /// <summary>What the chip is left with and what to do, in full (job detail, Device tile).</summary>
    public static string Advice(JobSnapshot j, long? dump) =>
        $"Flash incomplete: job #{j.Id} {j.Recipe.Name()} on {Panes.ListWindow.PortName(j.Port)} ended inside its write step" +
        (LastGood(j) is { } a ? $" (last good address {a})" : "") +
        $". The chip holds part of the new bytes and part of the old: it will not boot until it is flashed again (r on the job in [2] Queue) or {DumpWords(dump)} is restored (W in [3] Archive).";

    /// <summary>The newest job on <paramref name="port"/> that wrote to it, when it ended inside the write.</summary>
    public static JobSnapshot? LastWriteCutShort(IEnumerable<JobSnapshot> jobs, string port) =>
        jobs.Where(j => j.Port == port && (CutShort(j) || j.Steps.Any(s => s.Name == WriteStep && s.State == StepState.Done)))
            .MaxBy(j => j.Id) is { } last && CutShort(last) ? last : null;

    private static string? LastGood(JobSnapshot j)
    {
        const string marker = "last good address ";
        var at = j.Error?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0) return null;
        var rest = j.Error![(at + marker.Length)..];
        var end = rest.IndexOfAny([')', ' ', ':']);
        return end < 0 ? rest : rest[..end];
    }
}
