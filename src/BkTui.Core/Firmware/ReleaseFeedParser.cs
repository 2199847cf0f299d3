using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BkTui.Core.Firmware;

/// <summary>
/// Reads the GitHub "list releases" JSON (an array of releases with assets). Only the fields BkTui
/// uses are read; missing ones are tolerated, entries without a tag or an asset without a name/URL
/// are skipped. Relative download URLs are resolved against the feed's own address (local mirrors).
/// </summary>
public static class ReleaseFeedParser
{
    public static IReadOnlyList<FirmwareRelease> Parse(ReadOnlySpan<byte> json, Uri feedUri)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new FirmwareException(FirmwareError.BadSource,
                $"{feedUri} did not answer with JSON ({Describe(json)}): {e.Message} — is --source the releases API URL?");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var msg = Text(root, "message");
                throw new FirmwareException(FirmwareError.BadSource,
                    $"{feedUri} answered a JSON object, not a list of releases{(msg is null ? "" : $" (\"{msg}\")")} — use the …/releases URL.");
            }
            if (root.ValueKind != JsonValueKind.Array)
                throw new FirmwareException(FirmwareError.BadSource,
                    $"{feedUri} answered JSON of the wrong shape ({root.ValueKind}), expected a list of releases.");
            var releases = new List<FirmwareRelease>();
            foreach (var r in root.EnumerateArray())
            {
                if (r.ValueKind != JsonValueKind.Object || Text(r, "tag_name") is not { Length: > 0 } tag) continue;
                if (r.TryGetProperty("draft", out var draft) && draft.ValueKind == JsonValueKind.True) continue;
                releases.Add(new FirmwareRelease(tag, Text(r, "name"), Date(r, "published_at"),
                    r.TryGetProperty("prerelease", out var pre) && pre.ValueKind == JsonValueKind.True,
                    Assets(r, feedUri)));
            }
            return releases;
        }
    }

    private static List<FirmwareAsset> Assets(JsonElement release, Uri feedUri)
    {
        var list = new List<FirmwareAsset>();
        if (!release.TryGetProperty("assets", out var assets) || assets.ValueKind != JsonValueKind.Array) return list;
        foreach (var a in assets.EnumerateArray())
        {
            if (a.ValueKind != JsonValueKind.Object) continue;
            if (Text(a, "name") is not { Length: > 0 } name || Text(a, "browser_download_url") is not { Length: > 0 } url) continue;
            if (!Uri.TryCreate(feedUri, url, out var uri)) continue;
            long? size = a.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) && n >= 0 ? n : null;
            list.Add(new FirmwareAsset(name, size, uri, Text(a, "digest")));
        }
        return list;
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Date(JsonElement o, string name) =>
        Text(o, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    /// <summary>A short printable preview of what came back instead of JSON (an HTML login page, …).</summary>
    private static string Describe(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return "empty body";
        var head = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 40)]);
        var clean = new string(head.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return $"{body.Length} bytes starting \"{clean}\"";
    }
}
