using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BkTui.Core.Archive;
using BkTui.Core.Firmware;
using BkTui.Core.Identity;
using BkTui.Core.Monitor;

namespace BkTui.Cli;

/// <summary>
/// One JSON style for every <c>--json</c> output: camelCase, indented, enums as camelCase words.
/// The serialisers are generated at build time (<see cref="CliJsonTypes"/>): no reflection on the
/// start-up path, and none that a Native AOT build lacks. A type written here must be listed there.
/// </summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // One converter per enum the outputs hold (the generic form needs no code generated at run time).
        Converters =
        {
            new JsonStringEnumConverter<DumpSourceKind>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<IdentityEvidence>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<FirmwareError>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<BootVerdict>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<TakenAtSource>(JsonNamingPolicy.CamelCase),
        },
    };

    private static readonly CliJsonTypes Types = new(new JsonSerializerOptions(Options));

    public static string Text<T>(T value) =>
        JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Types.GetTypeInfo(typeof(T))!);

    public static void Write<T>(T value) => Console.Out.WriteLine(Text(value));
}

[JsonSerializable(typeof(DumpsImportCommand.ImportJson))]
[JsonSerializable(typeof(IReadOnlyList<DumpSummary>))]
[JsonSerializable(typeof(IReadOnlyList<DeviceRecord>))]
[JsonSerializable(typeof(DumpsShowCommand.ShowJson))]
[JsonSerializable(typeof(DumpsCheckCommand.CheckJson))]
[JsonSerializable(typeof(DumpDiff))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<PortsCommand.PortJson>))]
[JsonSerializable(typeof(InfoCommand.InfoJson))]
[JsonSerializable(typeof(List<RunSession.JobJson>))]
[JsonSerializable(typeof(FirmwareListCommand.ReleasesJson))]
[JsonSerializable(typeof(FirmwareListCommand.CachedListJson))]
[JsonSerializable(typeof(FirmwareGetCommand.GetJson))]
[JsonSerializable(typeof(FailureJson))]
[JsonSerializable(typeof(RunSession.RunFailureJson))]
[JsonSerializable(typeof(AnalyzeCommand.AnalyzeFailureJson))]
internal sealed partial class CliJsonTypes : JsonSerializerContext;
