namespace BkTui.Core.Chips;

/// <summary>
/// Joins chip CRCs (<see cref="BekenCrc32.Chip"/> form) of adjacent ranges into the CRC of their
/// concatenation without the bytes: CRC-32 is linear over GF(2), so the register after A‖B is the
/// register after A carried through |B| zero bytes, plus B's own contribution. This lets a read prove
/// the whole range from the per-sector CRCs the chip already gave, instead of a second CRC pass.
/// </summary>
public static class CrcCombine
{
    private const uint Poly = 0xEDB88320;
    /// <summary>x⁰ in the reflected representation (bit 31 is the lowest power).</summary>
    private const uint One = 0x80000000;

    /// <summary>Chip CRC of A‖B from the chip CRC of A, the chip CRC of B and B's length.</summary>
    public static uint Append(uint chipA, uint chipB, long lengthB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthB);
        // Chip(B) started from 0xFFFFFFFF; swapping that start for Chip(A) adds (Chip(A) ^ 0xFFFFFFFF)·x^(8|B|).
        return MultiplyModP(chipA ^ 0xFFFFFFFF, XPower(8 * lengthB)) ^ chipB;
    }

    /// <summary>Chip CRC of equal-length pieces laid end to end (e.g. the sectors of a block).</summary>
    public static uint Join(ReadOnlySpan<uint> pieces, long pieceLength)
    {
        if (pieces.IsEmpty) throw new ArgumentException("nothing to join", nameof(pieces));
        var shift = XPower(8 * pieceLength);
        var crc = pieces[0];
        for (var i = 1; i < pieces.Length; i++) crc = MultiplyModP(crc ^ 0xFFFFFFFF, shift) ^ pieces[i];
        return crc;
    }

    /// <summary>a·b mod P, both reflected.</summary>
    private static uint MultiplyModP(uint a, uint b)
    {
        uint product = 0;
        for (var bit = One; bit != 0; bit >>= 1)
        {
            if ((a & bit) != 0) product ^= b;
            b = (b & 1) != 0 ? (b >> 1) ^ Poly : b >> 1; // b·x
        }
        return product;
    }

    /// <summary>x^k mod P by square-and-multiply.</summary>
    private static uint XPower(long k)
    {
        uint result = One, square = One >> 1; // x¹
        for (; k > 0; k >>= 1)
        {
            if ((k & 1) != 0) result = MultiplyModP(result, square);
            square = MultiplyModP(square, square);
        }
        return result;
    }
}
