using BkTui.Core.Chips;

namespace BkTui.Core.Firmware;

/// <summary>The outcome of <see cref="FirmwareCatalog.GetAsync"/>: the build, and whether the cache answered.</summary>
public sealed record FirmwareGetResult(CachedFirmware Build, bool FromCache, string? Note);

/// <summary>
/// OpenBeken releases from a GitHub-releases-shaped feed (the official API, a mirror URL, or a
/// local JSON file), and the right build for a chip family: chosen, downloaded, checked (size,
/// digest, image kind and key) and stored in the archive's firmware cache.
/// </summary>
public sealed class FirmwareCatalog : IDisposable
{
    private readonly FirmwareTransport _transport;

    public FirmwareCatalog(string? source = null, FirmwareHttpOptions? options = null)
    {
        Source = FirmwareHttpOptions.ParseSource(source);
        _transport = new FirmwareTransport(options);
    }

    public Uri Source { get; }

    /// <summary>Every release in the feed, in feed order.</summary>
    public async Task<IReadOnlyList<FirmwareRelease>> ListReleasesAsync(CancellationToken ct = default)
    {
        var json = await _transport.GetFeedAsync(Source, ct);
        return ReleaseFeedParser.Parse(json, Source);
    }

    /// <summary>
    /// The build for <paramref name="family"/> at <paramref name="version"/> ("latest" or a tag).
    /// Uses the cached copy when the same asset is already there; when the network fails, answers
    /// from the cache (<see cref="FirmwareGetResult.FromCache"/>) or rethrows if nothing is cached.
    /// </summary>
    public async Task<FirmwareGetResult> GetAsync(ChipFamily family, string? version, FirmwareCache cache,
        IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        FirmwareChoice choice;
        try
        {
            choice = AssetSelector.Choose(await ListReleasesAsync(ct), family, version);
        }
        catch (FirmwareException e) when (e.IsOffline)
        {
            return FromCacheOrThrow(cache, family, version, e);
        }

        if (cache.FindAsset(family, choice.Release.Tag, choice.Asset.Name) is { } have
            && (choice.Asset.Sha256 is null || choice.Asset.Sha256 == have.Sha256))
            return new FirmwareGetResult(cache.Recheck(have), true, $"{choice.Asset.Name} was already in the cache (sha256 and content verified).");

        try
        {
            return new FirmwareGetResult(await DownloadAsync(choice, cache, progress, ct), false, null);
        }
        catch (FirmwareException e) when (e.IsOffline)
        {
            return FromCacheOrThrow(cache, family, choice.Release.Tag, e);
        }
    }

    private async Task<CachedFirmware> DownloadAsync(FirmwareChoice choice, FirmwareCache cache,
        IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var asset = choice.Asset;
        using var staged = cache.Stage();
        var got = await _transport.DownloadAsync(asset.DownloadUrl, staged.Stream, asset.Size, progress, ct);
        if (asset.Sha256 is { } want && want != got.Sha256)
            throw new FirmwareException(FirmwareError.Integrity,
                $"{asset.Name}: sha256 {got.Sha256} does not match the release's digest {want}; the file was corrupted or replaced. Not kept.");
        var image = staged.ReadAll(_transport.Options.MaxAssetBytes);
        var verdict = FirmwareImageCheck.Check(choice.Family, image, asset.Name, asset.DownloadUrl.ToString());
        var entry = new CachedFirmware
        {
            Family = choice.Family, Tag = choice.Release.Tag, AssetName = asset.Name,
            SourceUrl = asset.DownloadUrl.ToString(), FeedUrl = Source.ToString(),
            Sha256 = got.Sha256, Size = got.Length, DownloadedAt = DateTimeOffset.UtcNow,
            PublishedAt = choice.Release.PublishedAt, Key = verdict.Key, Kind = FirmwareImageCheck.KindName(verdict),
        };
        return cache.Commit(staged, entry);
    }

    private static FirmwareGetResult FromCacheOrThrow(FirmwareCache cache, ChipFamily family, string? version, FirmwareException e)
    {
        var cached = cache.Find(family, version);
        if (cached is null)
            throw new FirmwareException(e.Error, $"{e.Message} No cached {family} build ({version ?? AssetSelector.Latest}) to fall back on.", e);
        return new FirmwareGetResult(cache.Recheck(cached), true, $"Answered from the cache: {e.Message}");
    }

    public void Dispose() => _transport.Dispose();
}
