using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using BkTui.Core.Flashing;
using BkTui.Core.Identity;
using BkTui.Core.Archive;

namespace BkTui.Core.Jobs;

/// <summary>What a recipe step sees: the request, the linked chip, the archive, the log, safe points.</summary>
public sealed class JobContext
{
    /// <summary>Writes go to the chip in chunks of this size; a stop request is honoured only between chunks.</summary>
    public const int WriteChunk = 0x10000;

    private readonly JobRunner _runner;

    private readonly JobArchive? _archive;

    internal JobContext(JobRunner runner, long jobId, JobRequest request, JobArchive? archive)
    {
        _runner = runner;
        JobId = jobId;
        Request = request;
        _archive = archive;
    }

    public long JobId { get; }

    public JobRequest Request { get; }

    /// <summary>The linked chip (connected by the runner before the first step).</summary>
    public IJobDevice Device => _runner.Device ?? throw new InvalidOperationException("No chip linked.");
    public ChipInfo Info => Device.Info;
    public ChipProfile Profile => Info.Profile;

    /// <summary>Fires when the user cancels or the session hangs up; pass it only to operations safe to abort anywhere (reads).</summary>
    public CancellationToken StopToken => _runner.StopToken;

    /// <summary>Values a recipe computes once and reuses across its steps (and across a retry).</summary>
    public Dictionary<string, object> Items { get; } = new();

    /// <summary>The image read by the last read step (backup, factory dump).</summary>
    public byte[]? Image { get; set; }
    public long? DumpId { get => _runner.DumpId; set => _runner.DumpId = value; }
    public string? Mac => Info.Mac;

    private readonly List<DeviceKey> _keys = [];

    /// <summary>
    /// What identifies the linked chip, strongest first: its RF MAC when real, then what the dumps read
    /// in this job revealed (docs/identity.md). Empty: unidentified, so no archived dump counts as its own.
    /// </summary>
    public IReadOnlyList<DeviceKey> DeviceKeys
    {
        get
        {
            if (DeviceKey.FromMac(Mac, IdentityEvidence.RfMac) is { } chip && !_keys.Contains(chip)) _keys.Insert(0, chip);
            return _keys;
        }
    }

    /// <summary>How the log names the device: its first key, else as the archive names an unidentified one (with the placeholder it reported).</summary>
    public string DeviceName => DeviceKeys.FirstOrDefault()?.Shown ?? DeviceNames.Unidentified(Mac);

    /// <summary>The firmware build written (name and hash), recorded with the job.</summary>
    public string? Firmware { get => _runner.Firmware; set => _runner.Firmware = value; }

    /// <summary>The compatibility gate's verdict on the image this job writes, recorded with the job.</summary>
    public BkTui.Core.Compatibility.CompatibilityVerdict? Compatibility { get => _runner.Compatibility; set => _runner.Compatibility = value; }

    /// <summary>What the reboot step heard (null before it ran); later steps read the MAC the firmware reports.</summary>
    public Monitor.BootProof? BootProof { get => _runner.BootProof; set => _runner.BootProof = value; }

    /// <summary>Closes the link (after a reboot the session is spent); a later step would relink.</summary>
    public void Disconnect() => _runner.Disconnect();

    private JobArchive RequireArchive() =>
        _archive ?? throw new JobInputException("This recipe needs the archive (pass --archive DIR or run from the checkout).");

    /// <summary>The newest whole-flash dump read from this chip, or null (unidentified, no archive, none yet, only imported files).</summary>
    public ArchivedDump? LatestChipReadDump() => DeviceKeys.FirstOrDefault() is { } key ? _archive?.LatestChipReadDump(key, Info.FlashSize) : null;

    /// <summary>The newest whole-flash dump of this chip, read or imported (a base the chip's CRCs check sector by sector).</summary>
    public ArchivedDump? LatestFullDump() => DeviceKeys.FirstOrDefault() is { } key ? _archive?.LatestFullDump(key, Info.FlashSize) : null;

