using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BkTui.Core.Formats.Analysis;

/// <summary>JSON form of a <see cref="DumpReport"/>: camelCase keys, secrets masked by <see cref="SecretFields"/>.</summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToNode(DumpReport report, bool revealSecrets)
    {
        var node = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        if (!revealSecrets) SecretFields.MaskReport(node);
        return node;
    }

    public static string Serialize(DumpReport report, bool revealSecrets) => ToNode(report, revealSecrets).ToJsonString(Options);
}
