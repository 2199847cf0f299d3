using BkTui.Core.Jobs;
using BkTui.Tui.Panes;

namespace BkTui.Tui.ViewModels;

/// <summary>A job in full for the detail view: every step with its detail, what it needs, why it failed, what it found.</summary>
public static class JobDetail
{
    public static string Title(JobSnapshot j) => $"Job #{j.Id} {j.Request.Title()}";

    public static IReadOnlyList<string> Lines(JobSnapshot j)
    {
        var row = QueueRows.Row(j);
        var lines = new List<string>
        {
            // The short port name: the full path has its own line below.
            $"{j.Request.Title()} on {ListWindow.PortName(j.Port)}: {j.State.Word()} ({row.Word})",
        };
        if (j.Request.RewritesBootloader()) lines.Add(BootloaderLine(j));
        if (j.BootUnproven) lines.Add($"BOOT NOT PROVEN: the bytes are verified, but {j.Boot!.Message}");
        if (j.State.IsActive() && j.Progress is { Phase: RebootSteps.ListeningPhase } l)
            lines.Add($"Progress: listening for the boot log, {l.Done / 1000.0:0} s of {l.Total / 1000.0:0} s");
        else if (j.State.IsActive() && j.Progress is { } p)
            lines.Add($"Progress: {row.Percent} of {Humane.Bytes(p.Total)} ({p.Phase})" + (row.Speed.Length > 0 ? $", {row.Speed}" : "") + (row.Eta.Length > 0 ? $", about {row.Eta} left" : ""));
        if (j.Attention is { } att && j.State == JobState.NeedsAttention) lines.Add("ACTION NEEDED: " + att);
        if (j.Reason is { } err) lines.Add($"Error{(j.ErrorKind is { } k ? $" ({k})" : "")}: {err}");
        if (HalfWritten.CutShort(j)) lines.Add("!! " + HalfWritten.Advice(j, j.DumpId));
        lines.Add("");
        lines.Add("Steps:");
        if (j.Steps.Count == 0) lines.Add("  waiting for the port");
        foreach (var s in j.Steps) lines.Add($"  {Glyph(s.State)} {s.Name} — {StepWord(j, s.State)}" + (s.Detail is { } d ? $": {d}" : ""));
        lines.Add("");
        lines.Add("Port: " + j.Port);
        if (j.Chip is not null) lines.Add("Chip: " + j.Chip);
        if (QueueRows.Device(j) is { } device)
            lines.Add(QueueRows.ReportsPlaceholder(j) ? $"Device: {device} — a placeholder MAC, not this board's own" : "MAC: " + device);
        if (j.DumpId is { } dump) lines.Add($"Dump: #{dump} in the archive");
        if (j.Firmware is not null) lines.Add("Firmware: " + j.Firmware);
        else if (j.Request.FirmwarePath is { } chosen) lines.Add("File: " + chosen); // chosen, not (yet) written
        if (j.Boot is { } boot) lines.Add($"After reboot: {boot.Message}");
        if (j.Retries > 0) lines.Add($"Retries: {j.Retries}");
        lines.Add(j.LogPath is null ? "Log: none yet" : $"Log: {j.LogPath} (L in [Queue] shows it)");
        return lines;
    }

    /// <summary>What the consent to rewrite the bootloader came to: rewritten only once the write step ran.</summary>
    private static string BootloaderLine(JobSnapshot j)
    {
        const string consent = "consented: BOOTLOADER typed / --allow-bootloader";
        bool wrote = j.Steps.Any(s => s.Name == "write" && s.State != StepState.Pending);
        return j.State == JobState.Done ? $"Bootloader: REWRITTEN by this job ({consent})"
            : wrote ? $"Bootloader: this job's write covers it ({consent}); see the error for where it stopped"
            : j.State.IsFinished() ? $"Bootloader: not written — the job ended before its write step ({consent})"
            : $"Bootloader: this job rewrites it ({consent})";
    }

    /// <summary>A step a finished job never reached did not run; it is not waiting for anything.</summary>
    private static string StepWord(JobSnapshot j, StepState s) =>
        s == StepState.Pending && j.State.IsFinished() ? "not run" : s.ToString().ToLowerInvariant();

    /// <summary>A step's state as a glyph that reads without colour.</summary>
    public static string Glyph(StepState s) => s switch
    {
        StepState.Done => "+",
        StepState.Running => ">",
        StepState.Failed => "!",
        StepState.Skipped => "~",
        StepState.Cancelled => "x",
        _ => ".",
    };
}