    /// <summary>This chip's archived dumps, newest first (with the dump this job took), bytes read on demand.</summary>
    public IEnumerable<ArchivedDump> ArchivedHistory(int limit = 50)
    {
        var ids = DeviceKeys.FirstOrDefault() is { } key && _archive is not null ? _archive.DumpIdsOf(key, limit).ToList() : [];
        if (DumpId is { } taken && !ids.Contains(taken)) ids.Insert(0, taken);
        foreach (var id in ids) if (_archive?.GetDump(id) is { } d) yield return d;
    }

    /// <summary>The archived device this chip's keys name (its MAC, else what its dumps in this job revealed), or null.</summary>
    public DeviceRecord? ArchivedDevice() => DeviceKeys.FirstOrDefault() is { } k ? _archive?.DeviceNamed(k.Key) : null;

    /// <summary>The archived device that holds dump <paramref name="id"/> (null: the unidentified bucket, or no archive).</summary>
    public DeviceRecord? DeviceOfDump(long id) => _archive?.DeviceOfDump(id);

    /// <summary>The archived device other than this chip that <paramref name="key"/> names, or null.</summary>
    public DeviceRecord? OtherDeviceWith(DeviceKey key)
    {
        if (_archive?.DeviceNamed(key.Key) is not { } owner) return null;
        var mine = DeviceKeys.FirstOrDefault() is { } k ? _archive.DeviceNamed(k.Key) : DumpId is { } d ? _archive.DeviceOfDump(d) : null;
        return mine?.Id == owner.Id ? null : owner;
    }

    /// <summary>A step is about to give the chip this MAC (Restore RF): a relink that finds it is still the same chip.</summary>
    public void ExpectMac(string mac) => _runner.ExpectMac(mac);

    /// <summary>The chip was proven to hold <paramref name="mac"/> now (read back): the job reports it, and the MAC before.</summary>
    public void MacChanged(string mac) { if (mac != Mac) _runner.MacChanged(Mac, mac); }

    /// <summary>Records new evidence (e.g. the MAC Restore RF wrote) for this chip's device, via the dump this job holds.</summary>
    public void RecordEvidence(DeviceKey key)
    {
        if (DumpId is { } dump && _archive is not null)
            Log($"archive: {key} recorded for {_archive.Identify(dump, key, Info, Request.Port, Request.Baud).Name}");
        if (!_keys.Any(k => k.Key == key.Key)) _keys.Add(key);
    }

    /// <summary>
    /// The original firmware printed a real MAC in its boot log (<see cref="Monitor.OriginalFirmware"/>):
    /// recorded as this device's boot-log-mac key, through the dump this job holds of it. A key the device
    /// already has only confirms it; a key another archived device owns is never moved (logged instead).
    /// </summary>
    /// <returns>A short note for the step's detail, or null when nothing new was learned.</returns>
    public string? RecordBootLogMac(DeviceKey key, string firmware)
    {
        if (DeviceKeys.Any(k => k.Key == key.Key)) { Log($"boot log: {firmware} reports MAC {key.Mac}, which this device already has"); return null; }
        if (_archive is null || DumpId is null)
        {
            Log($"boot log: {firmware} reports MAC {key.Mac}; not recorded (no archived dump of this device in this job)");
            return null;
        }
        if (OtherDeviceWith(key) is { } other)
        {
            Log($"boot log: {firmware} reports MAC {key.Mac}, which archived device {other.Id} already owns; not recorded for {DeviceName} " +
                "(a key never moves between devices: check `bktui dumps devices`, and `bktui dumps attach` if they are one board)");
            return $"MAC {key.Mac} belongs to archived device {other.Id}: not recorded";
        }
        Log($"boot log: {firmware} (the original firmware) reports MAC {key.Mac}: recording it as {DeviceKey.EvidenceName(key.Evidence)}");
        RecordEvidence(key);
        return $"MAC {key.Mac} recorded as this device's {DeviceKey.EvidenceName(key.Evidence)}";
    }

    /// <summary>
    /// Blocks a read may take once the chip proves them: <paramref name="previous"/> (this device's
    /// last dump) and, with an archive, other dumps of the same family and bootloader.
    /// </summary>
    public IKnownBlocks? KnownBlocks(ArchivedDump? previous) =>
        _archive is { } a ? new ArchivedBlocks(a.Archive, Info.Family.ToString(), previous?.Bytes)
        : previous is null ? null : new PreviousImage(previous.Bytes, 0);

