using BkTui.Core.Chips;

namespace BkTui.Core.Firmware;

/// <summary>A release and the asset in it chosen for one chip family.</summary>
public sealed record FirmwareChoice(ChipFamily Family, FirmwareRelease Release, FirmwareAsset Asset);

/// <summary>
/// Picks the OpenBeken file a chip can be flashed with over UART (flash-formats.md §10.1): the
/// family's prefix from chips.yaml (<c>OpenBK7231N_QIO_</c>, <c>OpenBK7231T_UA_</c>, …), then
/// its <c>_ALT_QIO_</c> variant (BK7231M ships both), a <c>.bin</c> file, never an OTA/cloudcutter file.
/// </summary>
public static class AssetSelector
{
    public const string Latest = "latest";

    /// <summary>OTA packages and cloudcutter/UG wrappers: never written over UART (GFT FormDownloader L281-316).</summary>
    public static bool IsUartFlashable(string assetName)
    {
        var n = assetName.ToLowerInvariant();
        if (!n.EndsWith(".bin", StringComparison.Ordinal)) return false;
        return !(n.Contains("_ota") || n.Contains("_ug_") || n.Contains("_gz") || n.Contains("cloudcutter")
                 || n.EndsWith(".rbl", StringComparison.Ordinal) || n.EndsWith(".ota", StringComparison.Ordinal));
    }

    /// <summary>Name prefixes in order of preference for a family.</summary>
    public static IReadOnlyList<string> Prefixes(ChipFamily family)
    {
        var prefix = ChipProfiles.For(family).FirmwarePrefix;
        if (prefix.Length == 0) return [];
        return prefix.Contains("_QIO_", StringComparison.Ordinal)
            ? [prefix, prefix.Replace("_QIO_", "_ALT_QIO_", StringComparison.Ordinal)]
            : [prefix];
    }

    /// <summary>The asset of this release for the family, or null.</summary>
    public static FirmwareAsset? AssetFor(FirmwareRelease release, ChipFamily family)
    {
        foreach (var prefix in Prefixes(family))
        {
            var hit = release.Assets.FirstOrDefault(a =>
                a.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && IsUartFlashable(a.Name));
            if (hit is not null) return hit;
        }
        return null;
    }

    /// <summary>Releases newest first (by publication date; the feed order breaks ties and fills gaps).</summary>
    public static IReadOnlyList<FirmwareRelease> NewestFirst(IReadOnlyList<FirmwareRelease> releases) =>
        releases.Select((r, i) => (r, i))
            .OrderByDescending(x => x.r.PublishedAt ?? DateTimeOffset.MinValue).ThenBy(x => x.i)
            .Select(x => x.r).ToList();

    /// <summary>True for "latest" (or empty): the newest non-prerelease build.</summary>
    public static bool IsLatest(string? version) =>
        string.IsNullOrWhiteSpace(version) || version.Trim().Equals(Latest, StringComparison.OrdinalIgnoreCase);

    /// <summary>Tags compare case-insensitively and with or without a leading "v".</summary>
    public static bool SameTag(string a, string b) =>
        a.Trim().TrimStart('v', 'V').Equals(b.Trim().TrimStart('v', 'V'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Chooses the build for <paramref name="family"/>: "latest" or an exact tag.</summary>
    public static FirmwareChoice Choose(IReadOnlyList<FirmwareRelease> releases, ChipFamily family, string? version)
    {
        if (Prefixes(family).Count == 0)
            throw new FirmwareException(FirmwareError.NoMatch, $"No OpenBeken file naming is known for {family}.");
        if (IsLatest(version))
        {
            foreach (var r in NewestFirst(releases).Where(r => !r.Prerelease))
                if (AssetFor(r, family) is { } a) return new FirmwareChoice(family, r, a);
            throw new FirmwareException(FirmwareError.NoMatch,
                $"None of the {releases.Count} releases has a {string.Join(" or ", Prefixes(family))}*.bin file for {family}.");
        }
        var tagged = releases.FirstOrDefault(r => SameTag(r.Tag, version!))
            ?? throw new FirmwareException(FirmwareError.NoMatch,
                $"No release tagged '{version}' in the feed (newest: {string.Join(", ", NewestFirst(releases).Take(3).Select(r => r.Tag))}) — see bktui firmware list.");
        var asset = AssetFor(tagged, family)
            ?? throw new FirmwareException(FirmwareError.NoMatch,
                $"Release {tagged.Tag} has no {string.Join(" or ", Prefixes(family))}*.bin file for {family} ({tagged.Assets.Count} assets).");
        return new FirmwareChoice(family, tagged, asset);
    }
}
