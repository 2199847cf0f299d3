using BkTui.Core.Chips;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BkTui.Simulator;

/// <summary>Modelled flash and chip times, from <c>profiles/sim-timing.yaml</c> (embedded in BkTui.Core).</summary>
public sealed record SimTiming
{
    public double Erase4K { get; init; }
    public double Erase32K { get; init; }
    public double Erase64K { get; init; }
    public double ProgramPage { get; init; }
    public double CrcPerByte { get; init; }
    public double Read4K { get; init; }
    public double LinkWindow { get; init; }

    private static readonly Lazy<SimTiming> Loaded = new(Load);

    /// <summary>The numbers from the profile file.</summary>
    public static SimTiming Default => Loaded.Value;

    /// <summary>Seconds the flash is busy erasing a block of <paramref name="size"/> bytes.</summary>
    public double EraseTime(int size) => size switch
    {
        >= 0x10000 => Erase64K,
        >= 0x8000 => Erase32K,
        _ => Erase4K,
    };

    /// <summary>Seconds to program <paramref name="bytes"/> (whole 256-byte pages).</summary>
    public double ProgramTime(int bytes) => Math.Ceiling(bytes / 256.0) * ProgramPage;

    private static SimTiming Load()
    {
        using var stream = typeof(ChipProfiles).Assembly.GetManifestResourceStream("profiles/sim-timing.yaml")
            ?? throw new InvalidOperationException("profiles/sim-timing.yaml is not embedded in BkTui.Core.");
        using var reader = new StreamReader(stream);
        return new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<SimTiming>(reader);
    }
}