    /// <summary>An archived dump by id; a missing one is a clear input error.</summary>
    public ArchivedDump GetDump(long id) =>
        RequireArchive().GetDump(id) ?? throw new JobInputException($"the archive has no dump {id} (list them with `bktui dumps list`).");

    /// <summary>Archives a verified image read from this chip under its identity (learning what the image reveals); returns the dump id.</summary>
    public long ArchiveDump(byte[] image, string label)
    {
        var result = RequireArchive().ImportDump(image, Info, Request.Port, JobId, label, Request.Baud);
        foreach (var k in result.Keys) if (!_keys.Any(x => x.Key == k.Key)) _keys.Add(k);
        return result.DumpId;
    }

    /// <summary>The cached firmware build for this chip's family and <paramref name="version"/>; a missing one is a clear input error.</summary>
    public CachedFirmware FindCachedFirmware(string version)
    {
        using var cache = FirmwareCache.Open(RequireArchive().Archive);
        return cache.Find(Info.Family, version)
            ?? throw new JobInputException(FirmwareCache.NotCached(Info.Family, version));
    }

    /// <summary>Writing recipes need the archive for the factory-dump-first guard.</summary>
    public void RequireArchiveForWrites() => RequireArchive();

    /// <summary>Throws <see cref="JobStoppedException"/> when a stop was requested. Call only where nothing is half-written.</summary>
    public void SafePoint() => _runner.SafePoint();

    public void Log(string line) => _runner.Log(line);

    /// <summary>Marks the current step skipped (nothing needed doing); returns the reason as its detail.</summary>
    public string Skip(string reason)
    {
        StepSkipped = true;
        return reason;
    }

    internal bool StepSkipped { get; set; }

    /// <summary>Reports a phase without bytes (e.g. "comparing").</summary>
    public void Progress(string phase, long done, long total, double bytesPerSecond = 0) =>
        _runner.ReportProgress(phase, done, total, bytesPerSecond, 0);

    /// <summary>
    /// Writes in whole 64 KiB chunks, checking for a stop request between chunks only: a stop never
    /// lands between an erase and the write of that sector. Unverified: the recipe's verify step
    /// (<see cref="VerifyRange"/>) proves the whole range once.
    /// </summary>
    public void WriteWithSafePoints(uint start, byte[] data, bool allowBootloader)
    {
        if (BackupForRepairs() is { } backup) Device.UseBackup(backup);
        var offset = 0;
        try
        {
            while (offset < data.Length)
            {
                SafePoint();
                // Align chunk ends to 64 KiB boundaries of the flash address so 64 KiB erases stay possible.
                var address = start + (uint)offset;
                var toBoundary = WriteChunk - (int)(address % WriteChunk);
                var n = Math.Min(toBoundary, data.Length - offset);
                _runner.Written.Add(address, (uint)n);
                _runner.WriteWindow = (offset, n, data.Length);
                Device.Write(address, data.AsSpan(offset, n), allowBootloader, (start, (uint)data.Length));
                offset += n;
                _runner.LastGoodAddress = start + (uint)offset;
            }
        }
        finally { _runner.WriteWindow = null; }
    }

    /// <summary>
    /// The newest whole-flash dump of this chip (the factory dump step made sure there is one), else the
    /// dump this job holds: what a place outside the write is restored from. The session takes its bytes
    /// only where a chip CRC from before the write proves them current, so an older dump cannot do harm.
    /// </summary>
    private FlashBackup? BackupForRepairs()
    {
        var dump = LatestFullDump() ?? (DumpId is { } id ? _archive?.GetDump(id) : null);
        return dump is { } d && d.Bytes.Length == Info.FlashSize ? new FlashBackup(d.Bytes, $"dump #{d.Id}") : null;
    }

    /// <summary>
    /// The one verification pass after a write: the chip must hold <paramref name="expected"/> (a
    /// range CRC; sectors that differ are found and rewritten, bounded). The write's chunks are not
    /// verified one by one, so this also catches a sector disturbed after it was programmed.
    /// </summary>
    public void VerifyRange(uint start, ReadOnlySpan<byte> expected) => Device.VerifyWritten(start, expected);
}
