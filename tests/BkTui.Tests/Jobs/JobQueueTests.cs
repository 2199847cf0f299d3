using System.Collections.Concurrent;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Jobs;

namespace BkTui.Tests.Jobs;

/// <summary>The engine over a fake chip: state machine, cancel, retry, parallel ports, persistence.</summary>
public sealed class JobQueueTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly FakeConnector _connector = new();
    private readonly JobTestArchive _store = new();
    private DumpArchive _archive => _store.Archive;
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-jobs-").FullName;
    private static readonly JobQueueOptions Fast = new() { RetryBackoff = TimeSpan.FromMilliseconds(1), ProgressInterval = TimeSpan.Zero };

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private JobQueue NewQueue(JobQueueOptions? o = null) => new(_connector, _archive, (o ?? Fast) with { LogRoot = _dir });

    private static JobSnapshot Finish(JobQueue q, JobSnapshot job)
    {
        var t = q.WhenFinished(job.Id);
        Assert.True(t.Wait(Wait), $"job {job.Id} did not finish");
        return t.Result;
    }

    private string WriteFile(string name, byte[] data) { var p = Path.Combine(_dir, name); File.WriteAllBytes(p, data); return p; }

    [Fact]
    public void A_request_round_trips_through_json_without_secrets()
    {
        var r = new JobRequest { Port = "/dev/ttyUSB0", Recipe = Recipe.Backup, Ssid = "home", PasswordFile = "/tmp/pw", Baud = 115200, Start = 0x11000 };
        var json = r.ToJson();
        Assert.Equal(r, JobRequest.FromJson(json));
        Assert.Contains("\"restoreFactory\"", new JobRequest { Port = "p", Recipe = Recipe.RestoreFactory }.ToJson());
    }

    [Fact]
    public void Backup_runs_every_step_archives_under_the_mac_and_reports_events_in_order()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        using var q = NewQueue();
        var events = new ConcurrentQueue<JobEvent>();
        q.Changed += events.Enqueue;

        var done = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup }));

        Assert.Equal(JobState.Done, done.State);
        Assert.Equal(["identify", "read", "verify", "archive"], done.Steps.Select(s => s.Name));
        Assert.All(done.Steps, s => Assert.Equal(StepState.Done, s.State));
        var dump = Assert.Single(_store.Dumps);
        Assert.Equal(dump.Id, done.DumpId);
        Assert.Equal(MacText.Normalize(chip.Mac), dump.Mac);
        Assert.Equal(chip.Flash, _store.Bytes(dump.Id));
        Assert.Equal($"dump {dump.Id} under {MacText.Normalize(chip.Mac)}", done.Steps[^1].Detail); // the MAC as people write it, not the key "mac:…"
        var states = events.Where(e => e.Kind is JobEventKind.Added or JobEventKind.State).Select(e => e.Job.State).ToList();
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Done], states);
        Assert.Contains(events, e => e.Kind == JobEventKind.Progress && e.Job.Progress is { Total: > 0 });
        Assert.Equal(ArchivedJobState.Done, _store.StateOf(done.Id));
        Assert.Contains(_store.Log(done.Id), l => l.Contains("step 'archive': done"));
        Assert.Contains("step 'verify'", File.ReadAllText(done.LogPath!));
        Assert.Equal(921600, _archive.LastWorkingBaud("/dev/ttyA"));
    }

    [Fact]
    public void Rebackup_reads_only_changed_blocks_and_equals_a_full_read()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        using var q = NewQueue();
        Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup }));
        var fullReads = chip.BlocksRead;
        chip.Flash[0x1D0010] ^= 0x5A; // one block changed since
        chip.BlocksRead = 0;

        var second = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup }));

        Assert.Equal(JobState.Done, second.State);
        Assert.Equal(32, fullReads);
        Assert.Equal(1, chip.BlocksRead);
        Assert.Equal(chip.Flash, _store.Bytes(second.DumpId!.Value));
        Assert.Contains("differential", second.Steps.Single(s => s.Name == "read").Detail);
    }

    [Fact]
    public void A_transient_failure_relinks_and_retries_a_bounded_number_of_times()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var failures = 1;
        chip.BeforeOp = (op, _) => { if (op == "read" && failures-- > 0) throw new TimeoutException("no reply"); };
        using var q = NewQueue();
        var ok = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup }));
        Assert.Equal(JobState.Done, ok.State);
        Assert.Equal(1, ok.Retries);
        Assert.Equal(2, chip.Connects);

        chip.BeforeOp = (op, _) => { if (op == "read") throw new TimeoutException("no reply"); };
        var failed = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup }));
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Equal(Fast.MaxRetries, failed.Retries);
        Assert.Contains("/dev/ttyA", failed.Error);
        Assert.Equal(StepState.Failed, failed.Steps.Single(s => s.Name == "read").State);
    }

    [Fact]
    public void A_relink_that_finds_another_chip_on_the_port_fails_the_job_instead_of_carrying_on()
    {
        var first = _connector.Add("/dev/ttyA", new FakeChip(mac: "c8:47:8c:00:00:01"));
        first.BeforeOp = (op, _) =>
        {
            if (op != "read") return;
            // The adapter drops out mid-read and another board now answers on the same path.
            _connector.Chips["/dev/ttyA"] = new FakeChip(mac: "c8:47:8c:00:00:02", seed: 2);
            throw new TimeoutException("no reply");
        };
        using var q = NewQueue();
        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup }));

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("different chip", job.Error);
        Assert.Contains("c8:47:8c:00:00:01", job.Error);
        Assert.Null(job.DumpId);
    }

    [Fact]
    public void A_guard_refusal_fails_at_once_and_writes_nothing()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        _store.Seed(chip.Flash.ToArray(), chip.Mac);
        var file = WriteFile("boot.bin", new byte[0x1000]);
        using var q = NewQueue();
        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x1000 }));
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(JobErrorKind.Refused, job.ErrorKind);
        Assert.Contains("bootloader", job.Error);
        Assert.Equal(0, job.Retries);
        Assert.Empty(chip.Writes);
    }

    [Fact]
    public void Writing_recipes_take_a_factory_dump_first_when_the_archive_has_none()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var original = chip.Flash.ToArray();
        var file = WriteFile("patch.bin", Enumerable.Repeat((byte)0x42, 0x2000).ToArray());
        using var q = NewQueue();
        var request = new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x100000 };

        var first = Finish(q, q.Enqueue(request));
        Assert.Equal(JobState.Done, first.State);
        Assert.Equal(StepState.Done, first.Steps.Single(s => s.Name == "factory dump").State);
        Assert.Equal(original, _store.Bytes(Assert.Single(_store.Dumps).Id)); // the dump holds the state before the write
        Assert.Equal(0x42, chip.Flash[0x101FFF]);

        var second = Finish(q, q.Enqueue(request));
        Assert.Equal(StepState.Skipped, second.Steps.Single(s => s.Name == "factory dump").State);
        Assert.Single(_store.Dumps);
    }

    /// <summary>An imported file is not proof of what the chip holds (audit s9: an RF sector alone in 0xFF passed as the backup).</summary>
    [Fact]
    public void An_imported_file_of_the_same_mac_does_not_stand_for_the_factory_dump()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var original = chip.Flash.ToArray();
        var rfOnly = Enumerable.Repeat((byte)0xFF, original.Length).ToArray();
        _store.Archive.Import(rfOnly, DumpSource.FromFile(WriteFile("rf-only.bin", rfOnly)),
            new ImportOptions { Device = new DeviceObservation { Mac = chip.Mac } });
        var file = WriteFile("patch.bin", Enumerable.Repeat((byte)0x42, 0x2000).ToArray());
        using var q = NewQueue();

        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x100000 }));

        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(StepState.Done, job.Steps.Single(s => s.Name == "factory dump").State);
        Assert.Contains(_store.Dumps, d => d.Source.Kind == DumpSourceKind.Port && _store.Bytes(d.Id).AsSpan().SequenceEqual(original));
    }

    /// <summary>Every failure names the address and what to do: an adapter lost mid-write says the chip is half-written (audit s9).</summary>
    [Fact]
    public void A_failure_inside_the_write_names_the_last_good_address_and_the_way_back()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var dump = _store.Seed(chip.Flash.ToArray(), chip.Mac);
        chip.BeforeOp = (op, at) => { if (op == "write" && at >= 0x110000) throw new BkTui.Core.Serial.DeviceGoneException("/dev/ttyA"); };
        var file = WriteFile("patch.bin", Enumerable.Repeat((byte)0x42, 0x20000).ToArray());
        using var q = NewQueue();

        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x100000 }));

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("went away", job.Error);
        Assert.Contains("last good address 0x110000", job.Error);
        Assert.Contains("part of the new bytes and part of the old", job.Error);
        Assert.Contains($"restore dump {dump}", job.Error);
    }

    /// <summary>Lost in the first chunk: no address was proven, and the message says so rather than naming one.</summary>
    [Fact]
    public void A_failure_in_the_first_chunk_says_no_chunk_was_written_whole()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        _store.Seed(chip.Flash.ToArray(), chip.Mac);
        chip.BeforeOp = (op, _) => { if (op == "write") throw new BkTui.Core.Serial.DeviceGoneException("/dev/ttyA"); };
        var file = WriteFile("patch.bin", Enumerable.Repeat((byte)0x42, 0x2000).ToArray());
        using var q = NewQueue();

        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x100000 }));

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("before the first chunk was written whole", job.Error);
    }

    public static TheoryData<string> WriteRecipeSteps => ["identify", "pre-flight", "factory dump", "write", "verify"];

    [Theory]
    [MemberData(nameof(WriteRecipeSteps))]
    public void Cancel_when_a_step_starts_stops_there_and_never_mid_chunk(string stepName)
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var before = chip.Flash.ToArray();
        var payload = Enumerable.Repeat((byte)0x42, 0x30000).ToArray();
        var file = WriteFile("p.bin", payload);
        using var q = NewQueue();
        q.Changed += e =>
        {
            if (e.Kind == JobEventKind.Step && e.Job.Steps.Any(s => s.Name == stepName && s.State == StepState.Running))
                q.Cancel(e.Job.Id);
        };
        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x100000 }));

        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Contains("safe point", job.Error);
        var names = job.Steps.Select(s => s.Name).ToList();
        var at = names.IndexOf(stepName);
        Assert.All(job.Steps.Take(at), s => Assert.True(s.State is StepState.Done or StepState.Skipped));
        Assert.All(job.Steps.Skip(at + 1), s => Assert.Equal(StepState.Pending, s.State));
        // Every 64 KiB chunk of the target is wholly old or wholly new: nothing half-written.
        for (var c = 0; c < 3; c++)
        {
            var span = chip.Flash.AsSpan(0x100000 + c * 0x10000, 0x10000);
            Assert.True(span.SequenceEqual(before.AsSpan(0x100000 + c * 0x10000, 0x10000)) || span.SequenceEqual(payload.AsSpan(c * 0x10000, 0x10000)));
        }
    }

    [Fact]
    public void Cancel_during_a_write_finishes_the_chunk_in_flight_then_stops()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        _store.Seed(chip.Flash.ToArray(), chip.Mac);
        var file = WriteFile("p.bin", Enumerable.Repeat((byte)0x42, 0x30000).ToArray());
        using var q = NewQueue();
        long id = 0;
        q.Changed += e => { if (e.Kind == JobEventKind.Added) Interlocked.Exchange(ref id, e.Job.Id); };
        chip.BeforeOp = (op, addr) => { if (op == "write" && addr == 0x100000) Assert.True(q.Cancel(Interlocked.Read(ref id))); };
        var job = q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x100000 });
        var result = Finish(q, job);
        Assert.Equal(JobState.Cancelled, result.State);
        Assert.Equal([(0x100000u, 0x10000)], chip.Writes);
        Assert.Contains("0x110000", result.Error);
    }

    [Fact]
    public void Ports_run_in_parallel_and_jobs_on_one_port_run_in_order()
    {
        var ports = new[] { "/dev/ttyA", "/dev/ttyB", "/dev/ttyC" };
        using var together = new Barrier(ports.Length);
        foreach (var (p, i) in ports.Select((p, i) => (p, i)))
        {
            var chip = _connector.Add(p, new FakeChip(mac: $"c8:47:8c:00:00:0{i}", seed: i));
            // Each port's read waits for the others: it can only pass if all three run at once.
            var once = 0;
            chip.BeforeOp = (op, addr) => { if (op == "read" && Interlocked.Exchange(ref once, 1) == 0) Assert.True(together.SignalAndWait(Wait)); };
        }
        using var q = NewQueue();
        var jobs = ports.Select(p => q.Enqueue(new JobRequest { Port = p, Recipe = Recipe.Backup })).ToList();
        var second = q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, ReadPath = Path.Combine(_dir, "x.bin"), Start = 0, Length = 0x1000 });
        Assert.All(jobs.Select(j => Finish(q, j)), j => Assert.Equal(JobState.Done, j.State));
        var s = Finish(q, second);
        Assert.Equal(JobState.Done, s.State);
        Assert.True(s.Updated >= q.Get(jobs[0].Id)!.Updated);
        Assert.Equal(3, _store.Dumps.Count);
    }

    [Fact]
    public void Needs_attention_is_an_event_and_clears_when_the_chip_answers()
    {
        _connector.Add("/dev/ttyA", new FakeChip());
        _connector.OnConnect = (_, obs) => obs.NeedsAttention("reset the device now");
        using var q = NewQueue();
        var events = new ConcurrentQueue<JobEvent>();
        q.Changed += events.Enqueue;
        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup }));
        var attention = Assert.Single(events, e => e.Kind == JobEventKind.Attention);
        Assert.Equal("reset the device now", attention.Message);
        Assert.Equal(JobState.NeedsAttention, attention.Job.State);
        Assert.Equal(JobState.Done, job.State);
        Assert.Null(job.Attention);
    }

    [Fact]
    public void After_a_restart_queued_jobs_stay_queued_and_running_ones_are_interrupted()
    {
        var gate = new ManualResetEventSlim();
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        chip.BeforeOp = (op, addr) => { if (op == "read" && addr == 0x80000) gate.Wait(Wait); };
        var first = NewQueue();
        var running = first.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup });
        var queued = first.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup, Baud = 115200 });
        Assert.True(SpinWait.SpinUntil(() => _archive.Jobs.Get(running.Id) is { State: ArchivedJobState.Running, Done: > 0 }, Wait));
        // The process "dies" (its worker stays stuck); a new session opens the same archive.
        using var reopened = DumpArchive.Open(_archive.Root);
        using var second = new JobQueue(_connector, reopened, Fast with { LogRoot = _dir });
        Assert.Equal(JobState.Interrupted, second.Get(running.Id)!.State);
        Assert.Contains("read", second.Get(running.Id)!.Error);
        Assert.Equal(JobState.Queued, second.Get(queued.Id)!.State);
        Assert.Equal(115200, second.Get(queued.Id)!.Request.Baud);
        Assert.False(second.IsBusy);

        chip.BeforeOp = null;
        Assert.True(second.Resume(queued.Id));
        Assert.Equal(JobState.Done, Finish(second, second.Get(queued.Id)!).State);
        Assert.Equal(ArchivedJobState.Done, reopened.Jobs.Get(queued.Id)!.State);
        Assert.Contains(reopened.Jobs.ReadLog(running.Id), l => l.Line.Contains("interrupted"));

        gate.Set();
        first.Dispose();
    }

    [Fact]
    public void Hangup_stops_the_running_job_at_a_safe_point_as_interrupted_and_leaves_the_queue_queued()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        _store.Seed(chip.Flash.ToArray(), chip.Mac);
        var file = WriteFile("p.bin", Enumerable.Repeat((byte)0x42, 0x30000).ToArray());
        var q = NewQueue();
        var writing = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        chip.BeforeOp = (op, addr) => { if (op == "write" && addr == 0x110000) { writing.Set(); release.Wait(Wait); } };
        var job = q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Custom, WritePath = file, Start = 0x100000 });
        var later = q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup });
        Assert.True(writing.Wait(Wait));
        q.StopAtSafePoint("SSH session dropped (SIGHUP)"); // lands while the chunk at 0x110000 is in flight
        release.Set();
        Assert.True(q.WaitIdle(Wait));

        var result = q.Get(job.Id)!;
        Assert.Equal(JobState.Interrupted, result.State);
        Assert.Contains("SIGHUP", result.Error);
        Assert.Contains("0x120000", result.Error);
        Assert.Contains("during step 'write'", result.Error); // it stopped inside the write, not before it
        Assert.Equal(2, chip.Writes.Count); // the chunk in flight completed; nothing after it started
        Assert.Equal(JobState.Queued, q.Get(later.Id)!.State);
        Assert.Equal(ArchivedJobState.Queued, _store.StateOf(later.Id));
        Assert.Equal(ArchivedJobState.Interrupted, _store.StateOf(job.Id));
        Assert.Contains(_store.Log(job.Id), l => l.Contains("safe point"));
        q.Dispose();
    }

    [Fact]
    public void Cancel_of_a_queued_job_is_immediate_and_retry_queues_the_same_request_again()
    {
        var gate = new ManualResetEventSlim();
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        chip.BeforeOp = (op, _) => { if (op == "connect") gate.Wait(Wait); };
        using var q = NewQueue();
        var first = q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup });
        var queued = q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Backup });
        Assert.True(q.Cancel(queued.Id));
        Assert.Equal(JobState.Cancelled, q.Get(queued.Id)!.State);
        gate.Set();
        Assert.Equal(JobState.Done, Finish(q, first).State);
        Assert.Equal(JobState.Cancelled, Finish(q, queued).State);
        Assert.False(q.Cancel(first.Id));

        var again = q.Retry(queued.Id);
        Assert.NotEqual(queued.Id, again.Id);
        Assert.Equal(JobState.Done, Finish(q, again).State);
        Assert.Throws<ArgumentException>(() => q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Flash }));
    }

    [Fact]
    public void Restore_factory_refuses_another_devices_dump_and_keeps_the_bootloader_without_consent()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var other = new FakeChip(mac: "11:22:33:44:55:66", seed: 9);
        var otherId = _store.Seed(other.Flash, other.Mac);
        var mine = chip.Flash.ToArray();
        mine[0x10] ^= 0xFF;       // in the bootloader range
        mine[0x150000] ^= 0xFF;   // in the app
        var mineId = _store.Seed(mine, chip.Mac);
        var bootBefore = chip.Flash[0x10];
        using var q = NewQueue();

        var refused = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreFactory, DumpId = otherId }));
        Assert.Equal(JobErrorKind.Refused, refused.ErrorKind);
        Assert.Contains("11:22:33:44:55:66", refused.Error, StringComparison.OrdinalIgnoreCase);

        var restored = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreFactory, DumpId = mineId }));
        Assert.Equal(JobState.Done, restored.State);
        Assert.Equal(bootBefore, chip.Flash[0x10]);
        Assert.Equal(mine[0x150000], chip.Flash[0x150000]);
        Assert.All(chip.Writes, w => Assert.True(w.Start >= ChipProfiles.For(chip.Family).BootloaderSize));

        var all = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreFactory, DumpId = mineId, AllowBootloader = true }));
        Assert.Equal(JobState.Done, all.State);
        Assert.Equal(mine, chip.Flash);
        Assert.EndsWith(", bootloader kept", restored.Steps.Single(s => s.Name == "pre-flight").Detail);
    }

    [Fact]
    public void Restore_factory_with_the_bootloader_names_the_bootloader_it_writes_before_writing()
    {
        // --allow-bootloader is the CLI's whole consent: the pre-flight line (stderr, --json steps) says what it consented to.
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var dump = Core.Formats.Synthesis.FlashImageBuilder.Build(new Core.Formats.Synthesis.FlashImageSpec { Family = ChipFamily.BK7231N });
        var id = _store.Seed(dump, chip.Mac);
        using var q = NewQueue();
        var job = Finish(q, q.Enqueue(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreFactory, DumpId = id, AllowBootloader = true }));
        Assert.Equal(JobState.Done, job.State);
        var known = ChipProfiles.Bootloaders.Single(b => b.Family == ChipFamily.BK7231N);
        var preflight = job.Steps.Single(s => s.Name == "pre-flight");
        Assert.EndsWith($", bootloader included: bootloader {known.Name} (in the known list, CRC-32 0x{known.Crc32:X8} of bytes 0-256)", preflight.Detail);
    }
}
