using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.Flashing;
using BkTui.Tests.TestSupport;
using static BkTui.Tests.Firmware.TestFirmware;

namespace BkTui.Tests.Firmware;

/// <summary>
/// A mirror asset named as the BK7231N build whose content is a BK7231T build (new-user trial): the
/// real <c>bktui firmware get</c> against a loopback server refuses to cache it, and a cache that
/// already holds one (filled before the check existed) is told how to get rid of it by the flash
/// refusal, and rid of it by <c>firmware get</c>.
/// </summary>
public sealed class MislabelledBuildTests : IAsyncLifetime
{
    private const string Tag = "1.18.8";
    private const string AssetName = "OpenBK7231N_QIO_" + Tag + ".bin";
    private readonly LoopbackHttpServer _server = new();
    private readonly TempArchive _archive = new();

    /// <summary>A Tuya-key UA app whose code names its platform OpenBK7231T: the key suits an N, the family does not.</summary>
    private readonly byte[] _tBuild = FlashImageBuilder.App(
        new FlashImageSpec { Family = ChipFamily.BK7231T, Seed = 81, AppPayloadSize = 0x8000, AppBanner = "OpenBK7231T_" + Tag }, EfuseKey.Tuya);

    public Task InitializeAsync()
    {
        _server.Map("/releases", Reply.Json(Feed(new Release(Tag, "2025-08-01T00:00:00Z", false,
            new Asset(AssetName, _server.Url("/dl/n.bin").ToString(), _tBuild.Length)))));
        _server.Map("/dl/n.bin", Reply.Ok(_tBuild));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() { await _server.DisposeAsync(); _archive.Dispose(); }

    private static JsonElement Error(BktuiProcess.Result r)
    {
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
        return doc.RootElement.GetProperty("error").Clone();
    }

    [Fact]
    public void Get_refuses_to_cache_it_naming_the_asset_the_url_and_the_family_found()
    {
        var r = BktuiProcess.Run("firmware", "get", "--chip", "BK7231N", "--source", _server.Url("/releases").ToString(), "--archive", _archive.Root, "--json");
        Assert.True(r.ExitCode == 5, $"{r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        var message = Error(r).GetProperty("message").GetString()!;
        Assert.Equal("refused", Error(r).GetProperty("kind").GetString());
        Assert.Contains(AssetName, message);
        Assert.Contains(_server.Url("/dl/n.bin").ToString(), message);
        Assert.Contains("built for BK7231T", message);
        Assert.Contains("not cached", message);
        Assert.Contains(message, r.Stderr);
        Assert.Empty(CacheFiles(_archive.Root));
        using var cache = FirmwareCache.Open(_archive.Root);
        Assert.Empty(cache.List());
    }

    [Fact]
    public void A_cached_one_is_refused_by_flash_with_a_way_out_and_get_removes_it()
    {
        // As a cache filled before firmware get looked at the family: committed without the check.
        using (var cache = FirmwareCache.Open(_archive.Root))
        using (var staged = cache.Stage())
        {
            staged.Stream.Write(_tBuild);
            cache.Commit(staged, new CachedFirmware
            {
                Family = ChipFamily.BK7231N, Tag = Tag, AssetName = AssetName, SourceUrl = _server.Url("/dl/n.bin").ToString(),
                Sha256 = Sha256(_tBuild), Size = _tBuild.Length, DownloadedAt = DateTimeOffset.UtcNow, Key = "tuya", Kind = "app",
            });
        }

        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N);
        var flash = BktuiProcess.Run("run", "flash", "--port", sim.PtyPath, "--firmware-version", "latest", "--archive", _archive.Root, "--json");
        Assert.True(flash.ExitCode == 5, $"{flash.ExitCode}\n{flash.Stdout}\n{flash.Stderr}");
        var refusal = Error(flash).GetProperty("message").GetString()!;
        Assert.Contains($"the cached BK7231N build {AssetName}", refusal);
        Assert.Contains($"`bktui firmware get --chip BK7231N --version {Tag}` checks it again and removes it from the cache", refusal);
        Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);

        var offline = $"http://127.0.0.1:{LoopbackHttpServer.ClosedPort()}/releases";
        var get = BktuiProcess.Run("firmware", "get", "--chip", "BK7231N", "--version", Tag, "--source", offline, "--archive", _archive.Root);
        Assert.True(get.ExitCode == 5, $"{get.ExitCode}\n{get.Stdout}\n{get.Stderr}");
        Assert.Contains("built for BK7231T", get.Stderr);
        Assert.Contains("has been removed from it", get.Stderr);
        Assert.Empty(CacheFiles(_archive.Root));
        using var after = FirmwareCache.Open(_archive.Root);
        Assert.Empty(after.List());
    }
}
