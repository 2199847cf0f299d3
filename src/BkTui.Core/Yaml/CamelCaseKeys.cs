using YamlDotNet.Serialization;

namespace BkTui.Core.Yaml;

/// <summary>
/// Property <c>CrcEndInclusive</c> ↔ key <c>crcEndInclusive</c>. YamlDotNet's own camelCase
/// convention does the same with a regular expression built with RegexOptions.Compiled, which the
/// process would generate and JIT-compile before the first profile can be read.
/// </summary>
public sealed class CamelCaseKeys : INamingConvention
{
    public static readonly CamelCaseKeys Instance = new();

    public string Apply(string value) =>
        value.Length == 0 || char.IsLower(value[0]) ? value : char.ToLowerInvariant(value[0]) + value[1..];

    public string Reverse(string value) =>
        value.Length == 0 || char.IsUpper(value[0]) ? value : char.ToUpperInvariant(value[0]) + value[1..];
}
