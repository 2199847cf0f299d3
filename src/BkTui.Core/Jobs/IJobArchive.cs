using BkTui.Core.Flashing;

namespace BkTui.Core.Jobs;

/// <summary>A dump held by the archive.</summary>
public sealed record ArchivedDump(long Id, string? Mac, byte[] Bytes, bool Verified = true);

/// <summary>A job row as persisted (the archive's jobs table).</summary>
public sealed record JobRecord
{
    public long Id { get; init; }
    public required string Port { get; init; }
    public required string Recipe { get; init; }
    /// <summary><see cref="JobRequest.ToJson"/>.</summary>
    public required string RequestJson { get; init; }
    public required string State { get; init; }
    public string? Step { get; init; }
    public long Done { get; init; }
    public long Total { get; init; }
    public string? Mac { get; init; }
    public long? DumpId { get; init; }
    public string? Error { get; init; }
    public string? LogPath { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; init; }
}

/// <summary>
/// What the queue needs from the archive: dumps by MAC, remembered baud per adapter, and the
/// persistent job list with logs. Implemented over DumpArchive by <see cref="ArchiveJobStore"/>.
/// Thread-safe: every port worker calls it.
/// </summary>
public interface IJobArchive
{
    /// <summary>The newest verified full-flash dump of this MAC, or null.</summary>
    ArchivedDump? LatestFullDump(string mac);
    ArchivedDump? GetDump(long id);
    /// <summary>Imports a verified dump (idempotent by content) and returns its id.</summary>
    long ImportDump(byte[] image, string? mac, string source);
    /// <summary>Device facts: chip, key and verdict as identified now.</summary>
    void RecordDevice(string mac, ChipInfo facts, string port);
    /// <summary>Remembers which firmware build was written to this MAC.</summary>
    void RecordFirmware(string mac, string name, string sha256);
    int? RememberedBaud(string adapter);
    void RememberBaud(string adapter, int baud);

    long CreateJob(JobRecord job);
    void UpdateJob(JobRecord job);
    void AppendJobLog(long jobId, string line);
    IReadOnlyList<JobRecord> ListJobs();
    /// <summary>Marks jobs left running by a dead process as interrupted; returns how many.</summary>
    int MarkRunningAsInterrupted();
}
