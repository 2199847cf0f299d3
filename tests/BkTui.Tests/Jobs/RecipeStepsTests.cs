using BkTui.Core.Chips;
using BkTui.Core.Formats.Obk;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Jobs;

namespace BkTui.Tests.Jobs;

/// <summary>Wi-Fi and Restore RF recipes over the fake chip: where they write, what, and what they say.</summary>
public sealed class RecipeStepsTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly JobTestArchive _store = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-recipes-").FullName;

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private JobSnapshot Run(JobRequest r)
    {
        using var q = new JobQueue(_connector, _store.Archive, new JobQueueOptions { RetryBackoff = TimeSpan.FromMilliseconds(1), LogRoot = _dir });
        var t = q.WhenFinished(q.Enqueue(r).Id);
        Assert.True(t.Wait(TimeSpan.FromSeconds(20)));
        return t.Result;
    }

    [Theory]
    [InlineData(ChipFamily.BK7231N, 0x1D1000u)]
    [InlineData(ChipFamily.BK7231T, 0x1E1000u)]
    public void Wifi_writes_a_valid_obk_config_at_the_family_offset_and_never_logs_the_password(ChipFamily family, uint offset)
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip(family));
        _store.Seed(chip.Flash.ToArray(), chip.Mac);
        var pw = Path.Combine(_dir, "pw");
        File.WriteAllText(pw, "s3cret-Pa55\n");

        var job = Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Wifi, Ssid = "bench", PasswordFile = pw, MqttHost = "10.0.0.2", DeviceName = "plug1" });

        Assert.Equal(JobState.Done, job.State);
        var cfg = ObkConfig.TryParse(chip.Flash.AsSpan((int)offset, 0x1000));
        Assert.NotNull(cfg);
        Assert.True(cfg.CrcOk);
        Assert.Equal(("bench", "s3cret-Pa55", "10.0.0.2", "plug1"), (cfg.WifiSsid, cfg.WifiPassword, cfg.MqttHost, cfg.ShortName));
        Assert.All(_store.Log(job.Id), l => Assert.DoesNotContain("s3cret", l));
        Assert.DoesNotContain("s3cret", File.ReadAllText(job.LogPath!));
    }

    [Fact]
    public void Wifi_with_a_missing_password_file_fails_as_bad_input_before_writing()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var job = Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.Wifi, Ssid = "bench", PasswordFile = Path.Combine(_dir, "nope") });
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(JobErrorKind.BadInput, job.ErrorKind);
        Assert.Empty(chip.Writes);
    }

    [Fact]
    public void Restore_rf_uses_the_devices_own_dump_when_archived()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip());
        var rf = RfTemplate.Build(ChipFamily.BK7231N, new MacAddress(0xc8, 0x47, 0x8c, 0x12, 0x34, 0x56));
        rf[0x32] ^= 0x01; // measured on this board, not the template
        rf.CopyTo(chip.Flash, 0x1D0000);
        _store.Seed(chip.Flash.ToArray(), chip.Mac);
        chip.Flash.AsSpan(0x1D0000, 0x1000).Fill(0xFF); // RF wiped by a full erase

        var job = Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreRf });

        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(rf, chip.Flash.AsSpan(0x1D0000, 0x1000).ToArray());
        Assert.Contains("own calibration from dump", job.Steps.Single(s => s.Name == "pre-flight").Detail);
    }

    [Fact]
    public void Restore_rf_falls_back_to_the_template_only_with_a_true_mac_and_says_so()
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip(mac: null));
        var refused = Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreRf });
        Assert.Equal(JobState.Failed, refused.State);
        Assert.Contains("--mac", refused.Error);
        Assert.False(RfCalibration.HasMagic(chip.Flash.AsSpan(0x1D0000, 0x1000)));

        var job = Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreRf, Mac = "fc:58:4a:b8:cf:d2" });
        Assert.Equal(JobState.Done, job.State);
        Assert.Contains("template", job.Steps.Single(s => s.Name == "pre-flight").Detail);
        Assert.Contains("NOT confirmed", job.Steps.Single(s => s.Name == "confirm MAC").Detail); // a fake chip prints no boot log
        Assert.True(RfCalibration.HasMagic(chip.Flash.AsSpan(0x1D0000, 0x1000)));
        Assert.Equal(StepState.Done, job.Steps.Single(s => s.Name == "factory dump").State); // unidentified chip: dumped first
    }

    [Theory]
    [InlineData("fc:58:4a:b8:cf:d2", true)]
    [InlineData("c8:47:8c:00:00:01", false)] // the firmware still reads another RF: the restore did not take
    public void Restore_rf_confirms_the_mac_the_firmware_prints_after_the_reboot(string printed, bool confirmed)
    {
        var chip = _connector.Add("/dev/ttyA", new FakeChip(mac: null)) ;
        chip.BootLog = $"\r\nInfo:MAIN:Main_Init_Before_Delay\r\nmac {printed}\r\n";
        var job = Run(new JobRequest { Port = "/dev/ttyA", Recipe = Recipe.RestoreRf, Mac = "fc:58:4a:b8:cf:d2" });
        if (confirmed)
        {
            Assert.Equal(JobState.Done, job.State);
            Assert.Equal("after the reboot the firmware reports MAC FC:58:4A:B8:CF:D2", job.Steps.Single(s => s.Name == "confirm MAC").Detail);
        }
        else
        {
            Assert.Equal(JobState.Failed, job.State);
            Assert.Contains($"reports MAC {printed.ToUpperInvariant()}, not FC:58:4A:B8:CF:D2", job.Error);
        }
    }
}
