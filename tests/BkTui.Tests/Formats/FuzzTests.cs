using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

/// <summary>
/// Bounded fuzz: mutated real and synthetic dumps, truncations, rotations and random buffers go
/// through the analyzer, the inspector and the converter. Nothing may escape but the converter's
/// documented refusal; the report must still serialise. (A longer run is the "fuzz" benchmark.)
/// </summary>
public class FuzzTests
{
    public const int Iterations = 40;

    [Fact]
    public void Mutated_inputs_never_throw()
    {
        var seeds = new List<byte[]>
        {
            FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, IncludeObkConfig = true }),
            FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231T }),
        };
        foreach (var name in new[] { "Mirabella-Genio-I003632-Plug.bin", "LED-Moon-18W-CCT-Kobi.bin", "BK7231T_TuyaConfig_PC44HA.bin" })
            if (SharedDumps.Load(name) is { } d) seeds.Add(d);
        var rng = new Random(20261121);
        for (var i = 0; i < Iterations; i++)
            RunOne(DumpMutator.Mutate(seeds[i % seeds.Count], rng));
    }

    internal static void RunOne(byte[] input)
    {
        var before = input.ToArray();
        var report = DumpAnalyzer.Analyze(input);
        Assert.Equal(before, input); // read in place, never written
        Assert.Equal(input.Length, report.Size);
        Assert.DoesNotContain(report.Quality.Problems, p => p.Code == DumpAnalyzer.AnalysisErrorCode);
        Assert.NotNull(report.ToJson());
        Assert.NotNull(BkTui.Core.Formats.Analysis.DumpReportText.Render(report));
        var image = FirmwareInspector.Inspect(input, "fuzz_QIO_.bin");
        Assert.Equal(input.Length, image.Size);
        if (image.Kind is FirmwareKind.App or FirmwareKind.Qio && image.KeyWords is not null)
        {
            try { ImageKeyConverter.Convert(input, EfuseKey.Zero); }
            catch (ImageConversionException) { }
        }
    }
}
