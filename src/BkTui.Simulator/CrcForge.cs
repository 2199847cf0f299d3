using BkTui.Core.Chips;

namespace BkTui.Simulator;

/// <summary>
/// Chooses four bytes of a buffer so that its standard CRC-32 becomes a wanted value. CRC-32 is
/// affine over GF(2) in the input bits, so the 32 bits at the chosen position map to the CRC through
/// a 32×32 matrix we build by flipping one bit at a time and then invert by Gaussian elimination.
/// Used to give a synthetic bootloader the identity (protocol.md §7.1) of a known one.
/// </summary>
internal static class CrcForge
{
    public static void Force(Span<byte> data, int at, uint wantedStandardCrc)
    {
        if (at < 0 || at + 4 > data.Length) throw new ArgumentOutOfRangeException(nameof(at));
        data.Slice(at, 4).Clear();
        uint baseCrc = BekenCrc32.Standard(data);
        var columns = new uint[32];
        for (int bit = 0; bit < 32; bit++)
        {
            data[at + bit / 8] ^= (byte)(1 << (bit % 8));
            columns[bit] = BekenCrc32.Standard(data) ^ baseCrc;
            data[at + bit / 8] ^= (byte)(1 << (bit % 8));
        }
        uint x = Solve(columns, wantedStandardCrc ^ baseCrc);
        for (int i = 0; i < 4; i++) data[at + i] = (byte)(x >> (8 * i));
    }

    /// <summary>Finds x with XOR of columns[i] over set bits i of x = target.</summary>
    private static uint Solve(uint[] columns, uint target)
    {
        // Row-reduce the augmented system: rows are output bits, unknowns are input bits.
        var rows = new ulong[32];
        for (int r = 0; r < 32; r++)
        {
            ulong row = 0;
            for (int c = 0; c < 32; c++)
                if (((columns[c] >> r) & 1) != 0) row |= 1UL << c;
            if (((target >> r) & 1) != 0) row |= 1UL << 32;
            rows[r] = row;
        }
        int rank = 0;
        var pivotCol = new int[32];
        for (int c = 0; c < 32 && rank < 32; c++)
        {
            int p = -1;
            for (int r = rank; r < 32; r++) if (((rows[r] >> c) & 1) != 0) { p = r; break; }
            if (p < 0) continue;
            (rows[rank], rows[p]) = (rows[p], rows[rank]);
            for (int r = 0; r < 32; r++)
                if (r != rank && ((rows[r] >> c) & 1) != 0) rows[r] ^= rows[rank];
            pivotCol[rank++] = c;
        }
        if (rank < 32) throw new InvalidOperationException("CRC forcing: the 32 chosen bits do not span the CRC (cannot happen for 4 consecutive bytes).");
        uint x = 0;
        for (int r = 0; r < 32; r++)
            if (((rows[r] >> 32) & 1) != 0) x |= 1u << pivotCol[r];
        return x;
    }
}
