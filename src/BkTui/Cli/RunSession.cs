using BkTui.Core.Compatibility;
using BkTui.Core.Monitor;
using System.Runtime.InteropServices;
using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Jobs;

namespace BkTui.Cli;

/// <summary>
/// The shell around a JobQueue for one <c>bktui run</c>: opens the archive, queues one job per port,
/// prints step lines (and rings the bell when a device needs the user) on stderr, the results on
/// stdout. SIGINT/SIGTERM cancel at a safe point; SIGHUP (SSH dropped) stops at a safe point and
/// marks the jobs interrupted — a job is never left half-written.
/// </summary>
internal static class RunSession
{
    public static int Run(IReadOnlyList<JobRequest> requests, string? archiveOption, bool json)
    {
        DumpArchive archive;
        try { archive = DumpArchive.Open(ArchiveLocation.Resolve(archiveOption)); }
        catch (ArchiveException e) { Say(e.Message); CliFailure.Remember(ExitCodes.ArchiveError, e.Message); return ExitCodes.ArchiveError; }

        using (archive)
        using (var queue = new JobQueue(new SerialJobConnector(), archive, new JobQueueOptions()))
        {
            var hangup = 0;
            queue.Changed += e => Report(e, json);
            var jobs = requests.Select(queue.Enqueue).ToList();
            void CancelAll()
            {
                foreach (var j in jobs) queue.Cancel(j.Id);
            }
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; Say("stopping at the next safe point…"); CancelAll(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; CancelAll(); });
            using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
            {
                // The terminal is gone: finish the sector in flight, persist, and leave.
                c.Cancel = true;
                if (Interlocked.Exchange(ref hangup, 1) == 0)
                    queue.StopAtSafePoint("SSH session dropped (SIGHUP)");
            });

            var results = jobs.Select(j => queue.WhenFinished(j.Id).GetAwaiter().GetResult()).ToList();
            var code = ExitCode(results);
            Print(results, json, code);
            return code;
        }
    }

    /// <summary>0 only when every job is done; the most specific failure otherwise.</summary>
    internal static int ExitCode(IReadOnlyList<JobSnapshot> results)
    {
        if (results.All(r => r.State == JobState.Done)) return ExitCodes.Ok;
        var failed = results.Where(r => r.State == JobState.Failed).ToList();
        if (failed.Count == 0) return ExitCodes.Cancelled;
        var kinds = failed.Select(f => f.ErrorKind ?? JobErrorKind.Failed).Distinct().ToList();
        return kinds.Count != 1 ? ExitCodes.Failed : kinds[0] switch
        {
            JobErrorKind.Refused => ExitCodes.Refused,
            JobErrorKind.NoLink => ExitCodes.NoLink,
            JobErrorKind.VerifyFailed => ExitCodes.VerifyFailed,
            JobErrorKind.DeviceGone => ExitCodes.DeviceGone,
            JobErrorKind.PortUnavailable => ExitCodes.PortUnavailable,
            JobErrorKind.BadInput => ExitCodes.BadInput,
            JobErrorKind.Archive => ExitCodes.ArchiveError,
            _ => ExitCodes.Failed,
        };
    }

    private static void Report(JobEvent e, bool json)
    {
        var port = e.Job.Port;
        switch (e.Kind)
        {
            case JobEventKind.Step when e.Job.Steps.LastOrDefault(s => s.State != StepState.Pending) is { } s && s.State != StepState.Running:
                Say($"{port}: {s.Name} {s.State.ToString().ToLowerInvariant()}{(s.Detail is null ? "" : $" — {s.Detail}")}");
                break;
            case JobEventKind.Attention:
                Say($"\a{port}: {e.Message}");
                break;
            case JobEventKind.Log when e.Message?.StartsWith(ChipSession.OutsideLogPrefix, StringComparison.Ordinal) == true:
                Say(e.Message); // a place outside the write was hit and put back: the user sees it, not only the log
                break;
            case JobEventKind.State when e.Job.BootUnproven:
                // Exit 0 (written and verified) but never a silent "done": the firmware was not heard starting.
                Say($"{port}: done, but the boot is NOT proven — {e.Job.Boot!.Message}");
                break;
            case JobEventKind.State when e.Job.State is JobState.Failed or JobState.Cancelled or JobState.Interrupted && e.Job.Error is { } err:
                Say($"{port}: {e.Job.State.Word()} — {err}");
                break;
        }
    }

    private static void Print(IReadOnlyList<JobSnapshot> results, bool json, int code)
    {
        try
        {
            if (json)
            {
                var jobs = results.Select(r => new JobJson(r.Port, r.Recipe.Name(), r.State.Word(), r.Mac, r.MacBefore, r.DumpId, r.Error,
                    r.ErrorKind?.ToString().ToLowerInvariant(), r.Boot, r.Compatibility?.ToJson(),
                    r.Steps.Select(s => new StepJson(s.Name, s.State.ToString().ToLowerInvariant(), s.Detail)).ToList(), r.LogPath)).ToList();
                // Success: the jobs, as always; a failure: the error object every --json verb prints, the jobs beside it.
                if (code == ExitCodes.Ok) CliJson.Write(jobs);
                else CliJson.Write(new RunFailureJson(false, Failure(results, code), jobs));
                return;
            }
            foreach (var r in results)
                Console.Out.WriteLine($"{r.Port}\t{r.Recipe.Name()}\t{r.State.Word()}\tmac {r.Mac ?? "-"}{(r.MacBefore is null ? "" : $" (was {r.MacBefore})")}\tdump {r.DumpId?.ToString() ?? "-"}{(r.Error is null ? "" : $"\t{r.Error}")}{(r.BootUnproven ? $"\tboot unproven: {r.Boot!.Brief}" : "")}");
        }
        catch (IOException) { } // stdout went away with the session; the archive and the log files have everything
    }

    private static void Say(string line)
    {
        try { Console.Error.WriteLine(line); } catch (IOException) { }
    }

    /// <summary>The error object of a run: the one job's error, or how many failed and each one's.</summary>
    private static ErrorJson Failure(IReadOnlyList<JobSnapshot> results, int code)
    {
        var failed = results.Where(r => r.State != JobState.Done).ToList();
        var message = failed is [var one]
            ? one.Error ?? $"{one.State.Word()}"
            : $"{failed.Count} of {results.Count} jobs did not finish: " + string.Join("; ", failed.Select(f => $"{f.Port}: {f.Error ?? f.State.Word()}"));
        var ports = failed.Select(f => f.Port).Distinct().ToList();
        return CliFailure.Error(code, message, ports is [var port] ? port : null);
    }

    internal sealed record RunFailureJson(bool Ok, ErrorJson Error, IReadOnlyList<JobJson> Jobs);

    internal sealed record JobJson(string Port, string Recipe, string State, string? Mac, string? MacBefore, long? DumpId, string? Error, string? ErrorKind,
        BootProof? Boot, CompatibilityJson? Compatibility, IReadOnlyList<StepJson> Steps, string? Log);

    internal sealed record StepJson(string Name, string State, string? Detail);
}
