using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace BkTui.Core.Yaml;

/// <summary>
/// Reads an embedded <c>profiles/*.yaml</c> file with code generated at build time (a
/// <see cref="StaticContext"/>), not reflection: profiles load on the start-up path of
/// <c>analyze</c>, and reflection over the raw types cannot run under Native AOT
/// (docs/performance-startup.md).
/// </summary>
public static class ProfileYaml
{
    public static T Load<T>(string resource, StaticContext context, params IYamlTypeConverter[] converters)
    {
        using var reader = new StreamReader(Open(resource));
        var builder = new StaticDeserializerBuilder(context).WithNamingConvention(CamelCaseKeys.Instance);
        foreach (var c in converters) builder.WithTypeConverter(c);
        return builder.Build().Deserialize<T>(reader);
    }

    /// <summary>A file that is one mapping of scalar keys to scalar values, read as text pairs.</summary>
    public static Dictionary<string, string> LoadFlatMap(string resource)
    {
        using var reader = new StreamReader(Open(resource));
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        parser.Consume<MappingStart>();
        var map = new Dictionary<string, string>();
        while (!parser.TryConsume<MappingEnd>(out _))
            map[parser.Consume<Scalar>().Value] = parser.Consume<Scalar>().Value;
        return map;
    }

    private static Stream Open(string resource) => typeof(ProfileYaml).Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"{resource} is not embedded in BkTui.Core.");
}
