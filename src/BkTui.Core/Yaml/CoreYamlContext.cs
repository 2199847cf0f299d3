using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using YamlDotNet.Serialization;

namespace BkTui.Core.Yaml;

/// <summary>The raw profile types of BkTui.Core; the rest of this class is generated at build time.</summary>
[YamlStaticContext]
[YamlSerializable(typeof(ChipProfiles.RawFile))]
[YamlSerializable(typeof(ChipProfiles.RawFamily))]
[YamlSerializable(typeof(ChipProfiles.RawBootloader))]
[YamlSerializable(typeof(FlashParts.RawFile))]
[YamlSerializable(typeof(FlashParts.RawPart))]
public partial class CoreYamlContext : StaticContext;
