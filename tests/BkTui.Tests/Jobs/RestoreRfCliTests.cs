using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Identity;
using BkTui.Simulator;
using BkTui.Tests.Archive;

namespace BkTui.Tests.Jobs;

/// <summary>
/// `bktui run restore-rf` as a user runs it (the built binary, virtual chips on ptys, --json) on the
/// zero-key threads' board: a BK7231M whose RF holds the placeholder c8:47:8c:00:00:01 (SEED-M L217).
/// </summary>
public sealed class RestoreRfCliTests : IDisposable
{
    private static readonly MacAddress Placeholder = new(0xC8, 0x47, 0x8C, 0, 0, 1);
    private const string TrueMac = "FC:58:4A:B8:CF:D2"; // the MAC the seed's original firmware printed
    private static readonly uint RfOffset = ChipProfiles.For(ChipFamily.BK7231M).RfOffset;
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    private SimHost ZeroKeyBoard(byte n) => _bench.Add(ChipFamily.BK7231M, n,
        FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231M, Mac = Placeholder, Seed = n }));

    private (int Code, JsonElement Job, string Err) Bktui(params string[] args)
    {
        var (code, stdout, stderr) = BktuiProcess.Run(TimeSpan.FromSeconds(180), [.. args, "--archive", _bench.Store.Archive.Root, "--json"]);
        // A run that succeeded prints its jobs; one that failed, the error object with the jobs beside it.
        var doc = stdout.TrimStart().StartsWith('[') || stdout.TrimStart().StartsWith('{') ? JsonDocument.Parse(stdout).RootElement : default;
        var jobs = doc.ValueKind == JsonValueKind.Object && doc.TryGetProperty("jobs", out var j) ? j : doc;
        return (code, jobs.ValueKind == JsonValueKind.Array ? jobs[0] : jobs, stderr + stdout);
    }

    private static string Detail(JsonElement job, string step) =>
        job.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == step).GetProperty("detail").GetString() ?? "";

    private static MacAddress RfMac(SimHost sim) => MacAddress.FromBytes(sim.Chip.Flash.Read(RfOffset + 0x24, 6));

    [Fact]
    public void Without_a_true_mac_a_placeholder_board_is_refused_and_nothing_is_written()
    {
        var m = ZeroKeyBoard(60);
        Assert.Equal(0, Bktui("run", "backup", "--port", m.PtyPath).Code);
        var before = m.Chip.Flash.Snapshot();

        // The release before this one took the backup as "this device's own dump", wrote 0 of 1 sectors and said done.
        var (code, job, err) = Bktui("run", "restore-rf", "--port", m.PtyPath);

        Assert.True(code == 5, err);
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("no true MAC", job.GetProperty("error").GetString());
        Assert.Contains("--mac", job.GetProperty("error").GetString());
        Assert.Equal(before, m.Chip.Flash.Snapshot());
    }

    [Fact]
    public void The_template_with_the_users_mac_is_written_read_back_and_confirmed_after_reboot()
    {
        var m = ZeroKeyBoard(61);

        var (code, job, err) = Bktui("run", "restore-rf", "--port", m.PtyPath, "--mac", TrueMac);

        Assert.True(code == 0, err);
        Assert.Equal(TrueMac, RfMac(m).ToString());
        Assert.True(RfTemplate.IsGeneric(m.Chip.Flash.Read(RfOffset, 0x1000)));
        var preflight = Detail(job, "pre-flight");
        Assert.Contains("template", preflight);
        Assert.Contains("generic calibration", preflight);
        Assert.Contains($"C8:47:8C:00:00:01 (placeholder", Detail(job, "write"));
        Assert.Contains($"→ {TrueMac}", Detail(job, "write"));
        Assert.Contains($"identical, MAC {TrueMac}", Detail(job, "verify"));
        // The job reports the MAC the chip holds now, and the one before (it reported the placeholder).
        Assert.Equal(TrueMac, job.GetProperty("mac").GetString());
        Assert.Equal("C8:47:8C:00:00:01", job.GetProperty("macBefore").GetString());
        // The MAC is confirmed from the boot log when one is heard; when the listener hears nothing in its
        // window (seen on this loaded host, also in the boot-proof tests), it must say so, never claim it.
        var confirm = Detail(job, "confirm MAC");
        Assert.True(confirm == $"after the reboot the firmware reports MAC {TrueMac}"
                    || (confirm.Contains("NOT confirmed") && Detail(job, "reboot").Contains("no boot log")), $"confirm: {confirm}; reboot: {Detail(job, "reboot")}");

        // The unidentified factory dump now belongs to the device the written MAC identifies.
        var device = _bench.Store.Archive.GetDevice(TrueMac)!;
        Assert.Equal(IdentityEvidence.UserMac, Assert.Single(device.Keys).Evidence);
        Assert.Equal(job.GetProperty("dumpId").GetInt64(), Assert.Single(_bench.Store.Archive.ListDumps(TrueMac)).Id);
    }

    [Fact]
    public void A_mac_of_another_archived_device_is_refused_unless_the_user_insists()
    {
        var bulb = _bench.Add(ChipFamily.BK7231N, 62);
        Assert.Equal(0, Bktui("run", "backup", "--port", bulb.PtyPath).Code);
        var taken = SimBench.MacFor(62).ToString();
        var m = ZeroKeyBoard(63);

        var (code, job, err) = Bktui("run", "restore-rf", "--port", m.PtyPath, "--mac", taken);
        Assert.True(code == 5, err);
        Assert.Contains("belongs to another archived device", job.GetProperty("error").GetString());
        Assert.Equal(Placeholder, RfMac(m));

        (code, _, err) = Bktui("run", "restore-rf", "--port", m.PtyPath, "--mac", taken, "--force-mac");
        Assert.True(code == 0, err);
        Assert.Equal(taken, RfMac(m).ToString());
    }

    [Fact]
    public void A_placeholder_given_as_mac_is_a_usage_error_before_the_port_is_opened()
    {
        var m = ZeroKeyBoard(64);
        var (code, _, err) = Bktui("run", "restore-rf", "--port", m.PtyPath, "--mac", "c8:47:8c:00:00:02");
        Assert.Equal(2, code);
        Assert.Contains("placeholder", err);
        Assert.Equal(1, m.Chip.Resets); // only the power-on reset: nobody opened the port
    }
}
