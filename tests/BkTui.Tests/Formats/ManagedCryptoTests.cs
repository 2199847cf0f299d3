using System.Security.Cryptography;
using System.Text;
using BkTui.Core.Formats.Crypto;

namespace BkTui.Tests.Formats;

/// <summary>The managed SHA-256 and AES-128-ECB (used where libssl is missing) against the FIPS examples and .NET's OpenSSL-backed ones.</summary>
public sealed class ManagedCryptoTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Sha256_matches_the_FIPS_examples(string text, string hex) =>
        Assert.Equal(hex, Convert.ToHexStringLower(Sha256.Managed(Encoding.ASCII.GetBytes(text))));

    [Fact]
    public void Sha256_matches_dotnet_at_every_padding_boundary_and_on_a_dump_sized_input()
    {
        var rng = new Random(5);
        foreach (var length in Enumerable.Range(0, 200).Append(4096).Append(2 * 1024 * 1024 + 13))
        {
            var data = new byte[length];
            rng.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Sha256.Managed(data));
        }
    }

    [Fact]
    public void Aes128_matches_the_FIPS_197_example()
    {
        var aes = new Aes128Ecb(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"), managed: true);
        var cipher = new byte[16];
        aes.EncryptEcb(Convert.FromHexString("00112233445566778899aabbccddeeff"), cipher);
        Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a", Convert.ToHexStringLower(cipher));
        var plain = new byte[16];
        aes.DecryptEcb(cipher, plain);
        Assert.Equal("00112233445566778899aabbccddeeff", Convert.ToHexStringLower(plain));
    }

    [Fact]
    public void Aes128_ecb_matches_dotnet_both_ways_for_random_keys_and_a_whole_kv_block()
    {
        var rng = new Random(9);
        for (int round = 0; round < 20; round++)
        {
            var key = new byte[16];
            var data = new byte[round == 0 ? 4096 : 16 * rng.Next(1, 8)];
            rng.NextBytes(key);
            rng.NextBytes(data);
            using var reference = Aes.Create();
            reference.Key = key;
            var ours = new Aes128Ecb(key, managed: true);
            var encrypted = new byte[data.Length];
            ours.EncryptEcb(data, encrypted);
            Assert.Equal(reference.EncryptEcb(data, PaddingMode.None), encrypted);
            var decrypted = new byte[data.Length];
            ours.DecryptEcb(encrypted, decrypted);
            Assert.Equal(data, decrypted);
        }
    }

    [Fact]
    public void Aes128_refuses_a_partial_block() =>
        Assert.Throws<ArgumentException>(() => new Aes128Ecb(new byte[16], managed: true).DecryptEcb(new byte[15], new byte[16]));
}
