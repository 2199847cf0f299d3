using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;

namespace BkTui.Tests.Jobs;

/// <summary>
/// Issue 11 item 4 over real ptys: after the reboot step the job listens to the virtual chip, which
/// boots whatever was written, and reports what it heard — never "runs the new firmware" unheard.
/// </summary>
public sealed class BootProofEndToEndTests : IDisposable
{
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    private string ObkBuild(ChipFamily family, EfuseKey key, string banner) =>
        _bench.File($"OpenBK_{family}_{key.Verdict}.bin", FlashImageBuilder.Qio(new FlashImageSpec { Family = family, Seed = 77, AppBanner = banner }, key));

    [Fact]
    public void Flash_reports_the_openbeken_version_and_mac_the_new_firmware_printed()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 21);
        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Flash, FirmwarePath = ObkBuild(ChipFamily.BK7231N, EfuseKey.Tuya, "OpenBK7231N_1.18.21") });

        Assert.True(job.State == JobState.Done, job.Error);
        Assert.NotNull(job.Boot);
        Assert.Equal(BootVerdict.Booted, job.Boot.Verdict);
        Assert.Equal("OpenBeken 1.18.21", job.Boot.Version);
        Assert.Equal(SimBench.MacFor(21).ToString(), job.Boot.Mac);
        var reboot = job.Steps.Single(s => s.Name == "reboot");
        Assert.StartsWith("OpenBeken 1.18.21 started, MAC C8:47:8C:10:20:15", reboot.Detail);
        Assert.DoesNotContain("now runs", reboot.Detail);
    }

    [Fact]
    public void A_wrong_key_image_forced_onto_a_tuya_key_chip_boot_loops_fails_and_restore_factory_brings_it_back()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 22);
        using var q = _bench.Queue();
        var flash = SimBench.Run(q, new JobRequest
        {
            Port = sim.PtyPath, Recipe = Recipe.Flash, AllowKeyMismatch = true,
            FirmwarePath = ObkBuild(ChipFamily.BK7231M, EfuseKey.Zero, "OpenBK7231M_1.18.21"),
        });

        Assert.True(flash.State == JobState.Failed, $"{flash.State}: {flash.Boot?.Message} | {string.Join(" / ", flash.Boot?.Heard ?? [])}");
        Assert.Equal(BootVerdict.BootLoop, flash.Boot!.Verdict);
        Assert.Equal(StepState.Done, flash.Steps.Single(s => s.Name == "verify").State); // written and verified, yet it does not run
        Assert.Contains($"restore-factory --port {sim.PtyPath} --dump {flash.DumpId}", flash.Error);

        var restore = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.RestoreFactory, DumpId = flash.DumpId });
        Assert.True(restore.State == JobState.Done, restore.Error);
        Assert.Equal(BootVerdict.Booted, restore.Boot!.Verdict);
        Assert.Equal("Tuya IoT SDK 2.3.1", restore.Boot.Version); // the factory firmware is back
    }

    [Fact]
    public void A_chip_that_logs_on_tx2_is_silent_on_the_flashing_port_and_heard_on_the_log_port()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 23, logOnTx2: true);
        using var q = _bench.Queue();
        var silent = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.RestoreRf, BootListenSeconds = 3 });

        Assert.True(silent.State == JobState.Done, silent.Error);
        Assert.Equal(BootVerdict.Silent, silent.Boot!.Verdict);
        Assert.Contains("no boot log on", silent.Steps.Single(s => s.Name == "reboot").Detail);
        Assert.Contains("--log-port", silent.Boot.Message);

        var heard = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.RestoreRf, LogPort = sim.Tx2Path });
        Assert.True(heard.State == JobState.Done, heard.Error);
        Assert.Equal(BootVerdict.Booted, heard.Boot!.Verdict);
        Assert.True(heard.Boot.OnLogPort);
        Assert.Equal(sim.Tx2Path, heard.Boot.Port);
        Assert.Equal(SimBench.MacFor(23).ToString(), heard.Boot.Mac);
    }
}
