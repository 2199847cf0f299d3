namespace BkTui.Core.Formats.Synthesis;

/// <summary>
/// Damages dumps the way bad reads, hostile files and careless tools do (bit flips, truncation,
/// rotation, noise sectors, absurd header lengths, zeroed or duplicated regions): the fuzz test,
/// the fuzz benchmark and fault scenarios draw from the same strategies.
/// </summary>
public static class DumpMutator
{
    /// <summary>A damaged copy of <paramref name="seed"/> (never modified); deterministic for a given <paramref name="rng"/> state.</summary>
    public static byte[] Mutate(byte[] seed, Random rng)
    {
        var d = (byte[])seed.Clone();
        if (d.Length == 0) return [(byte)rng.Next(256)];
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
                {
                    var at = d.AsSpan().IndexOf(magic);
                    if (at < 0 || at + 0x60 >= d.Length) continue;
                    for (var k = 4; k < 0x60; k += 4 * (1 + rng.Next(3))) BitConverter.TryWriteBytes(d.AsSpan(at + k), uint.MaxValue);
                }
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
