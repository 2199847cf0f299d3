using BkTui.Core.Archive;
using BkTui.Core.Chips;
using Microsoft.Data.Sqlite;

namespace BkTui.Core.Firmware;

/// <summary>The firmware cache index as the <c>firmware</c> table of the archive database.</summary>
internal sealed class ArchiveFirmwareIndex(DumpArchive archive) : IFirmwareIndex
{
    public IReadOnlyList<CachedFirmware> All() => archive.Run("listing cached firmware", () =>
    {
        using var c = archive.Connect();
        using var cmd = DumpArchive.Command(c,
            "SELECT family, tag, asset_name, source_url, feed_url, sha256, size, downloaded_at, published_at, key, kind FROM firmware;", null);
        using var r = cmd.ExecuteReader();
        var list = new List<CachedFirmware>();
        while (r.Read())
        {
            if (!Enum.TryParse<ChipFamily>(r.GetString(0), out var family)) continue; // written by a newer bktui
            list.Add(new CachedFirmware
            {
                Family = family, Tag = r.GetString(1), AssetName = r.GetString(2), SourceUrl = r.GetString(3),
                FeedUrl = r.IsDBNull(4) ? null : r.GetString(4), Sha256 = r.GetString(5), Size = r.GetInt64(6),
                DownloadedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)),
                PublishedAt = r.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
                Key = r.GetString(9), Kind = r.GetString(10),
            });
        }
        return (IReadOnlyList<CachedFirmware>)list;
    });

    public void Upsert(CachedFirmware e) => archive.Run("recording cached firmware", () =>
    {
        using var c = archive.Connect();
        DumpArchive.Exec(c, """
            INSERT INTO firmware (family, tag, asset_name, source_url, feed_url, sha256, size, downloaded_at, published_at, key, kind)
            VALUES ($family, $tag, $asset, $source, $feed, $sha, $size, $at, $published, $key, $kind)
            ON CONFLICT (family, tag, asset_name) DO UPDATE SET
                source_url = excluded.source_url, feed_url = excluded.feed_url, sha256 = excluded.sha256, size = excluded.size,
                downloaded_at = excluded.downloaded_at, published_at = excluded.published_at, key = excluded.key, kind = excluded.kind;
            """, null,
            ("$family", e.Family.ToString()), ("$tag", e.Tag), ("$asset", e.AssetName), ("$source", e.SourceUrl),
            ("$feed", e.FeedUrl), ("$sha", e.Sha256), ("$size", e.Size), ("$at", e.DownloadedAt.ToUnixTimeMilliseconds()),
            ("$published", e.PublishedAt?.ToUnixTimeMilliseconds()), ("$key", e.Key), ("$kind", e.Kind));
    });

    public void Remove(CachedFirmware e) => archive.Run("removing cached firmware", () =>
    {
        using var c = archive.Connect();
        DumpArchive.Exec(c, "DELETE FROM firmware WHERE family = $family AND tag = $tag AND asset_name = $asset;", null,
            ("$family", e.Family.ToString()), ("$tag", e.Tag), ("$asset", e.AssetName));
    });
}
