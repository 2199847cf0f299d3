namespace BkTui.Core.Formats.Crypto;

/// <summary>
/// AES-128 in ECB mode for the Tuya KV storage: the platform's where it can run, else FIPS 197 in
/// managed code (see <see cref="PlatformCrypto"/>). This is a format decoder, not a secrecy
/// boundary: the keys are public constants of Tuya's SDK, so the simple table-lookup form (not
/// constant-time) is fine here.
/// </summary>
public sealed class Aes128Ecb : IDisposable
{
    public const int BlockSize = 16;
    private const int Rounds = 10;
    private static readonly byte[] SBox = new byte[256];
    private static readonly byte[] InverseSBox = new byte[256];
    // GF(2^8) products the (inverse) MixColumns needs, one lookup each instead of a shift loop.
    private static readonly byte[] By2 = new byte[256], By9 = new byte[256], By11 = new byte[256], By13 = new byte[256], By14 = new byte[256];
    private readonly byte[] _roundKeys = new byte[BlockSize * (Rounds + 1)];
    private readonly System.Security.Cryptography.Aes? _platform;

    static Aes128Ecb()
    {
        // Walk GF(2^8) by powers of 3 (p) and its inverse (q), so q = p⁻¹; the S-box is the
        // affine transform of the inverse. 0 has no inverse and maps to 0x63.
        byte p = 1, q = 1;
        do
        {
            p = (byte)(p ^ (p << 1) ^ ((p & 0x80) != 0 ? 0x1B : 0));
            q ^= (byte)(q << 1);
            q ^= (byte)(q << 2);
            q ^= (byte)(q << 4);
            if ((q & 0x80) != 0) q ^= 0x09;
            SBox[p] = (byte)(q ^ Rotl(q, 1) ^ Rotl(q, 2) ^ Rotl(q, 3) ^ Rotl(q, 4) ^ 0x63);
        } while (p != 1);
        SBox[0] = 0x63;
        for (int i = 0; i < 256; i++)
        {
            InverseSBox[SBox[i]] = (byte)i;
            By2[i] = Times2((byte)i);
            By9[i] = Mul((byte)i, 9);
            By11[i] = Mul((byte)i, 11);
            By13[i] = Mul((byte)i, 13);
            By14[i] = Mul((byte)i, 14);
        }
    }

    public Aes128Ecb(ReadOnlySpan<byte> key) : this(key, managed: !PlatformCrypto.Available) { }

    /// <param name="managed">True: this class's own code, as on a system without libssl (tests compare the two).</param>
    internal Aes128Ecb(ReadOnlySpan<byte> key, bool managed)
    {
        if (key.Length != BlockSize) throw new ArgumentException("AES-128 needs a 16-byte key.", nameof(key));
        if (!managed)
        {
            _platform = System.Security.Cryptography.Aes.Create();
            _platform.Key = key.ToArray();
            return;
        }
        key.CopyTo(_roundKeys);
        byte rcon = 1;
        Span<byte> t = stackalloc byte[4];
        for (int i = BlockSize; i < _roundKeys.Length; i += 4)
        {
            _roundKeys.AsSpan(i - 4, 4).CopyTo(t);
            if (i % BlockSize == 0)
            {
                (t[0], t[1], t[2], t[3]) = ((byte)(SBox[t[1]] ^ rcon), SBox[t[2]], SBox[t[3]], SBox[t[0]]);
                rcon = Times2(rcon);
            }
            for (int j = 0; j < 4; j++) _roundKeys[i + j] = (byte)(_roundKeys[i - BlockSize + j] ^ t[j]);
        }
    }

    public void EncryptEcb(ReadOnlySpan<byte> input, Span<byte> output)
    {
        CheckBlocks(input, output);
        if (_platform is not null) { _platform.EncryptEcb(input, output, System.Security.Cryptography.PaddingMode.None); return; }
        input.CopyTo(output); // the managed rounds work in place
        for (int i = 0; i < input.Length; i += BlockSize) EncryptBlock(output.Slice(i, BlockSize));
    }

