using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Simulator;
using BkTui.Tests.Compatibility;
using BkTui.Tests.Jobs;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Flashing;

/// <summary>
/// A bit flipped in the ADDRESS of an erase or write on its way to the chip (the virtual chip's
/// <c>addrflip</c> fault, over real ptys, the real binary and a real archive): the chip acts on another
/// place — here the bootloader — and echoes that address. The echo is evidence, never a stale frame:
/// the place is put back from the verified backup, and the whole flash ends as expected. Before, the
/// write ended with exit 6 and the bootloader sector erased ("restore it yourself").
/// </summary>
public sealed class MisdirectedAddressTests : IDisposable
{
    private const uint App = 0x11000;
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    private string Build() => _bench.File("OpenBK7231N_QIO_1.18.21.bin", GateImages.Build(ChipFamily.BK7231N));

    /// <summary>The chip's image with the build's app part (everything after the bootloader) written at 0x11000.</summary>
    private static byte[] Expected(byte[] before, byte[] build)
    {
        var e = (byte[])before.Clone();
        build.AsSpan((int)App).CopyTo(e.AsSpan((int)App));
        return e;
    }

    [Theory]
    // Bit 16 of the first erase (0x11000 → 0x01000): a sector of the bootloader is erased.
    [InlineData("addrflip@erase#1:16", 0x001000u)]
    // Bit 12 of the first FlashWrite4K (0x11000 → 0x10000): the app's first sector programmed over the bootloader's last.
    [InlineData("addrflip@write#1:12", 0x010000u)]
    public void Write_puts_back_the_place_a_damaged_address_hit_and_the_whole_flash_is_as_expected(string fault, uint hit)
    {
        var before = SimBench.Image(ChipFamily.BK7231N, 70);
        var sim = _bench.Add(ChipFamily.BK7231N, 70, before, faults: fault);
        var archive = _bench.Store.Archive.Root;
        var read = BktuiProcess.Run("read", "--port", sim.PtyPath, "--out", Path.Combine(_bench.Dir, "backup.bin"), "--archive", archive);
        Assert.True(read.ExitCode == 0, read.Stderr);
        var build = Build();

        var r = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", build, "--archive", archive);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(sim.Chip.FiredFaults, f => f.Kind == FaultKind.AddrFlip);
        Assert.Contains($"outside the range: {sim.PtyPath}: the chip answered the", r.Stderr);
        Assert.Contains($"for 0x{hit:X6}: it acted on", r.Stderr);
        Assert.True(r.Stderr.Contains("written back from dump #"), r.Stderr);
        Assert.Equal(Expected(before, File.ReadAllBytes(build)), sim.Chip.Flash.Snapshot());
    }

    /// <summary>The second flip lands inside the app range, in a chunk not written yet: the recipe's own write and verify cover it.</summary>
    [Fact]
    public void Run_flash_puts_back_the_bootloader_sector_and_says_so()
    {
        var before = SimBench.Image(ChipFamily.BK7231N, 71);
        var sim = _bench.Add(ChipFamily.BK7231N, 71, before, faults: "addrflip@erase#1:16,addrflip@write#2:20");
        var build = Build();

        var r = BktuiProcess.Run("run", "flash", "--port", sim.PtyPath, "--firmware", build, "--archive", _bench.Store.Archive.Root,
            "--boot-listen", "0", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(2, sim.Chip.FiredFaults.Count(f => f.Kind == FaultKind.AddrFlip));
        Assert.Contains("for 0x001000: it acted on", r.Stderr);
        Assert.Contains("for 0x112000: it acted on", r.Stderr);
        Assert.Contains("written back from dump #", r.Stderr);
        var job = JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().Single();
        var log = File.ReadAllText(job.GetProperty("log").GetString()!);
        Assert.Contains("outside the range: ", log);
        Assert.Equal(Expected(before, File.ReadAllBytes(build)), sim.Chip.Flash.Snapshot());
    }

    [Fact]
    public void Without_a_backup_the_write_fails_loudly_naming_port_place_and_what_to_do()
    {
        var before = SimBench.Image(ChipFamily.BK7231N, 72);
        var sim = _bench.Add(ChipFamily.BK7231N, 72, before, faults: "addrflip@erase#1:16");

        // Without --no-backup the write would take the factory dump first, and that would be the backup.
        var r = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", Build(), "--archive", _bench.Store.Archive.Root, "--no-backup");

        Assert.True(r.ExitCode == 6, r.Stderr);
        Assert.Contains(sim.PtyPath, r.Stderr);
        Assert.Contains("OUTSIDE the written range", r.Stderr);
        Assert.Contains("0x000000–0x00FFFF", r.Stderr);
        Assert.Contains("no backup of this device covers it", r.Stderr);
        Assert.Contains($"bktui run restore-factory --port {sim.PtyPath}", r.Stderr);
        Assert.DoesNotContain("written and verified", r.Stderr);
    }

    [Fact]
    public void A_read_reply_echoing_another_address_is_never_stored_as_the_sector_asked_for()
    {
        var before = SimBench.Image(ChipFamily.BK7231N, 73);
        // The 40th FlashRead4K goes to 0x0xx000 ^ 0x100000: the chip reads and echoes another sector.
        var sim = _bench.Add(ChipFamily.BK7231N, 73, before, faults: "addrflip@read#40:20");
        var output = Path.Combine(_bench.Dir, "read.bin");

        var r = BktuiProcess.Run("read", "--port", sim.PtyPath, "--out", output, "--no-archive");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(sim.Chip.FiredFaults, f => f.Kind == FaultKind.AddrFlip);
        Assert.Equal(before, File.ReadAllBytes(output));
    }
}
