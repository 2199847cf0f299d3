using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Identity;
using BkTui.Core.Jobs;
using BkTui.Core.Monitor;
using BkTui.Tests.Jobs;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Identity;

/// <summary>
/// The boot-log-mac identity (docs/identity.md): when the reboot step hears the device's ORIGINAL
/// firmware print a real MAC, that MAC becomes a key of the device — over real ptys, with the real
/// binary and a real SQLite archive. An unidentified board (placeholder RF, no Tuya storage) becomes
/// identified by it. Never from OpenBeken/LibreTiny/ESPHome, never a placeholder, never a key another
/// device owns. Before, the key was "reserved, not recorded automatically".
/// </summary>
public sealed class BootLogMacTests : IDisposable
{
    private const string VendorMac = "D8:1F:12:34:56:78";
    private static readonly MacAddress Placeholder = new(0xC8, 0x47, 0x8C, 0, 0, 0);
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    /// <summary>A zero-key BK7231M vendor board with no calibration and no Tuya storage: nothing in its flash identifies it.</summary>
    private static byte[] UnidentifiableImage(int seed) =>
        FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231M, Mac = Placeholder, IncludeTuyaKv = false, Seed = seed });

    private JsonElement RunJob(params string[] args)
    {
        var r = BktuiProcess.Run([.. args, "--archive", _bench.Store.Archive.Root, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().Single();
    }

    private (long Dump, string Reboot) BackupAndRestoreFactory(string port)
    {
        var backup = RunJob("run", "backup", "--port", port);
        var dump = backup.GetProperty("dumpId").GetInt64();
        var restore = RunJob("run", "restore-factory", "--port", port, "--dump", dump.ToString(), "--boot-listen", "4");
        Assert.Equal("Tuya IoT SDK", restore.GetProperty("boot").GetProperty("firmware").GetString());
        var reboot = restore.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "reboot");
        return (dump, reboot.GetProperty("detail").GetString()!);
    }

    [Fact]
    public void An_unidentified_board_is_identified_by_the_mac_its_original_firmware_prints()
    {
        var sim = _bench.Add(ChipFamily.BK7231M, 80, UnidentifiableImage(80), vendorMac: VendorMac);

        var (dump, reboot) = BackupAndRestoreFactory(sim.PtyPath);

        Assert.EndsWith($"MAC {VendorMac} recorded as this device's boot-log-mac", reboot);
        var device = _bench.Store.Archive.DeviceOfDump(dump);
        Assert.NotNull(device);
        var key = Assert.Single(device.Keys);
        Assert.Equal("mac:" + VendorMac, key.Key);
        Assert.Equal(IdentityEvidence.BootLogMac, key.Evidence);
        Assert.Equal(VendorMac, device.Mac);
        var devices = BktuiProcess.Run("dumps", "devices", "--archive", _bench.Store.Archive.Root);
        Assert.Contains("boot-log-mac", devices.Stdout);

        // From now on the board is known: Restore RF (no --mac) gives its RF sector that MAC (before: refused, no true MAC known).
        var rf = RunJob("run", "restore-rf", "--port", sim.PtyPath, "--boot-listen", "4");
        Assert.Equal(VendorMac, RfCalibration.TryParse(sim.Chip.Flash.Read(ChipProfiles.For(ChipFamily.BK7231M).RfOffset, 0x1000))?.Mac?.ToString());
        Assert.Equal(VendorMac, rf.GetProperty("boot").GetProperty("mac").GetString());
    }

    [Fact]
    public void A_placeholder_printed_by_the_original_firmware_identifies_nothing()
    {
        var sim = _bench.Add(ChipFamily.BK7231M, 81, UnidentifiableImage(81));

        var (dump, reboot) = BackupAndRestoreFactory(sim.PtyPath);

        Assert.DoesNotContain("recorded", reboot);
        Assert.Empty(_bench.Store.Archive.DeviceOfDump(dump)?.Keys ?? []);
    }

    [Fact]
    public void A_mac_another_archived_device_owns_is_never_moved_to_this_board()
    {
        var owner = _bench.Add(ChipFamily.BK7231N, 82);
        RunJob("run", "backup", "--port", owner.PtyPath);
        var owned = SimBench.MacFor(82).ToString();
        var sim = _bench.Add(ChipFamily.BK7231M, 83, UnidentifiableImage(83), vendorMac: owned);

        var (dump, reboot) = BackupAndRestoreFactory(sim.PtyPath);

        Assert.Contains($"MAC {owned} belongs to archived device", reboot);
        Assert.Empty(_bench.Store.Archive.DeviceOfDump(dump)?.Keys ?? []);
        var ownerDevice = _bench.Store.Archive.GetDevice(owned)!;
        Assert.DoesNotContain(ownerDevice.Keys, k => k.Evidence == IdentityEvidence.BootLogMac);
        Assert.Equal(1, ownerDevice.DumpCount);
    }

    [Theory]
    [InlineData("Tuya IoT SDK", "D8:1F:12:34:56:78", "D8:1F:12:34:56:78")]
    [InlineData("VeSync SDK 1.0.2", "FC:58:4A:B8:CF:D2", "FC:58:4A:B8:CF:D2")]
    [InlineData("Beken SDK 3.0.76", "D8:1F:12:34:56:78", "D8:1F:12:34:56:78")]
    [InlineData("OpenBeken", "D8:1F:12:34:56:78", null)]
    [InlineData("LibreTiny, ESPHome", "D8:1F:12:34:56:78", null)]
    [InlineData("Tuya IoT SDK, OpenBeken", "D8:1F:12:34:56:78", null)]
    [InlineData("Tuya IoT SDK", "C8:47:8C:00:00:01", null)]
    [InlineData(null, "D8:1F:12:34:56:78", null)]
    public void Only_a_real_mac_from_the_original_firmware_counts(string? firmware, string mac, string? counted)
    {
        var proof = new BootProof { Verdict = BootVerdict.Booted, Port = "/dev/null", Firmware = firmware, Mac = mac, Message = "" };
        Assert.Equal(counted, OriginalFirmware.MacOf(proof));
    }
}