    public void DecryptEcb(ReadOnlySpan<byte> input, Span<byte> output)
    {
        CheckBlocks(input, output);
        if (_platform is not null) { _platform.DecryptEcb(input, output, System.Security.Cryptography.PaddingMode.None); return; }
        input.CopyTo(output); // the managed rounds work in place
        for (int i = 0; i < input.Length; i += BlockSize) DecryptBlock(output.Slice(i, BlockSize));
    }

    public void Dispose() => _platform?.Dispose();

    private static void CheckBlocks(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length % BlockSize != 0 || output.Length < input.Length)
            throw new ArgumentException("ECB without padding takes whole 16-byte blocks and an output at least as long.");
    }

    private void EncryptBlock(Span<byte> s)
    {
        AddRoundKey(s, 0);
        for (int round = 1; round <= Rounds; round++)
        {
            for (int i = 0; i < BlockSize; i++) s[i] = SBox[s[i]];
            ShiftRows(s);
            if (round < Rounds) MixColumns(s);
            AddRoundKey(s, round);
        }
    }

    private void DecryptBlock(Span<byte> s)
    {
        AddRoundKey(s, Rounds);
        for (int round = Rounds - 1; round >= 0; round--)
        {
            InverseShiftRows(s);
            for (int i = 0; i < BlockSize; i++) s[i] = InverseSBox[s[i]];
            AddRoundKey(s, round);
            if (round > 0) InverseMixColumns(s);
        }
    }

    private void AddRoundKey(Span<byte> s, int round)
    {
        var k = _roundKeys.AsSpan(round * BlockSize, BlockSize);
        for (int i = 0; i < BlockSize; i++) s[i] ^= k[i];
    }

    // The state is column-major: byte r + 4c is row r of column c; row r rotates left by r.
    private static void ShiftRows(Span<byte> s)
    {
        (s[1], s[5], s[9], s[13]) = (s[5], s[9], s[13], s[1]);
        (s[2], s[6], s[10], s[14]) = (s[10], s[14], s[2], s[6]);
        (s[3], s[7], s[11], s[15]) = (s[15], s[3], s[7], s[11]);
    }

    private static void InverseShiftRows(Span<byte> s)
    {
        (s[1], s[5], s[9], s[13]) = (s[13], s[1], s[5], s[9]);
        (s[2], s[6], s[10], s[14]) = (s[10], s[14], s[2], s[6]);
        (s[3], s[7], s[11], s[15]) = (s[7], s[11], s[15], s[3]);
    }

    private static void MixColumns(Span<byte> s)
    {
        for (int c = 0; c < 16; c += 4)
        {
            byte a0 = s[c], a1 = s[c + 1], a2 = s[c + 2], a3 = s[c + 3];
            s[c] = (byte)(By2[a0] ^ By2[a1] ^ a1 ^ a2 ^ a3);
            s[c + 1] = (byte)(a0 ^ By2[a1] ^ By2[a2] ^ a2 ^ a3);
            s[c + 2] = (byte)(a0 ^ a1 ^ By2[a2] ^ By2[a3] ^ a3);
            s[c + 3] = (byte)(By2[a0] ^ a0 ^ a1 ^ a2 ^ By2[a3]);
        }
    }

    private static void InverseMixColumns(Span<byte> s)
    {
        for (int c = 0; c < 16; c += 4)
        {
            byte a0 = s[c], a1 = s[c + 1], a2 = s[c + 2], a3 = s[c + 3];
            s[c] = (byte)(By14[a0] ^ By11[a1] ^ By13[a2] ^ By9[a3]);
            s[c + 1] = (byte)(By9[a0] ^ By14[a1] ^ By11[a2] ^ By13[a3]);
            s[c + 2] = (byte)(By13[a0] ^ By9[a1] ^ By14[a2] ^ By11[a3]);
            s[c + 3] = (byte)(By11[a0] ^ By13[a1] ^ By9[a2] ^ By14[a3]);
        }
    }

    private static byte Times2(byte b) => (byte)((b << 1) ^ ((b & 0x80) != 0 ? 0x1B : 0));

    private static byte Mul(byte a, int b)
    {
        byte result = 0;
        for (; b != 0; b >>= 1, a = Times2(a))
            if ((b & 1) != 0) result ^= a;
        return result;
    }

    private static byte Rotl(byte b, int n) => (byte)((b << n) | (b >> (8 - n)));
}
