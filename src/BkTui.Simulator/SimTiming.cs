using System.Globalization;
using BkTui.Core.Yaml;

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

    // A flat map of numbers: read key by key (the generated YAML reader cannot set init-only properties).
    private static SimTiming Load()
    {
        var v = ProfileYaml.LoadFlatMap("profiles/sim-timing.yaml");
        double Get(string key) => v.TryGetValue(key, out var x) ? double.Parse(x, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"profiles/sim-timing.yaml has no '{key}'.");
        return new SimTiming
        {
            Erase4K = Get("erase4K"), Erase32K = Get("erase32K"), Erase64K = Get("erase64K"), ProgramPage = Get("programPage"),
            CrcPerByte = Get("crcPerByte"), Read4K = Get("read4K"), LinkWindow = Get("linkWindow"),
        };
    }
}
