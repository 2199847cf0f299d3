using System.Buffers.Binary;
using System.Numerics;
using BkTui.Core.Chips;

namespace BkTui.Core.Formats.Crypto;

/// <summary>
/// The BK72xx code-encryption keystream (flash-formats.md §3.2): each little-endian 32-bit word of
/// the logical image at address a is XORed with K(a). Encryption and decryption are the same
/// operation. Follows the GFT/LTC reading (P16 truncated to 16 bits, P32 selector 0 = no rotation).
/// </summary>
public sealed class CodeCipher
{
    private readonly EfuseKey _key;
    private readonly bool _bypass, _p15On, _p16On, _p32On, _rOn;
    private readonly int _p15Sel, _p16Sel, _p32Rot;
    private readonly uint _p16Mask;

    public CodeCipher(EfuseKey key)
    {
        _key = key;
        var c3 = key.W3;
        var top = c3 >> 24;
        _bypass = top == 0x00 || top == 0xFF || (c3 & 0xF) == 0xF;
        _p15On = (c3 & 1) == 0;
        _p16On = (c3 & 2) == 0;
        _p32On = (c3 & 4) == 0;
        _rOn = (c3 & 8) == 0;
        _p15Sel = (int)((c3 >> 5) & 3);
        _p16Sel = (int)((c3 >> 8) & 3);
        _p32Rot = (int)((c3 >> 11) & 3) * 8;
        var c1 = key.W1;
        _p16Mask = ((c1 >> 8) & 0xFF) << 9 | ((c3 >> 4) & 1) << 8 | (c1 & 0xFF);
    }

    public EfuseKey Key => _key;

    /// <summary>True when this key stores code in clear (all-zero key and other bypass values).</summary>
    public bool IsBypass => _bypass;

    /// <summary>The keystream word for logical address <paramref name="address"/> (a multiple of 4).</summary>
    public uint Keystream(uint address)
    {
        if (_bypass) return 0;
        uint p32 = _p32On ? P32(BitOperations.RotateRight(address, _p32Rot) ^ _key.W0) : 0;
        uint p15 = _p15On ? P15(address) : 0;
        uint p16 = _p16On ? P16(address) : 0;
        uint r = _rOn ? _key.W2 : 0;
        return p32 ^ ((p15 << 16) | (p16 & 0xFFFF)) ^ r;
    }

    /// <summary>Encrypts or decrypts logical bytes in place; <paramref name="address"/> is the logical address of data[0] (multiple of 4). A trailing partial word is left unchanged.</summary>
    public void Apply(Span<byte> data, uint address)
    {
        if (_bypass) return;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            var w = BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
            BinaryPrimitives.WriteUInt32LittleEndian(data[i..], w ^ Keystream(address + (uint)i));
        }
    }

    private static uint P32(uint x) =>
        BitOperations.RotateLeft(x, 17) ^ (0xE519A4F1u & (((x >> 2) & 0xF) * 0x11111111u));

    private uint P15(uint a)
    {
        uint b3 = a >> 24, b2 = (a >> 16) & 0xFF, b1 = (a >> 8) & 0xFF, b0 = a & 0xFF;
        var hi = (_p15Sel & 2) == 0 ? (b3 << 8 | b2) : (b2 << 8 | b3);
        var lo = (_p15Sel & 1) == 0 ? (b1 << 8 | b0) : (b0 << 8 | b1);
        var x = (hi ^ lo ^ (_key.W1 >> 16)) & 0xFFFF;
        var rot = ((x & 0x7F) << 9) | (x >> 7);
        return (rot ^ (0x6371u & (((x >> 5) & 0xF) * 0x1111u))) & 0xFFFF;
    }

    private uint P16(uint a)
    {
        var x = ((a >> _p16Sel) & 0x1FFFF) ^ _p16Mask;
        var rot = ((x & 0x3FF) << 7) | (x >> 10);
        uint b = ((x >> 13) & 1) | ((x >> 9) & 1) << 1 | ((x >> 5) & 1) << 2 | ((x >> 1) & 1) << 3;
        return (rot ^ (0x13659u & (((x >> 4) & 1) << 16 | b * 0x1111u))) & 0x1FFFF;
    }
}
