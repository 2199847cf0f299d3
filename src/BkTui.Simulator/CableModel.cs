using System.Globalization;

namespace BkTui.Simulator;

/// <summary>
/// The wires between adapter and chip (<c>bktui sim --cable SPEC</c>): <c>good</c>, or
/// <c>bad@RATE[:FROM]</c> — above RATE baud the chip's replies lose bits (long or unshielded
/// leads, a weak ground), from reply byte FROM on (0: from the start; a later FROM models a cable
/// that goes bad mid-transfer). Only chip→host bytes are damaged: damage on the way to the chip is
/// what the <c>rxdrop</c>/<c>rxflip</c> faults model.
/// </summary>
public sealed record CableModel(int? CorruptAbove, long FromByte)
{
    /// <summary>About one flipped bit per this many bytes above the rate: a 4 KiB read never survives.</summary>
    public const int BytesPerError = 256;

    public static readonly CableModel Good = new(null, 0);

    /// <summary>True when bytes sent at <paramref name="baud"/> are damaged once <paramref name="bytesSent"/> reply bytes went out.</summary>
    public bool Corrupts(int baud, long bytesSent) => CorruptAbove is { } limit && baud > limit && bytesSent >= FromByte;

    public override string ToString() => CorruptAbove is { } r ? $"bad@{r}{(FromByte > 0 ? $":{FromByte}" : "")}" : "good";

    public static CableModel Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec.Trim().Equals("good", StringComparison.OrdinalIgnoreCase)) return Good;
        var s = spec.Trim();
        if (!s.StartsWith("bad@", StringComparison.OrdinalIgnoreCase)) throw Bad(spec);
        var parts = s[4..].Split(':');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) || rate < 1200) throw Bad(spec);
        long from = 0;
        if (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out from)) throw Bad(spec);
        return new CableModel(rate, from);
    }

    private static ArgumentException Bad(string spec) =>
        new($"--cable: '{spec}' is not 'good' or 'bad@RATE[:FROM]' (e.g. bad@1500000, or bad@1500000:300000 to go bad after 300000 reply bytes).");
}

/// <summary>Seeded bit damage for one chip's replies, drawn only while the cable corrupts.</summary>
internal sealed class CableNoise(CableModel cable, int seed = 7)
{
    private readonly Random _random = new(seed);

    public CableModel Cable => cable;

    /// <summary>Flips about one bit per <see cref="CableModel.BytesPerError"/> bytes in place; returns how many.</summary>
    public int Damage(Span<byte> bytes, int baud, long bytesSent)
    {
        if (!cable.Corrupts(baud, bytesSent)) return 0;
        var flips = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (_random.Next(CableModel.BytesPerError) == 0)
            {
                bytes[i] ^= (byte)(1 << _random.Next(8));
                flips++;
            }
        return flips;
    }
}
