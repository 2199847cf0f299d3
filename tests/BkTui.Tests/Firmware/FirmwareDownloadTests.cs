using BkTui.Core.Archive;
using BkTui.Core.Archive.Schema;
using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using static BkTui.Tests.Firmware.TestFirmware;

namespace BkTui.Tests.Firmware;

/// <summary>firmware get end to end against a loopback HTTP server of the test's own.</summary>
public sealed class FirmwareDownloadTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer _server = new();
    private readonly TempArchive _archive = new();
    private readonly byte[] _nImage = Full("tuya", seed: 3);
    private readonly byte[] _mImage = Full("zero", seed: 4);
    private readonly byte[] _tImage = App("tuya", seed: 5);

    private static readonly FirmwareHttpOptions Fast = new()
    {
        // Generous: the test machine is shared and busy. Only the stall test shortens the idle timeout.
        ConnectTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(10),
        FeedTimeout = TimeSpan.FromSeconds(30), DownloadTimeout = TimeSpan.FromSeconds(30), MaxRedirects = 3,
    };

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() { _cache?.Dispose(); await _server.DisposeAsync(); _archive.Dispose(); }

    private FirmwareCatalog Catalog(string feedPath = "/releases", FirmwareHttpOptions? options = null) =>
        new(_server.Url(feedPath).ToString(), options ?? Fast);
    private FirmwareCache? _cache;
    private FirmwareCache Cache() => _cache ??= FirmwareCache.Open(_archive.Root);

    /// <summary>One release with N, M and T files; the asset paths can be overridden per test.</summary>
    private void ServeFeed(string nPath = "/dl/n.bin", long? nSize = null, string? nDigest = "auto", string mPath = "/dl/m.bin", string tPath = "/dl/t.bin")
    {
        _server.Map("/releases", Reply.Json(Feed(new Release("1.18.5", "2025-06-01T00:00:00Z", false,
            new Asset("OpenBK7231N_QIO_1.18.5.bin", _server.Url(nPath).ToString(), nSize ?? _nImage.Length, nDigest == "auto" ? "sha256:" + Sha256(_nImage) : nDigest),
            new Asset("OpenBK7231N_1.18.5.rbl", _server.Url("/dl/n.rbl").ToString(), 10),
            new Asset("OpenBK7231M_QIO_1.18.5.bin", _server.Url(mPath).ToString(), _mImage.Length),
            new Asset("OpenBK7231T_UA_1.18.5.bin", _server.Url(tPath).ToString(), _tImage.Length)))));
        _server.Map("/dl/n.bin", Reply.Ok(_nImage));
        _server.Map("/dl/m.bin", Reply.Ok(_mImage));
        _server.Map("/dl/t.bin", Reply.Ok(_tImage));
    }

    private async Task<FirmwareException> GetFails(ChipFamily family, FirmwareError expected, FirmwareHttpOptions? options = null)
    {
        using var catalog = Catalog(options: options);
        var e = await Assert.ThrowsAsync<FirmwareException>(() => catalog.GetAsync(family, null, Cache()));
        Assert.Equal(expected, e.Error);
        Assert.Empty(CacheFiles(_archive.Root));
        Assert.Empty(Cache().List());
        return e;
    }

    [Fact]
    public async Task DownloadsChecksDigestAndCachesWithProvenance()
    {
        ServeFeed();
        using var catalog = Catalog();
        var seen = new List<DownloadProgress>();
        var result = await catalog.GetAsync(ChipFamily.BK7231N, "latest", Cache(), new SyncProgress(seen.Add));

        var b = result.Build;
        Assert.False(result.FromCache);
        Assert.Equal(Sha256(_nImage), b.Sha256);
        Assert.Equal(Path.Combine(_archive.Root, "firmware", b.Sha256 + ".bin"), b.Path);
        Assert.Equal(_nImage, File.ReadAllBytes(b.Path));
        Assert.Equal(("1.18.5", "OpenBK7231N_QIO_1.18.5.bin", "tuya", "qio"), (b.Tag, b.AssetName, b.Key, b.Kind));
        Assert.Equal(_server.Url("/dl/n.bin").ToString(), b.SourceUrl);
        Assert.Contains($"OpenBK7231N_QIO_1.18.5.bin (1.18.5, tuya key, sha256 {b.Sha256}", b.Summary);
        Assert.Equal(_nImage.Length, seen[^1].Done);
        Assert.Equal(_nImage.Length, seen[^1].Total);

        // The flash recipe finds it by family and version; a second get does not download again.
        Assert.Equal(b.Sha256, Cache().Find(ChipFamily.BK7231N, "1.18.5")!.Sha256);
        Assert.Equal(b.Sha256, Cache().Find(ChipFamily.BK7231N, "latest")!.Sha256);
        Assert.Null(Cache().Find(ChipFamily.BK7231M, "latest"));
        var again = await catalog.GetAsync(ChipFamily.BK7231N, "1.18.5", Cache());
        Assert.True(again.FromCache);
        Assert.Equal(1, _server.Hits("/dl/n.bin"));
        Assert.Equal([b.Sha256 + ".bin"], CacheFiles(_archive.Root));

        // The provenance is a row of the archive database: another opener of the archive sees it.
        using var archive = DumpArchive.Open(_archive.Root);
        Assert.Equal(Migrations.Latest, archive.SchemaVersion);
        using var other = FirmwareCache.Open(archive);
        var row = Assert.Single(other.List());
        Assert.Equal(b with { DownloadedAt = row.DownloadedAt }, row);
        Assert.Equal(b.DownloadedAt.ToUnixTimeMilliseconds(), row.DownloadedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task ZeroKeyBuildIsAcceptedForBK7231MAndAppBuildForT()
    {
        ServeFeed();
        using var catalog = Catalog();
        var m = await catalog.GetAsync(ChipFamily.BK7231M, null, Cache());
        Assert.Equal(("zero", "qio"), (m.Build.Key, m.Build.Kind));
        var t = await catalog.GetAsync(ChipFamily.BK7231T, null, Cache());
        Assert.Equal(("tuya", "app"), (t.Build.Key, t.Build.Kind));
        Assert.Equal(2, Cache().List().Count);
    }

    [Fact]
    public async Task FollowsRedirects()
    {
        ServeFeed(nPath: "/r1");
        _server.Map("/r1", Reply.Redirect("/r2"));
        _server.Map("/r2", Reply.Redirect(_server.Url("/dl/n.bin").ToString()));
        using var catalog = Catalog();
        var result = await catalog.GetAsync(ChipFamily.BK7231N, null, Cache());
        Assert.Equal(Sha256(_nImage), result.Build.Sha256);
        Assert.Equal(1, _server.Hits("/r2"));
    }

    [Fact]
    public async Task RedirectLoopIsBounded()
    {
        ServeFeed(nPath: "/loop");
        _server.Map("/loop", Reply.Redirect("/loop"));
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.HttpStatus);
        Assert.Contains("more than 3 redirects", e.Message);
        Assert.InRange(_server.Hits("/loop"), 2, 4);
    }

    [Fact]
    public async Task TruncatedBodyLeavesNothing()
    {
        ServeFeed();
        _server.Map("/dl/n.bin", Reply.Ok(_nImage) with { TruncateAt = _nImage.Length / 2 });
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.Network);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public async Task WrongDigestLeavesNothing()
    {
        ServeFeed(nDigest: "sha256:" + new string('0', 64));
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.Integrity);
        Assert.Contains("does not match the release's digest", e.Message);
    }

    [Fact]
    public async Task SizeDifferentFromTheReleaseListingIsRefused()
    {
        ServeFeed(nSize: 1234, nDigest: null);
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.Integrity);
        Assert.Contains("release lists 1234", e.Message);
    }

    [Fact]
    public async Task MissingAssetIs404AndLeavesNothing()
    {
        ServeFeed(nPath: "/gone.bin");
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.NotFound);
        Assert.Contains("404", e.Message);
    }

    [Fact]
    public async Task MissingFeedIs404()
    {
        using var catalog = Catalog("/nope");
        var e = await Assert.ThrowsAsync<FirmwareException>(() => catalog.ListReleasesAsync());
        Assert.Equal(FirmwareError.NotFound, e.Error);
    }

    [Fact]
    public async Task StalledServerHitsTheIdleTimeout()
    {
        ServeFeed();
        _server.Map("/dl/n.bin", Reply.Ok(_nImage) with { StallAfter = 4096 });
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.Network, Fast with { IdleTimeout = TimeSpan.FromSeconds(1) });
        Assert.Contains("timed out", e.Message);
        Assert.Contains("after 4096 bytes", e.Message);
    }

    [Fact]
    public async Task TricklingServerHitsTheOverallTimeout()
    {
        ServeFeed();
        _server.Map("/dl/n.bin", Reply.Ok(_nImage) with { TrickleMs = 20 }); // would take about 25 s
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.Network, Fast with { DownloadTimeout = TimeSpan.FromSeconds(1.5) });
        Assert.Contains("took longer than 1.5 s", e.Message);
    }

    [Fact]
    public async Task NotAFirmwareIsRefused()
    {
        ServeFeed(nDigest: null);
        var junk = new byte[_nImage.Length];
        new Random(9).NextBytes(junk);
        _server.Map("/dl/n.bin", Reply.Ok(junk));
        var e = await GetFails(ChipFamily.BK7231N, FirmwareError.NotFirmware);
        Assert.Contains("not a BK72xx firmware image", e.Message);
    }

    [Fact]
    public async Task TuyaKeyBuildForBK7231MIsRefusedWithAHint()
    {
        ServeFeed(mPath: "/dl/n.bin"); // the release mislabels an N (Tuya-key) build as M
        var e = await GetFails(ChipFamily.BK7231M, FirmwareError.WrongKey);
        Assert.Contains("tuya-key build but BK7231M needs the zero key", e.Message);
        Assert.Contains("bktui image convert", e.Message);
    }

    [Fact]
    public async Task RateLimitSaysSo()
    {
        var limited = Reply.Code(403);
        limited.Headers["X-RateLimit-Remaining"] = "0";
        limited.Headers["X-RateLimit-Reset"] = "1767225600"; // 2026-01-01 00:00 UTC
        _server.Map("/releases", limited);
        using var catalog = Catalog();
        var e = await Assert.ThrowsAsync<FirmwareException>(() => catalog.ListReleasesAsync());
        Assert.Equal(FirmwareError.RateLimited, e.Error);
        Assert.Contains("rate limit is used up", e.Message);
        Assert.Contains("00:00 UTC", e.Message);
    }

    [Fact]
    public async Task OfflineTheCacheAnswersAndWithoutItTheErrorIsNetwork()
    {
        ServeFeed();
        using (var catalog = Catalog())
            await catalog.GetAsync(ChipFamily.BK7231M, "latest", Cache());

        using var offline = new FirmwareCatalog($"http://127.0.0.1:{LoopbackHttpServer.ClosedPort()}/releases", Fast);
        var result = await offline.GetAsync(ChipFamily.BK7231M, "latest", Cache());
        Assert.True(result.FromCache);
        Assert.Contains("cache", result.Note);
        Assert.Equal(Sha256(_mImage), result.Build.Sha256);

        var e = await Assert.ThrowsAsync<FirmwareException>(() => offline.GetAsync(ChipFamily.BK7231T, "latest", Cache()));
        Assert.Equal(FirmwareError.Network, e.Error);
        Assert.Contains("No cached BK7231T build", e.Message);
    }

    [Fact]
    public async Task ACorruptedCachedFileIsNotOffered()
    {
        ServeFeed();
        using var catalog = Catalog();
        var got = await catalog.GetAsync(ChipFamily.BK7231N, null, Cache());
        var bytes = File.ReadAllBytes(got.Build.Path);
        bytes[100] ^= 0xFF;
        File.WriteAllBytes(got.Build.Path, bytes);
        Assert.Null(Cache().Find(ChipFamily.BK7231N, "latest"));
        var again = await catalog.GetAsync(ChipFamily.BK7231N, null, Cache()); // downloads a good copy
        Assert.False(again.FromCache);
        Assert.Equal(_nImage, File.ReadAllBytes(again.Build.Path));
    }

    [Fact]
    public async Task LocalPathAndFileUrlSourcesWork()
    {
        var dir = Path.Combine(_archive.Root, "mirror");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "OpenBK7231T_UA_2.0.bin"), _tImage);
        var feed = Path.Combine(dir, "releases.json");
        File.WriteAllText(feed, Feed(new Release("2.0", "2025-01-01T00:00:00Z", false, new Asset("OpenBK7231T_UA_2.0.bin", "OpenBK7231T_UA_2.0.bin", _tImage.Length))));

        using var byPath = new FirmwareCatalog(feed, Fast);
        Assert.Equal("2.0", (await byPath.ListReleasesAsync()).Single().Tag);
        using var byUrl = new FirmwareCatalog(new Uri(feed).ToString(), Fast);
        var got = await byUrl.GetAsync(ChipFamily.BK7231T, "2.0", Cache());
        Assert.Equal(Sha256(_tImage), got.Build.Sha256);

        using var missing = new FirmwareCatalog(Path.Combine(dir, "absent.json"), Fast);
        Assert.Equal(FirmwareError.NotFound, (await Assert.ThrowsAsync<FirmwareException>(() => missing.ListReleasesAsync())).Error);
    }

    [Fact]
    public async Task FullDiskIsAClearError()
    {
        ServeFeed();
        using var transport = new FirmwareTransport(Fast);
        var e = await Assert.ThrowsAsync<FirmwareException>(() => transport.DownloadAsync(_server.Url("/dl/n.bin"), new FullDiskStream(), null, null, default));
        Assert.Equal(FirmwareError.DiskFull, e.Error);
        Assert.Contains("No space left", e.Message);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records synchronously and in order.</summary>
    private sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }

    /// <summary>A destination that fails like a full disk (ENOSPC = 28) on the first write.</summary>
    private sealed class FullDiskStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) =>
            throw new IOException("No space left on device", 28);
    }
}
