using System.Globalization;
using BkTui.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace BkTui.Core.Chips;

/// <summary>Loads <c>profiles/chips.yaml</c> (embedded) once; the single source of per-family numbers.</summary>
public static class ChipProfiles
{
    private static readonly Lazy<ProfileFile> File = new(Load);

    public static IReadOnlyList<ChipProfile> All => File.Value.Families;
    public static IReadOnlyList<KnownBootloader> Bootloaders => File.Value.Bootloaders;

    /// <summary>
    /// The ladder's top for a family whose maximum no public source gives, and for a chip whose family
    /// is not known yet: the highest rate publicly exercised on every family (protocol.md §8.1).
    /// </summary>
    public const int UnknownMaxBaud = 921600;

    public static ChipProfile For(ChipFamily family) =>
        All.FirstOrDefault(p => p.Family == family) ?? throw new ArgumentException($"No profile for {family}.", nameof(family));

    /// <summary>Finds a family by name or alias ("BL2028N", "t", "bk7231n"), case-insensitively.</summary>
    public static bool TryFind(string name, out ChipProfile profile)
    {
        var n = name.Trim();
        profile = All.FirstOrDefault(p => p.Family.ToString().Equals(n, StringComparison.OrdinalIgnoreCase)
            || p.Aliases.Any(a => a.Equals(n, StringComparison.OrdinalIgnoreCase)))!;
        return profile is not null;
    }

    public static ChipProfile Find(string name) =>
        TryFind(name, out var p) ? p
        : throw new ArgumentException($"Unknown chip '{name}'. Known: {string.Join(", ", All.Select(a => a.Family))} (BL2028N = BK7231M).");

    public static EfuseKey Key(string name)
    {
        if (!File.Value.Keys.TryGetValue(name, out var w) || w.Count != 4)
            throw new ArgumentException($"Unknown key name '{name}'.");
        return new EfuseKey(w[0], w[1], w[2], w[3]);
    }

    /// <summary>Looks a bootloader up by the standard CRC-32 the chip gave for its first bytes.</summary>
    public static KnownBootloader? Bootloader(uint standardCrc32) => Bootloaders.FirstOrDefault(b => b.Crc32 == standardCrc32);

    private static ProfileFile Load()
    {
        var yaml = ProfileYaml.Load<RawFile>("profiles/chips.yaml", new CoreYamlContext(), new HexNumberConverter());
        return new ProfileFile(
            yaml.Families.Select(f => f.ToProfile()).ToList(),
            yaml.Bootloaders.Select(b => new KnownBootloader(b.Crc32, b.Name, b.Version, Enum.Parse<ChipFamily>(b.Family), b.Key, b.CrcLock)).ToList(),
            yaml.Keys);
    }

    private sealed record ProfileFile(IReadOnlyList<ChipProfile> Families, IReadOnlyList<KnownBootloader> Bootloaders, Dictionary<string, List<uint>> Keys);

    internal sealed class RawFile
    {
        public List<RawFamily> Families { get; set; } = [];
        public Dictionary<string, List<uint>> Keys { get; set; } = [];
        public List<RawBootloader> Bootloaders { get; set; } = [];
    }

    internal sealed class RawBootloader
    {
        public uint Crc32 { get; set; }
        public string Name { get; set; } = "";
        public string Version { get; set; } = "";
        public string Family { get; set; } = "";
        public string Key { get; set; } = "";
        public bool CrcLock { get; set; }
    }

    internal sealed class RawFamily
    {
        public string Family { get; set; } = "";
        public List<string> Aliases { get; set; } = [];
        public string Protocol { get; set; } = "";
        public bool CrcEndInclusive { get; set; }
        public uint? ChipId { get; set; }
        public bool ReadMirror { get; set; }
        public uint BootloaderSize { get; set; }
        public bool BootloaderWritable { get; set; }
        public uint AppOffset { get; set; }
        public uint DefaultFlashSize { get; set; }
        public string DefaultKey { get; set; } = "";
        public uint RfOffset { get; set; }
        public uint? ObkConfigOffset { get; set; }
        public uint? TuyaKvOffset { get; set; }
        public uint TuyaKvLength { get; set; }
        public uint? OtaOffset { get; set; }
        public string FirmwarePrefix { get; set; } = "";
        public uint? MaxBaud { get; set; }
        public string MaxBaudSource { get; set; } = "";
        public List<uint> QioLengths { get; set; } = [];

        public ChipProfile ToProfile() => new()
        {
            Family = Enum.Parse<ChipFamily>(Family), Aliases = Aliases, Protocol = Enum.Parse<BootProtocol>(Protocol),
            CrcEndInclusive = CrcEndInclusive, ChipId = ChipId, ReadMirror = ReadMirror, BootloaderSize = BootloaderSize,
            BootloaderWritable = BootloaderWritable, AppOffset = AppOffset, DefaultFlashSize = DefaultFlashSize,
            DefaultKey = DefaultKey, RfOffset = RfOffset, ObkConfigOffset = ObkConfigOffset, TuyaKvOffset = TuyaKvOffset,
            TuyaKvLength = TuyaKvLength, OtaOffset = OtaOffset, FirmwarePrefix = FirmwarePrefix,
            MaxBaud = (int?)MaxBaud, MaxBaudSource = MaxBaudSource, QioLengths = QioLengths,
        };
    }

    /// <summary>YAML integers written as 0x… (flash offsets read better in hex).</summary>
    private sealed class HexNumberConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(uint) || type == typeof(uint?);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var s = parser.Consume<Scalar>().Value;
            if (type == typeof(uint?) && (s is "null" or "~" or "")) return null;
            return s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? uint.Parse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : uint.Parse(s, CultureInfo.InvariantCulture);
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(value is null ? "null" : $"0x{value:X}"));
    }
}
