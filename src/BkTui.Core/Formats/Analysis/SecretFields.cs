using System.Text.Json.Nodes;

namespace BkTui.Core.Formats.Analysis;

/// <summary>
/// The one place that says which report fields are secrets (Wi-Fi and MQTT passwords, Tuya keys and
/// tokens). Two structural lists: exact paths of the report's own fields, and Tuya field names that
/// are secret wherever they appear under the decoded Tuya values. Masking walks the JSON tree, so a
/// new secret is covered by adding its path or name here, not by special-casing output.
/// </summary>
public static class SecretFields
{
    public const string Mask = "***";

    /// <summary>Report fields (camelCase JSON paths) that hold secrets.</summary>
    public static IReadOnlyList<string> ReportPaths { get; } =
    [
        "tuya.deviceKey", "obk.wifiPassword", "obk.mqttPassword",
    ];

    /// <summary>Subtrees holding vendor data, where <see cref="TuyaNames"/> apply at any depth.</summary>
    public static IReadOnlyList<string> VendorSubtrees { get; } = ["tuya.values", "tuya.userConfig"];

    /// <summary>Tuya field names (gw_wsm, gw_bi, gw_ai, …), compared case-insensitively with '_' and '-' removed.</summary>
    private static readonly HashSet<string> TuyaNames = new(StringComparer.Ordinal)
    {
        "passwd", "password", "appasswd", "pskkey", "psk21key", "authkey", "key", "lckey", "localkey", "secretkey",
        "token", "regkey", "wfb64", "random", "uuid", "wxuuid", "facpin", "beaconkey", "blebeaconkey",
    };

    /// <summary>True for a Tuya field name whose value is a secret ("passwd", "psk_key", "key", …).</summary>
    public static bool IsTuyaSecret(string name) => TuyaNames.Contains(Normalise(name));

    /// <summary>The masked form of a value: non-empty values become "***"; empty/null stay (telling "no password" is useful).</summary>
    public static string? MaskValue(string? value) => string.IsNullOrEmpty(value) ? value : Mask;

    /// <summary>Masks every secret of a serialised report in place.</summary>
    public static void MaskReport(JsonObject root)
    {
        foreach (var path in ReportPaths)
        {
            var (parent, name) = Resolve(root, path);
            if (parent is not null && parent.TryGetPropertyValue(name, out var v) && !IsEmpty(v)) parent[name] = Mask;
        }
        foreach (var path in VendorSubtrees)
        {
            var (parent, name) = Resolve(root, path);
            if (parent is not null && parent.TryGetPropertyValue(name, out var subtree)) MaskVendor(subtree);
        }
    }

    /// <summary>Masks Tuya secret names at any depth of a vendor-data tree.</summary>
    public static void MaskVendor(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (IsTuyaSecret(name) && !IsEmpty(child)) obj[name] = Mask;
                    else MaskVendor(child);
                }
                break;
            case JsonArray arr:
                foreach (var child in arr) MaskVendor(child);
                break;
        }
    }

    private static (JsonObject? Parent, string Name) Resolve(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonObject? cur = root;
        for (var i = 0; i < parts.Length - 1 && cur is not null; i++)
            cur = cur[parts[i]] as JsonObject;
        return (cur, parts[^1]);
    }

    private static bool IsEmpty(JsonNode? n) => n is null || (n is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);

    private static string Normalise(string name)
    {
        Span<char> buf = stackalloc char[Math.Min(name.Length, 64)];
        var len = 0;
        foreach (var c in name)
        {
            if (c is '_' or '-') continue;
            if (len == buf.Length) break;
            buf[len++] = char.ToLowerInvariant(c);
        }
        return new string(buf[..len]);
    }
}
