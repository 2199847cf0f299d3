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
            RunOne(Fuzzer.Mutate(seeds[i % seeds.Count], rng));
    }

    internal static void RunOne(byte[] input)
    {
        var report = DumpAnalyzer.Analyze(input);
        Assert.Equal(input.Length, report.Size);
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

/// <summary>Mutation strategies shared by the fuzz test and the fuzz benchmark.</summary>
public static class Fuzzer
{
    public static byte[] Mutate(byte[] seed, Random rng)
    {
        var d = (byte[])seed.Clone();
        switch (rng.Next(8))
        {
            case 0: // scattered bit flips
                for (var i = 0; i < 1 + rng.Next(200); i++) d[rng.Next(d.Length)] ^= (byte)(1 << rng.Next(8));
                return d;
            case 1: // truncation
                return d[..rng.Next(d.Length)];
            case 2: // rotation by a random sector count
                var r = rng.Next(d.Length / 4096) * 4096;
                return [.. d[r..], .. d[..r]];
            case 3: // a random 4 KiB sector overwritten with noise
                rng.NextBytes(d.AsSpan(rng.Next(d.Length / 4096) * 4096, Math.Min(4096, d.Length)));
                return d;
            case 4: // hostile lengths in headers: TLV, RBL, FAL fields set to 0xFFFFFFFF
                foreach (var magic in new[] { "TLV\0"u8.ToArray(), "RBL\0"u8.ToArray(), "01PE"u8.ToArray(), "CFG"u8.ToArray() })
                    for (var at = d.AsSpan().IndexOf(magic); at >= 0 && at + 0x60 < d.Length; at = -1)
                        for (var k = 4; k < 0x60; k += 4 * (1 + rng.Next(3))) BitConverter.TryWriteBytes(d.AsSpan(at + k), uint.MaxValue);
                return d;
            case 5: // pure noise of a random size
                var n = new byte[rng.Next(0, 3 * 1024 * 1024)];
                rng.NextBytes(n);
                return n;
            case 6: // zeroed region
                var z = rng.Next(d.Length);
                d.AsSpan(z, Math.Min(d.Length - z, rng.Next(0x40000))).Clear();
                return d;
            default: // duplicated region (copies of magics in odd places)
                var src = rng.Next(d.Length);
                var len = Math.Min(rng.Next(0x20000), d.Length - src);
                var dst = rng.Next(Math.Max(1, d.Length - len));
                d.AsSpan(src, len).ToArray().CopyTo(d, dst);
                return d;
        }
    }
}
