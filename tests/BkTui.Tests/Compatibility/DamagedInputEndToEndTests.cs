using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.Jobs;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Compatibility;

/// <summary>
/// Issue 11 item 7 with the real binary and virtual chips: truncated or damaged images are refused
/// (exit 7) before a byte is sent; inputs that are not regular files get a true error at once.
/// </summary>
public sealed class DamagedInputEndToEndTests : IDisposable
{
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    private static readonly FlashImageSpec N = new() { Family = ChipFamily.BK7231N, Seed = 31, AppBanner = "OpenBK7231N_1.18.21" };

    [Fact]
    public void A_qio_image_cut_at_one_and_a_half_mib_is_refused_by_write()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 70);
        var cut = _bench.File("OpenBK7231N_QIO_cut.bin", FlashImageBuilder.Build(N)[..0x180000]);
        var r = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", cut);
        Assert.True(r.ExitCode == 7, r.Stderr);
        Assert.Contains("incomplete or damaged", r.Stderr);
        Assert.Contains("--start 0x11000", r.Stderr); // how to force a raw write, said plainly
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
    }

    [Fact]
    public void An_app_cut_mid_crc16_block_is_refused_by_run_flash()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 71);
        var app = FlashImageBuilder.App(N, EfuseKey.Tuya);
        var cut = _bench.File("OpenBK7231N_UA_cut.bin", app[..(app.Length - 20)]);
        var r = BktuiProcess.Run("run", "flash", "--port", sim.PtyPath, "--firmware", cut, "--archive", _bench.Store.Archive.Root);
        Assert.True(r.ExitCode == 7, r.Stderr + r.Stdout);
        Assert.Contains("middle of a CRC-16 block", r.Stdout + r.Stderr);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
    }

    [Fact]
    public void A_whole_dump_with_a_zeroed_range_is_refused_by_write()
    {
        var sim = _bench.Add(ChipFamily.BK7231N, 72);
        var dump = FlashImageBuilder.Build(N with { Mac = SimBench.MacFor(72) });
        dump.AsSpan(0x140000, 0x3000).Clear();
        var r = BktuiProcess.Run("write", "--port", sim.PtyPath, "--in", _bench.File("zeroed.bin", dump));
        Assert.True(r.ExitCode == 7, r.Stderr);
        Assert.Contains("zero bytes from 0x140000", r.Stderr);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
    }

    private string Fifo()
    {
        var path = Path.Combine(_bench.Dir, "pipe.bin");
        using var mk = Process.Start("mkfifo", [path])!;
        mk.WaitForExit();
        Assert.Equal(0, mk.ExitCode);
        return path;
    }

    [Fact]
    public void A_fifo_with_no_writer_is_named_as_such_and_nothing_blocks()
    {
        var fifo = Fifo();
        foreach (var args in new[]
                 {
                     new[] { "analyze", fifo },
                     ["image", "convert", fifo, "--to-key", "zero", "--out", Path.Combine(_bench.Dir, "out.bin")],
                     ["write", "--port", "/dev/bktui-no-such-port", "--in", fifo],
                 })
        {
            var r = BktuiProcess.Run(args); // bounded: throws if it blocks for 60 s
            Assert.True(r.ExitCode == 7, $"{args[0]}: {r.ExitCode} {r.Stderr}");
            Assert.Contains("is a FIFO", r.Stderr);
        }
    }

    [Theory]
    [InlineData("dir", "is a directory")]
    [InlineData("/dev/zero", "is a character device")]
    public void A_directory_or_a_device_gets_a_true_error(string input, string expected)
    {
        var path = input == "dir" ? _bench.Dir : input;
        foreach (var args in new[] { new[] { "analyze", path }, ["write", "--port", "/dev/bktui-no-such-port", "--in", path] })
        {
            var r = BktuiProcess.Run(args);
            Assert.True(r.ExitCode == 7, $"{args[0]}: {r.ExitCode} {r.Stderr}");
            Assert.Contains(expected, r.Stderr);
        }
    }
}
