using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Tests.Firmware;

namespace BkTui.Tests.Jobs;

/// <summary>The flash recipe picks a cached OpenBeken build by family and version and records which one it wrote.</summary>
public sealed class FlashFromCacheTests : IDisposable
{
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task Flash_by_version_writes_the_cached_build_for_the_chips_family_and_records_it()
    {
        var n = _bench.Add(ChipFamily.BK7231N, 21);
        var qio = FlashImageBuilder.Qio(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 91, AppBanner = "OpenBK7231N 1.18" }, EfuseKey.Tuya);
        var mirror = Path.Combine(_bench.Dir, "mirror");
        Directory.CreateDirectory(mirror);
        File.WriteAllBytes(Path.Combine(mirror, "OpenBK7231N_QIO_1.18.bin"), qio);
        var feed = Path.Combine(mirror, "releases.json");
        File.WriteAllText(feed, TestFirmware.Feed(new TestFirmware.Release("1.18", "2026-01-01T00:00:00Z", false,
            new TestFirmware.Asset("OpenBK7231N_QIO_1.18.bin", "OpenBK7231N_QIO_1.18.bin", qio.Length))));
        using (var catalog = new FirmwareCatalog(feed))
        using (var cache = FirmwareCache.Open(_bench.Store.Archive))
            await catalog.GetAsync(ChipFamily.BK7231N, "latest", cache);

        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Flash, FirmwareVersion = "latest" });

        Assert.True(job.State == JobState.Done, job.Error);
        Assert.Equal(qio.AsSpan(0x11000).ToArray(), n.Chip.Flash.Snapshot().AsSpan(0x11000, qio.Length - 0x11000).ToArray());
        var recorded = _bench.Store.Archive.Jobs.Get(job.Id)!.Firmware;
        Assert.Contains("OpenBK7231N_QIO_1.18.bin", recorded);
        Assert.Contains("1.18", recorded);
        Assert.Contains(TestFirmware.Sha256(qio), recorded);
    }

    [Fact]
    public void Flash_by_version_without_a_cached_build_fails_before_writing_and_says_how_to_fetch_one()
    {
        var n = _bench.Add(ChipFamily.BK7231N, 22);
        var before = n.Chip.Flash.Snapshot();
        using var q = _bench.Queue();
        var job = SimBench.Run(q, new JobRequest { Port = n.PtyPath, Recipe = Recipe.Flash, FirmwareVersion = "9.99" });

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("bktui firmware get --chip BK7231N --version 9.99", job.Error);
        Assert.Equal(before, n.Chip.Flash.Snapshot());
    }

    [Fact]
    public void A_flash_request_needs_exactly_one_of_a_file_or_a_version()
    {
        Assert.NotNull(new JobRequest { Port = "p", Recipe = Recipe.Flash }.Problem());
        Assert.NotNull(new JobRequest { Port = "p", Recipe = Recipe.Flash, FirmwarePath = "f", FirmwareVersion = "latest" }.Problem());
        Assert.Null(new JobRequest { Port = "p", Recipe = Recipe.Flash, FirmwareVersion = "latest" }.Problem());
    }
}
