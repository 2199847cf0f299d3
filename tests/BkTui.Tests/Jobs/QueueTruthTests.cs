using System.Collections.Concurrent;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;

namespace BkTui.Tests.Jobs;

/// <summary>
/// What the engine reports must be what happened: a boot that was not heard is not a plain done, the
/// listening window is progress, a bootloader rewrite is
/// named as one, and a failure's reason comes before the port.
/// </summary>
public sealed class QueueTruthTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly JobTestArchive _store = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-truth-").FullName;

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private JobSnapshot Run(JobRequest r, ConcurrentQueue<JobEvent> events)
    {
        using var q = new JobQueue(_connector, _store.Archive, new JobQueueOptions { RetryBackoff = TimeSpan.FromMilliseconds(1), ProgressInterval = TimeSpan.Zero, LogRoot = _dir });
        q.Changed += events.Enqueue;
        var t = q.WhenFinished(q.Enqueue(r).Id);
        Assert.True(t.Wait(TimeSpan.FromSeconds(20)));
        return t.Result;
    }

    [Theory]
    [InlineData("\r\nBK7231n_1.0.11\r\ngo os_addr(0x10000)\r\n", true)]
    [InlineData("\r\nBK7231n_1.0.11\r\nOpenBK7231N, version 1.18.21\r\nmac c8:47:8c:12:34:56\r\n", false)]
    public void A_write_whose_firmware_was_not_heard_starting_is_done_but_unproven(string bootLog, bool unproven)
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        chip.BootLog = bootLog;
        var dump = _store.Seed(chip.Flash.ToArray(), chip.Mac);

        var job = Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreFactory, DumpId = dump }, new());

        Assert.Equal(JobState.Done, job.State); // the bytes are verified either way
        Assert.Equal(unproven, job.BootUnproven);
        if (unproven) Assert.StartsWith("no firmware start-up line in", job.Boot!.Brief);
    }

    [Fact]
    public void The_boot_log_window_is_reported_as_progress_of_the_reboot_step()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var dump = _store.Seed(chip.Flash.ToArray(), chip.Mac);
        var events = new ConcurrentQueue<JobEvent>();

        Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreFactory, DumpId = dump, BootListenSeconds = 7 }, events);

        var listening = events.Where(e => e.Kind == JobEventKind.Progress && e.Job.Progress?.Phase == RebootSteps.ListeningPhase).ToList();
        Assert.NotEmpty(listening);
        Assert.All(listening, e => Assert.Equal(("reboot", 7000L), (e.Job.Step, e.Job.Progress!.Total)));
        Assert.All(listening, e => Assert.InRange(e.Job.Progress!.Done, 0, 7000));
    }

    [Fact]
    public void A_bootloader_rewrite_is_never_named_like_the_restore_that_keeps_it()
    {
        var restore = new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreFactory, DumpId = 4 };
        var recovery = restore with { AllowBootloader = true };
        Assert.Equal("restore-factory", restore.Title());
        Assert.Equal("restore+BOOTLOADER", recovery.Title());
        Assert.Equal("custom+BOOTLOADER", new JobRequest { Port = "p", Recipe = Recipe.Custom, WritePath = "f", Start = 0, AllowBootloader = true }.Title());
        Assert.Equal("custom", new JobRequest { Port = "p", Recipe = Recipe.Custom, WritePath = "f", Start = 0x100000, AllowBootloader = true }.Title());
        Assert.Equal("restore-factory", recovery.Recipe.Name()); // the CLI's word and the JSON stay
    }

    [Fact]
    public void A_failures_reason_is_given_without_the_port_it_starts_with()
    {
        var job = new JobSnapshot
        {
            Id = 5, Request = new JobRequest { Port = "/tmp/d/ports/bk7231n-plug", Recipe = Recipe.Flash, FirmwarePath = "f" },
            State = JobState.Failed, Error = "/tmp/d/ports/bk7231n-plug: f contains the RF calibration of another device",
        };
        Assert.Equal("f contains the RF calibration of another device", job.Reason);
        Assert.Equal("no link", (job with { Error = "no link" }).Reason);
        Assert.Equal("busy: held by pid 7 flock", (job with { Error = "/tmp/d/ports/bk7231n-plug is busy: held by pid 7 flock" }).Reason);
    }

    [Fact]
    public void An_unproven_boot_is_exit_0_as_documented_and_says_so_in_a_few_words()
    {
        var boot = new BootProof { Verdict = BootVerdict.Silent, Port = "/dev/ttyA", Seconds = 12, Message = "no boot log" };
        var job = new JobSnapshot { Id = 1, Request = new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Flash, FirmwarePath = "f" }, State = JobState.Done, Boot = boot };
        Assert.True(job.BootUnproven);
        Assert.Equal("nothing heard in 12 s", boot.Brief);
        Assert.Equal(0, BkTui.Cli.RunSession.ExitCode([job]));
    }
}
