using BkTui.Core.Jobs;
using BkTui.Core.Monitor;
using BkTui.Tui.ViewModels;

namespace BkTui.Tests.Tui.ViewModels;

/// <summary>The Queue row says what the engine knows: OK only when the boot was heard, the reason before anything else, a bootloader rewrite by name.</summary>
public sealed class QueueRowTruthTests
{
    private const string Port = "/tmp/bktui-demo-x/ports/bk7231n-plug";

    private static JobSnapshot Job(JobState state, Recipe recipe = Recipe.Flash) => new()
    {
        Id = 6, Request = new JobRequest { Port = Port, Recipe = recipe, FirmwarePath = "fw.bin", DumpId = recipe == Recipe.RestoreFactory ? 4 : null },
        State = state, DumpId = 1, Mac = "C8:47:8C:42:10:22",
    };

    private static BootProof Proof(BootVerdict v) => new()
    {
        Verdict = v, Port = Port, Seconds = 12, Bootloader = "BK7231n_1.0.11",
        Message = "the bootloader (BK7231n_1.0.11) ran, but no firmware start-up line followed in 12.0 s",
    };

    [Fact]
    public void A_done_flash_whose_firmware_was_not_heard_is_OK_with_a_question_mark_and_the_reason()
    {
        var row = QueueRows.Row(Job(JobState.Done) with { Boot = Proof(BootVerdict.BootloaderOnly) });
        Assert.Equal("OK?", row.Word);
        Assert.True(row.Unproven);
        Assert.Equal("boot unproven: no firmware start-up line in 12 s", row.Note);
        Assert.Equal("", row.Step);
        Assert.Contains("BOOT NOT PROVEN", string.Join("\n", JobDetail.Lines(Job(JobState.Done) with { Boot = Proof(BootVerdict.BootloaderOnly) })));

        var heard = QueueRows.Row(Job(JobState.Done) with { Boot = Proof(BootVerdict.Booted) with { Firmware = "OpenBeken" } });
        Assert.Equal("OK", heard.Word);
        Assert.False(heard.Unproven);
    }

    /// <summary>The speed agrees with the bar and the ETA: how fast the write advances, not the wire's rate between erases (tester s9 F3).</summary>
    [Fact]
    public void The_speed_shown_is_how_fast_the_job_advances()
    {
        var running = Job(JobState.Running) with { Progress = new JobProgress("write", 250_000, 1_150_000, 45_000, TimeSpan.FromSeconds(4), Rate: 230_000) };
        Assert.Equal(Humane.Speed(230_000), QueueRows.Row(running).Speed);
        var starting = running with { Progress = running.Progress! with { Rate = 0 } };
        Assert.Equal(Humane.Speed(45_000), QueueRows.Row(starting).Speed); // too early to say: the wire's figure
    }

    [Fact]
    public void A_failed_rows_note_is_the_reason_not_the_port_path()
    {
        var row = QueueRows.Row(Job(JobState.Failed) with { Error = $"{Port}: x.bin contains the RF calibration of another device (MAC 1C:90:FF:95:F7:BC)" });
        Assert.StartsWith("x.bin contains the RF calibration", row.Note);
    }

    [Fact]
    public void The_jobs_detail_reads_the_reason_first_and_gives_the_port_path_a_line_of_its_own()
    {
        var refused = Job(JobState.Failed) with { Error = $"{Port}: Wrong chip family: fw.bin is built for BK7231T but this chip is a BK7231N", ErrorKind = JobErrorKind.Refused };
        var lines = JobDetail.Lines(refused);
        Assert.Equal("flash on bk7231n-plug: failed (FAIL)", lines[0]);
        Assert.Contains("File: fw.bin", lines);
        Assert.Contains("Error (Refused): Wrong chip family: fw.bin is built for BK7231T but this chip is a BK7231N", lines);
        Assert.Contains($"Port: {Port}", lines);
        Assert.Single(lines, l => l.Contains(Port));
    }

    [Fact]
    public void The_recovery_row_names_the_bootloader_rewrite()
    {
        var restore = QueueRows.Row(Job(JobState.Done, Recipe.RestoreFactory));
        var recovery = QueueRows.Row(Job(JobState.Done, Recipe.RestoreFactory) with { Request = Job(JobState.Done, Recipe.RestoreFactory).Request with { AllowBootloader = true } });
        Assert.Equal("restore-factory", restore.Recipe);
        Assert.Equal("restore+BOOTLOADER", recovery.Recipe);
    }

    [Fact]
    public void The_listening_window_shows_as_a_filling_bar_with_the_seconds_left()
    {
        var row = QueueRows.Row(Job(JobState.Running) with { Progress = new JobProgress(RebootSteps.ListeningPhase, 5000, 12000, 0) });
        Assert.Equal("42%", row.Percent);
        Assert.Equal("listening", row.Speed);
        Assert.Equal("7 seconds", row.Eta);
    }
}
