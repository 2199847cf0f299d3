using System.Text;
using BkTui.Core.Monitor;
using BkTui.Tests.Protocol;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Monitor;

/// <summary>The boot-log reading after a reboot, over a scripted link (the pty cases are in Jobs/BootProofEndToEndTests).</summary>
public sealed class BootListenerTests
{
    private static readonly BootListenOptions Quick = new() { Duration = TimeSpan.FromSeconds(1.5), Settle = TimeSpan.Zero };

    private static BootProof Hear(string text, BootListenOptions? options = null, bool onLogPort = false) =>
        BootListener.Listen(new ScriptedLink(Encoding.Latin1.GetBytes(text)), options ?? Quick, onLogPort, CancellationToken.None);

    private const string Banner = "\r\n        BK7231n_1.0.11\r\nREG:cpsr        spsr        r13         r14\r\n";

    [Fact]
    public void OpenBeken_with_version_and_mac_is_booted()
    {
        var p = Hear(Banner + "go os_addr(0x10000)..........\r\nOpenBK7231N, version 1.18.21\r\nInfo:MAIN:Main_Init_Before_Delay\r\nmac c8:47:8c:10:20:05\r\n");
        Assert.Equal(BootVerdict.Booted, p.Verdict);
        Assert.Equal("OpenBeken 1.18.21", p.Version);
        Assert.Equal("C8:47:8C:10:20:05", p.Mac);
        Assert.Equal("BK7231n_1.0.11", p.Bootloader);
        Assert.False(p.MacIsPlaceholder);
        Assert.StartsWith("OpenBeken 1.18.21 started, MAC C8:47:8C:10:20:05", p.Message);
    }

    [Fact]
    public void The_seed_zero_key_boot_reads_as_openbeken_with_its_mac()
    {
        var text = SharedSeeds.Load("bk7231m-zero-key-flashing.txt")?.Replace('\u00a0', ' ');
        if (text is null) return; // seeds not present on this machine
        var from = text.IndexOf("BK7231n_1.0.11", StringComparison.Ordinal);
        var to = text.IndexOf("Info:MAIN:Time 8,", from, StringComparison.Ordinal);
        var p = Hear(text[from..to]);
        Assert.Equal(BootVerdict.Booted, p.Verdict);
        Assert.Contains("OpenBeken", p.Firmware);
        Assert.Equal("C8:47:8C:00:00:01", p.Mac);
        Assert.True(p.AppVerifyFailed); // the RT-Thread loader complains, then jumps anyway
    }

    [Fact]
    public void A_placeholder_mac_is_flagged_with_restore_rf()
    {
        var p = Hear(Banner + "OpenBK7231N, version 1.18.21\r\nmac c8:47:8c:00:00:00\r\n");
        Assert.Equal(BootVerdict.Booted, p.Verdict);
        Assert.True(p.MacIsPlaceholder);
        Assert.Contains("restore-rf", p.Message);
    }

    [Fact]
    public void Esphome_on_libretiny_with_colour_codes_is_booted()
    {
        var p = Hear(Banner + "I [      0.002] LibreTiny v1.7.0 on BK7231N, compiled at Jan  1 2025\r\n" +
                     "\u001b[0;32m[I][app:029]: Running through setup()...\u001b[0m\r\n" +
                     "\u001b[0;35m[C][wifi:443]:   MAC Address: C8:47:8C:10:20:07\u001b[0m\r\n" +
                     "\u001b[0;35m[C][app:100]: ESPHome version 2024.6.1 compiled on Jan  1 2025\u001b[0m\r\n");
        Assert.Equal(BootVerdict.Booted, p.Verdict);
        Assert.Equal("LibreTiny, ESPHome", p.Firmware);
        Assert.Equal("ESPHome 2024.6.1", p.Version);
        Assert.Equal("C8:47:8C:10:20:07", p.Mac);
    }

    [Fact]
    public void Tuya_sdk_banner_is_booted()
    {
        var p = Hear(Banner + "[01-01 00:00:00 TUYA Notice][tuya_main.c:97] < TUYA IOT SDK V:2.3.1 BS:40.00_PT:2.2_LAN:3.3 >\r\nmac c8:47:8c:10:20:09\r\n");
        Assert.Equal(BootVerdict.Booted, p.Verdict);
        Assert.Equal("Tuya IoT SDK 2.3.1", p.Version);
    }

    [Fact]
    public void Repeated_banners_are_a_boot_loop_and_say_app_verify_failed()
    {
        var once = Banner + "[E/OTA] (ota_main:171) App verify failed! Need to recovery factory firmware.\r\n";
        var p = Hear(once + once + once + once);
        Assert.Equal(BootVerdict.BootLoop, p.Verdict);
        Assert.True(p.DoesNotRun);
        Assert.True(p.Banners >= 3, $"{p.Banners} banners");
        Assert.Contains("App verify failed", p.Message);
    }

    [Fact]
    public void One_banner_and_a_rejected_app_is_app_invalid()
    {
        var p = Hear(Banner + "[E/OTA] (ota_main:171) App verify failed! Need to recovery factory firmware.\r\n", Quick with { Duration = TimeSpan.FromSeconds(0.5) });
        Assert.Equal(BootVerdict.AppInvalid, p.Verdict);
        Assert.True(p.DoesNotRun);
    }

    [Fact]
    public void Banner_alone_is_not_a_proof_and_points_at_tx2()
    {
        var p = Hear(Banner + "go os_addr(0x10000)..........\r\n", Quick with { Duration = TimeSpan.FromSeconds(0.5) });
        Assert.Equal(BootVerdict.BootloaderOnly, p.Verdict);
        Assert.False(p.Booted);
        Assert.Contains("TX2", p.Message);
    }

    [Fact]
    public void Silence_on_the_flashing_port_says_so_and_names_the_log_port_option()
    {
        var p = Hear("", Quick with { Duration = TimeSpan.FromSeconds(0.3) });
        Assert.Equal(BootVerdict.Silent, p.Verdict);
        Assert.Contains("no boot log on", p.Message);
        Assert.Contains("--log-port", p.Message);
        Assert.DoesNotContain("runs", p.Message);
    }

    [Fact]
    public void Silence_on_a_log_port_blames_the_wire_or_power()
    {
        var p = Hear("", Quick with { Duration = TimeSpan.FromSeconds(0.3) }, onLogPort: true);
        Assert.Equal(BootVerdict.Silent, p.Verdict);
        Assert.Contains("TX2 wire", p.Message);
    }

    [Fact]
    public void Noise_is_garbled_not_booted()
    {
        var noise = Encoding.Latin1.GetString(Enumerable.Range(0, 300).Select(i => (byte)(0x80 + i * 37 % 0x7F)).ToArray());
        var p = Hear(noise, Quick with { Duration = TimeSpan.FromSeconds(0.5) });
        Assert.Equal(BootVerdict.Garbled, p.Verdict);
        Assert.Contains("another baud", p.Message);
    }

    [Fact]
    public void Zero_duration_does_not_listen()
    {
        var p = Hear(Banner, Quick with { Duration = TimeSpan.Zero });
        Assert.Equal(BootVerdict.NotChecked, p.Verdict);
        Assert.Equal(0, p.Bytes);
    }
}
