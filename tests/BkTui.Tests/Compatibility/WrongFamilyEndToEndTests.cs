using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Tests.Jobs;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Compatibility;

/// <summary>
/// Issue 11 item 1 over real ptys: a BK7231N QIO build (Tuya key, like the T's) offered to the
/// BK7231T bulb is refused before a byte is sent — by the flash recipe, by `run flash` and by `write`.
/// Before the gate all three wrote it, verified it and exited 0.
/// </summary>
public sealed class WrongFamilyEndToEndTests : IDisposable
{
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    private string NBuild() => _bench.File("OpenBK7231N_QIO_1.18.21.bin",
        FlashImageBuilder.Qio(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 77, AppBanner = "OpenBK7231N_1.18.21" }, EfuseKey.Tuya));

    private static void AssertNamesBothFamiliesAndTheRightBuild(string? text)
    {
        Assert.NotNull(text);
        Assert.Contains("built for BK7231N", text);
        Assert.Contains("BK7231T", text);
        Assert.Contains("OpenBK7231T_UA_*.bin", text);
    }

    [Fact]
    public void The_flash_recipe_refuses_an_n_build_on_a_t_chip_in_its_pre_flight()
    {
        var before = SimBench.Image(ChipFamily.BK7231T, 60);
        var sim = _bench.Add(ChipFamily.BK7231T, 60, before);
        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = sim.PtyPath, Recipe = Recipe.Flash, FirmwarePath = NBuild() });

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(JobErrorKind.Refused, job.ErrorKind);
        AssertNamesBothFamiliesAndTheRightBuild(job.Error);
        Assert.Equal(StepState.Failed, job.Steps.Single(s => s.Name == "pre-flight").State);
        Assert.NotNull(job.Compatibility);
        Assert.Equal(ChipFamily.BK7231N, job.Compatibility.ImageFamily);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
        Assert.Equal(before, sim.Chip.Flash.Snapshot());
    }

    [Fact]
    public void Run_flash_exits_5_with_the_verdict_in_its_json()
    {
        var sim = _bench.Add(ChipFamily.BK7231T, 61);
        var r = BktuiProcess.Run("run", "flash", "--port", sim.PtyPath, "--firmware", NBuild(), "--archive", _bench.Store.Archive.Root, "--json");
        Assert.True(r.ExitCode == 5, r.Stderr);
        var doc = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.False(doc.GetProperty("ok").GetBoolean());
        Assert.Equal(5, doc.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("refused", doc.GetProperty("error").GetProperty("kind").GetString());
        var job = doc.GetProperty("jobs").EnumerateArray().Single();
        Assert.Equal(job.GetProperty("error").GetString(), doc.GetProperty("error").GetProperty("message").GetString());
        AssertNamesBothFamiliesAndTheRightBuild(job.GetProperty("error").GetString());
        Assert.Equal("refused", job.GetProperty("errorKind").GetString());
        var gate = job.GetProperty("compatibility");
        Assert.Equal("refused", gate.GetProperty("status").GetString());
        Assert.Equal("BK7231T", gate.GetProperty("chipFamily").GetString());
        Assert.Equal("BK7231N", gate.GetProperty("imageFamily").GetString());
        Assert.Equal("OpenBK7231T_UA_*.bin", gate.GetProperty("rightBuild").GetString());
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
    }

    [Fact]
    public void Write_exits_5_before_a_byte_is_sent()
    {
        var sim = _bench.Add(ChipFamily.BK7231T, 62);
        var r = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", NBuild());
        Assert.True(r.ExitCode == 5, r.Stderr);
        AssertNamesBothFamiliesAndTheRightBuild(r.Stderr);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
    }

    [Fact]
    public void Write_of_an_app_that_names_no_family_needs_consent_and_then_runs()
    {
        var sim = _bench.Add(ChipFamily.BK7231T, 63);
        var app = _bench.File("tuya_app.bin", GateImages.Anonymous(ChipFamily.BK7231T));
        var refused = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", app);
        Assert.True(refused.ExitCode == 5, refused.Stderr);
        Assert.Contains("--allow-unknown-family", refused.Stderr);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);

        var consented = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", app, "--allow-unknown-family");
        Assert.True(consented.ExitCode == 0, consented.Stderr);
        Assert.Equal(File.ReadAllBytes(app), sim.Chip.Flash.Read(0x11000, (int)new FileInfo(app).Length));
    }

    [Fact]
    public void The_right_build_passes_the_gate_and_is_written()
    {
        var sim = _bench.Add(ChipFamily.BK7231T, 64);
        var ua = _bench.File("OpenBK7231T_UA_1.18.21.bin", GateImages.Build(ChipFamily.BK7231T));
        var r = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", ua);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(File.ReadAllBytes(ua), sim.Chip.Flash.Read(0x11000, (int)new FileInfo(ua).Length));
    }
}
