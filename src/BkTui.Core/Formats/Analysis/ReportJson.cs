using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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

    // Serialisation code generated at build time: no reflection over the report's types on the start-up
    // path of `analyze --json`, and none that Native AOT would lack (docs/performance-startup.md).
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions(Options));

    public static JsonObject ToNode(DumpReport report, bool revealSecrets)
    {
        var node = JsonSerializer.SerializeToNode(report, Context.DumpReport)!.AsObject();
        if (!revealSecrets) SecretFields.MaskReport(node);
        return node;
    }

    public static string Serialize(DumpReport report, bool revealSecrets) => ToNode(report, revealSecrets).ToJsonString(Options);
}

[JsonSerializable(typeof(DumpReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
