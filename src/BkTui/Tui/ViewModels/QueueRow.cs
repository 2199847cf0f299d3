using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;

namespace BkTui.Tui.ViewModels;

/// <summary>One line of the Queue pane, already worded. <see cref="Word"/> carries the meaning without colour.</summary>
public sealed record QueueRow(
    long JobId, string Port, string Recipe, JobState State, string Word, string Step,
    double Fraction, string Percent, string Speed, string Eta, int Retries, string? Note, bool Unproven = false)
{
    /// <summary>The bar for this row at <paramref name="width"/> cells.</summary>
    public string Bar(int width, bool unicode = true) => ProgressBar.Draw(Fraction, width, unicode);

    public bool IsFinished => State.IsFinished();
}

/// <summary>Job snapshots → Queue rows: grouped by port (ports in name order), newest job last within a port.</summary>
public static class QueueRows
{
    public static IReadOnlyList<QueueRow> From(IEnumerable<JobSnapshot> jobs) =>
        jobs.OrderBy(j => j.Port, StringComparer.Ordinal).ThenBy(j => j.Id).Select(Row).ToList();

    public static QueueRow Row(JobSnapshot j)
    {
        var p = j.Progress;
        double fraction = j.State == JobState.Done ? 1 : p?.Fraction ?? 0;
        bool moving = j.State.IsActive() && p is not null;
        // The boot-log window counts milliseconds, not bytes: the time left is known, not estimated.
        bool listening = p?.Phase == RebootSteps.ListeningPhase;
        return new QueueRow(
            j.Id, j.Port, j.Request.Title(), j.State, j.BootUnproven ? UnprovenWord : StateWord(j.State),
            StepText(j), fraction,
            j.State == JobState.Queued ? "" : $"{fraction * 100:0}%",
            moving ? listening ? "listening" : Humane.Speed(p!.ShownSpeed) : "",
            moving ? Humane.Duration(listening ? TimeSpan.FromMilliseconds(p!.Total - p.Done) : p!.Eta) : "",
            j.Retries,
            Note(j), j.BootUnproven);
    }

    /// <summary>Done, the bytes verified, but the firmware was not heard starting: never a plain OK.</summary>
    public const string UnprovenWord = "OK?";

    /// <summary>Short upper-case state words (mono terminals rely on them): WAIT RUN ACT! OK FAIL STOP INT.</summary>
    public static string StateWord(JobState s) => s switch
    {
        JobState.Queued => "WAIT",
        JobState.Running => "RUN",
        JobState.NeedsAttention => "ACT!",
        JobState.Done => "OK",
        JobState.Failed => "FAIL",
        JobState.Cancelled => "STOP",
        JobState.Interrupted => "INT",
        _ => "?",
    };

    private static string StepText(JobSnapshot j)
    {
        if (j.BootUnproven) return ""; // the note says it all, and must fit 80 columns
        var step = j.Step ?? (j.State == JobState.Queued ? "queued" : "");
        if (j.State.IsActive() && j.Progress is { } p && p.Phase.Length > 0 && !step.Contains(p.Phase, StringComparison.OrdinalIgnoreCase))
            step += $" ({p.Phase})";
        return step;
    }

    /// <summary>What the user should read next to the row: the attention request, the error, or the archived dump.</summary>
    private static string? Note(JobSnapshot j) => j.State switch
    {
        JobState.NeedsAttention => j.Attention,
        // The row names the port already: the reason comes first, so it is read at 80 columns.
        JobState.Failed or JobState.Cancelled or JobState.Interrupted => HalfWritten.CutShort(j) ? HalfWritten.RowNote(j) : j.Reason,
        JobState.Done when j.BootUnproven => $"boot unproven: {j.Boot!.Brief}",
        JobState.Done when j.DumpId is { } id => $"dump #{id}" + (Device(j) is { } device ? $" of {device}" : ""),
        _ => null,
    };

    /// <summary>
    /// The job's device as the archive names it: its MAC in upper case, or for a placeholder MAC (which
    /// names no device) "unidentified (reported …)". Null when the chip reported no MAC.
    /// </summary>
    public static string? Device(JobSnapshot j) => j.Mac is not { } mac ? null
        : ReportsPlaceholder(j) ? DeviceNames.Unidentified(mac) : MacText.Normalize(mac) ?? mac;

    public static bool ReportsPlaceholder(JobSnapshot j) => j.Mac is { } mac && ChipAdvice.IsPlaceholder(mac);

    /// <summary>"MAC 38:1F:8D:5A:10:02", or "unidentified (reported C8:47:8C:00:00:00)" for a placeholder.</summary>
    public static string? DeviceFact(JobSnapshot j) => Device(j) is not { } device ? null : ReportsPlaceholder(j) ? device : "MAC " + device;
}
