using BkTui.Core.Compatibility;
using BkTui.Core.Formats;

namespace BkTui.Tests.Compatibility;

/// <summary>Damages whole dumps the four ways the bad-input run did and counts what the structure checks refuse.</summary>
internal static class DamageCampaign
{
    /// <summary>Per damage kind: refused, tried, and how many damaged copies were byte-identical to the original.</summary>
    public static Dictionary<string, (int Caught, int Total, int Noop)> Run(IReadOnlyList<byte[]> dumps, int seed, int perDump)
    {
        var rng = new Random(seed);
        var counts = new Dictionary<string, (int Caught, int Total, int Noop)> { ["truncated"] = default, ["zeroed"] = default, ["ff"] = default, ["shuffled"] = default };
        foreach (var dump in dumps)
            for (var i = 0; i < perDump; i++)
                foreach (var kind in counts.Keys.ToList())
                {
                    var bad = Damage(dump, kind, rng);
                    var caught = !ImageIntegrity.Check(bad, FirmwareInspector.Inspect(bad)).Intact || FirmwareInspector.Inspect(bad).TargetOffset is null;
                    var (c, t, n) = counts[kind];
                    counts[kind] = (c + (caught ? 1 : 0), t + 1, n + (bad.AsSpan().SequenceEqual(dump) ? 1 : 0));
                }
        return counts;
    }

    private static byte[] Damage(byte[] dump, string kind, Random rng)
    {
        var d = (byte[])dump.Clone();
        var len = 0x1000 + rng.Next(0x40000);
        var at = rng.Next(d.Length - len);
        switch (kind)
        {
            case "truncated": return d[..(0x1000 + rng.Next(d.Length - 0x2000))];
            case "zeroed": d.AsSpan(at, len).Clear(); break;
            case "ff": d.AsSpan(at, len).Fill(0xFF); break;
            default:
                var other = rng.Next(d.Length - len);
                var a = d.AsSpan(at, len).ToArray();
                d.AsSpan(other, len).CopyTo(d.AsSpan(at, len));
                a.CopyTo(d, other);
                break;
        }
        return d;
    }
}
