using System.CommandLine;
using BkTui.Core.Chips;
using BkTui.Core.Firmware;

namespace BkTui.Cli;

/// <summary><c>bktui firmware list</c>: releases and the UART-flashable file per family; the cache when offline.</summary>
internal static class FirmwareListCommand
{
    private static readonly ChipFamily[] Families = Enum.GetValues<ChipFamily>().Where(f => f != ChipFamily.Unknown).ToArray();

    public static Command Create()
    {
        var source = FirmwareCommand.SourceOption();
        var archive = FirmwareCommand.ArchiveOption();
        var json = FirmwareCommand.JsonOption();
        var cmd = new Command("list", "List releases and the build each chip family would get; offline, list the cached builds.");
        cmd.Options.Add(source);
        cmd.Options.Add(archive);
        cmd.Options.Add(json);
        cmd.SetAction(async (pr, ct) =>
        {
            var asJson = pr.GetValue(json);
            try
            {
                using var catalog = new FirmwareCatalog(pr.GetValue(source));
                try
                {
                    var releases = AssetSelector.NewestFirst(await catalog.ListReleasesAsync(ct));
                    if (asJson) CliJson.Write(new ReleasesJson(true, catalog.Source, false, releases.Select(ToJson).ToList()));
                    else PrintReleases(catalog.Source, releases);
                    return ExitCodes.Ok;
                }
                catch (FirmwareException e) when (e.IsOffline)
                {
                    if (pr.GetValue(archive) is { } given && !Directory.Exists(given))
                    {
                        return CliFailure.Say("firmware list", ExitCodes.ArchiveError, $"{e.Message} No archive at {given} either: the folder does not exist (nothing was created).");
                    }
                    using var cache = FirmwareCache.Open(FirmwareCommand.ArchiveRoot(pr.GetValue(archive)));
                    var cached = cache.List();
                    if (cached.Count == 0)
                        throw new FirmwareException(e.Error, $"{e.Message} The firmware cache is empty too, so there is nothing to list; once online, cache a build with `bktui firmware get --chip BK7231N` (or your chip's family).", e);
                    var note = $"offline, listing the cache: {e.Message}";
                    if (asJson) CliJson.Write(new CachedListJson(true, catalog.Source, true, note, cached));
                    else PrintCache(note, cached);
                    return ExitCodes.Ok;
                }
            }
            catch (FirmwareException e)
            {
                return FirmwareCommand.Fail(e, "firmware list");
            }
        });
        return cmd;
    }

    private static ReleaseJson ToJson(FirmwareRelease r) => new(r.Tag, r.Name, r.PublishedAt, r.Prerelease,
        Families.Select(f => (f, a: AssetSelector.AssetFor(r, f))).Where(x => x.a is not null).ToDictionary(x => x.f.ToString(), x => x.a!.Name),
        r.Assets.Select(a => new AssetJson(a.Name, a.Size, a.DownloadUrl, a.Digest)).ToList());

    internal sealed record ReleasesJson(bool Ok, Uri Source, bool FromCache, IReadOnlyList<ReleaseJson> Releases);

    internal sealed record CachedListJson(bool Ok, Uri Source, bool FromCache, string Note, IReadOnlyList<CachedFirmware> Cached);

    internal sealed record ReleaseJson(string Tag, string? Name, DateTimeOffset? PublishedAt, bool Prerelease,
        Dictionary<string, string> Builds, IReadOnlyList<AssetJson> Assets);

    internal sealed record AssetJson(string Name, long? Size, Uri Url, string? Digest);

    private static void PrintReleases(Uri source, IReadOnlyList<FirmwareRelease> releases)
    {
        Console.WriteLine($"{releases.Count} releases from {source}");
        foreach (var r in releases)
        {
            var date = r.PublishedAt?.ToString("yyyy-MM-dd") ?? "?";
            var families = Families.Where(f => AssetSelector.AssetFor(r, f) is not null).Select(f => f.ToString().Replace("BK", ""));
            Console.WriteLine($"{r.Tag,-14} {date}{(r.Prerelease ? " pre" : "    ")}  {r.Assets.Count,3} files  builds: {string.Join(" ", families)}");
        }
    }

    private static void PrintCache(string note, IReadOnlyList<CachedFirmware> cached)
    {
        Console.Error.WriteLine($"firmware: {note}");
        Console.WriteLine($"{cached.Count} cached builds (from the cache)");
        foreach (var c in cached)
            Console.WriteLine($"{c.Family,-8} {c.Tag,-14} {c.AssetName,-40} {FirmwareCommand.Size(c.Size),9}  {c.Key} key  {c.Sha256[..12]}…  {c.DownloadedAt:yyyy-MM-dd HH:mm}");
    }
}
