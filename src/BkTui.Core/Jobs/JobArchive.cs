using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Identity;
using BkTui.Core.Serial;

namespace BkTui.Core.Jobs;

/// <summary>A dump held by the archive, with its bytes.</summary>
public sealed record ArchivedDump(long Id, string? Mac, byte[] Bytes);

/// <summary>
/// What the queue asks of <see cref="DumpArchive"/>, in the queue's terms: dumps by MAC with their
/// bytes, device facts and remembered baud per adapter, and the persistent job rows and logs.
/// </summary>
internal sealed class JobArchive(DumpArchive archive)
{
    public DumpArchive Archive => archive;

    /// <summary>The newest whole-flash dump of the device with this identity key (same size as the chip's flash), or null.</summary>
    public ArchivedDump? LatestFullDump(DeviceKey key, uint flashSize)
    {
        var d = archive.ListDumps(key.Key, 20).FirstOrDefault(s => s.Size == flashSize);
        return d is null ? null : new ArchivedDump(d.Id, d.Mac, archive.ReadDumpBytes(d.Id));
    }

    /// <summary>
    /// The newest whole-flash dump of the device that was read from a chip (every sector proven by the
    /// chip's CRC), or null: the factory-dump-first guard's backup. An imported file does not count, whatever
    /// its grade: it may hold only the RF sector, or another era's firmware (nothing proves it is this chip's flash).
    /// </summary>
    public ArchivedDump? LatestChipReadDump(DeviceKey key, uint flashSize)
    {
        var d = archive.ListDumps(key.Key, 50).FirstOrDefault(s => s.Size == flashSize && s.Source.Kind == DumpSourceKind.Port);
        return d is null ? null : new ArchivedDump(d.Id, d.Mac, archive.ReadDumpBytes(d.Id));
    }

    /// <summary>The ids of the device's dumps, newest first.</summary>
    public IReadOnlyList<long> DumpIdsOf(DeviceKey key, int limit) => archive.ListDumps(key.Key, limit).Select(d => d.Id).ToList();

    /// <summary>The archived device a MAC or key names (null: none).</summary>
    public DeviceRecord? DeviceNamed(string key) => archive.GetDevice(key);

    public DeviceRecord? DeviceOfDump(long dumpId) => archive.DeviceOfDump(dumpId);

    /// <summary>Records new evidence for the device that holds <paramref name="dumpId"/>, with the linked chip's facts.</summary>
    public DeviceRecord Identify(long dumpId, DeviceKey key, ChipInfo chip, string port, int? askedBaud)
    {
        var device = archive.IdentifyDump(dumpId, key);
        return key.Mac is { } mac ? archive.RecordDevice(Observation(chip, port, askedBaud) with { Mac = mac }) ?? device : device;
    }

    public ArchivedDump? GetDump(long id) =>
        archive.GetDump(id) is { } d ? new ArchivedDump(id, d.Dump.Mac, archive.ReadDumpBytes(id)) : null;

    /// <summary>Archives a dump read (and verified) from the chip on <paramref name="port"/>.</summary>
    public ImportResult ImportDump(byte[] image, ChipInfo chip, string port, long jobId, string label, int? askedBaud) =>
        archive.Import(image, DumpSource.FromPort(port), new ImportOptions { JobId = jobId, Label = label, Device = Observation(chip, port, askedBaud) });

    /// <summary>Remembers the chip (by its MAC when real) and the baud that worked on this adapter.</summary>
    /// <param name="asked">The request's baud (null: the ladder chose): kept only as <see cref="BaudMemory"/> says.</param>
    public void RecordLink(ChipInfo chip, string port, int? asked)
    {
        if (BaudMemory.Keeps(asked, chip.Baud, asked is null ? null : archive.LastWorkingBaud(AdapterKey.For(port)))) RememberBaud(chip, port);
        if (MacText.Normalize(chip.Mac) is not null) archive.RecordDevice(Observation(chip, port, asked));
    }

    /// <summary>The rate proven on this adapter (<see cref="AdapterKey"/>); called again when a job ends, so a step-down demotes it.</summary>
    public void RememberBaud(ChipInfo chip, string port)
    {
        if (chip.Baud > 0) archive.RememberBaud(AdapterKey.For(port), chip.Baud, chip.Mac);
    }

    public int? RememberedBaud(string port) => archive.LastWorkingBaud(AdapterKey.For(port));

    private static DeviceObservation Observation(ChipInfo c, string port, int? askedBaud = null) => Preflight.ChipObservations.Of(c, AdapterKey.For(port), askedBaud);

    // ---- jobs

    public long Create(JobRequest request) => archive.Jobs.Create(request.Port, request.Recipe.Name(), request.ToJson()).Id;

    public void Save(JobSnapshot s) => archive.Jobs.Update(s.Id, new ArchivedJobUpdate
    {
        State = (ArchivedJobState)(int)s.State, Step = s.Step, Done = s.Progress?.Done, Total = s.Progress?.Total,
        Error = s.Error, Mac = s.Mac, DumpId = s.DumpId, Firmware = s.Firmware, LogPath = s.LogPath,
    });

    public void AppendLog(long id, string line, bool warning) =>
        archive.Jobs.AppendLog(id, warning ? ArchivedJobLogLevel.Warning : ArchivedJobLogLevel.Info, line);

    /// <summary>
    /// Start-up: jobs a dead process left running become interrupted (with their step and bytes done);
    /// returns the history (newest <paramref name="historyLimit"/>) and every queued job.
    /// </summary>
    public IReadOnlyList<JobSnapshot> Reload(int historyLimit)
    {
        archive.Jobs.MarkRunningAsInterrupted();
        var rows = archive.Jobs.ListRecent(historyLimit).Where(j => j.IsFinished)
            .Concat(archive.Jobs.ListByState(ArchivedJobState.Queued));
        var list = new List<JobSnapshot>();
        foreach (var r in rows.DistinctBy(r => r.Id))
        {
            JobRequest request;
            try { request = JobRequest.FromJson(r.OptionsJson); }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException) { continue; } // a row from a newer version stays in the archive untouched
            list.Add(FromRow(r, request));
        }
        return list.OrderBy(s => s.Id).ToList();
    }

    private static JobSnapshot FromRow(ArchivedJob r, JobRequest request)
    {
        var state = (JobState)(int)r.State;
        var error = state == JobState.Interrupted && r.Error is null
            ? $"{r.Port}: interrupted during '{r.Step}' ({r.Done}/{r.Total} bytes) when bktui stopped; retry the job to finish it"
            : r.Error;
        return new JobSnapshot
        {
            Id = r.Id, Request = request, State = state, Mac = r.Mac, DumpId = r.DumpId, Firmware = r.Firmware, Error = error,
            LogPath = r.LogPath, Created = r.CreatedAt, Updated = r.UpdatedAt,
            Steps = string.IsNullOrEmpty(r.Step) ? [] : [new StepReport(r.Step, state == JobState.Done ? StepState.Done : StepState.Cancelled)],
            Progress = r.Total > 0 ? new JobProgress(r.Step, r.Done, r.Total, 0) : null,
        };
    }
}
