using BkTui.Core.Chips;
using BkTui.Core.Formats.Crypto;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

public class CodeCipherTests
{
    [Fact]
    public void Tuya_keystream_matches_the_worked_example()
    {
        var c = new CodeCipher(EfuseKey.Tuya);
        Assert.Equal(0x7EB50721u, c.Keystream(0x10000));
        Assert.Equal(0x7EB50F21u, c.Keystream(0x10004));
        var vector = new byte[] { 0x0E, 0x00, 0x00, 0xEA, 0x14, 0xF0, 0x9F, 0xE5 };
        c.Apply(vector, 0x10000);
        Assert.Equal(new byte[] { 0x2F, 0x07, 0xB5, 0x94, 0x35, 0xFF, 0x2A, 0x9B }, vector);
    }

    [Fact]
    public void Zero_key_and_bypass_values_store_code_in_clear()
    {
        Assert.True(new CodeCipher(EfuseKey.Zero).IsBypass);
        Assert.True(new CodeCipher(new EfuseKey(1, 2, 3, 0xFF000000)).IsBypass);
        Assert.True(new CodeCipher(new EfuseKey(1, 2, 3, 0x5500000F)).IsBypass);
        Assert.False(new CodeCipher(EfuseKey.Tuya).IsBypass);
        Assert.Equal(0u, new CodeCipher(EfuseKey.Zero).Keystream(0x12345678));
    }

    [Fact]
    public void Every_term_combination_is_an_involution_and_changes_data()
    {
        var rng = new Random(7);
        for (var settings = 0; settings < 16; settings++)
        {
            var coef3 = 0x55000000u | (uint)settings | (uint)rng.Next(0, 4) << 5 | (uint)rng.Next(0, 4) << 8 | (uint)rng.Next(0, 4) << 11 | (uint)rng.Next(0, 2) << 4;
            var key = new EfuseKey((uint)rng.Next(), (uint)rng.Next(), (uint)rng.Next() | 1, coef3);
            var data = new byte[256];
            rng.NextBytes(data);
            var copy = (byte[])data.Clone();
            var c = new CodeCipher(key);
            c.Apply(copy, 0x10000);
            if (settings != 0xF) Assert.NotEqual(data, copy);
            c.Apply(copy, 0x10000);
            Assert.Equal(data, copy);
        }
    }

    [Fact]
    public void P15_and_P16_terms_stay_in_their_halves()
    {
        // P15 only (bits 1,2,3 disable P16, P32, R): the keystream lives in the upper 16 bits.
        var p15 = new CodeCipher(new EfuseKey(0, 0xABCD1234, 0, 0x5500000E));
        var p16 = new CodeCipher(new EfuseKey(0, 0xABCD1234, 0, 0x5500000D));
        for (uint a = 0; a < 4096; a += 4)
        {
            Assert.Equal(0u, p15.Keystream(a) & 0xFFFF);
            Assert.Equal(0u, p16.Keystream(a) & 0xFFFF0000);
        }
    }

    [Fact]
    public void Real_tuya_apps_decrypt_to_the_arm_vector()
    {
        foreach (var name in new[] { "Mirabella-Genio-I003632-Plug.bin", "Brilo-8464455-Ceiling-Light.bin" })
        {
            var dump = SharedDumps.Load(name);
            if (dump is null) return;
            Assert.Equal(new byte[] { 0x2F, 0x07, 0xB5, 0x94, 0x35, 0xFF, 0x2A, 0x9B }, dump[0x11000..0x11008]);
            var found = KeyProbe.Identify(dump.AsSpan(0x11000, 32), 0x10000);
            Assert.Equal("tuya", found?.Name);
        }
    }
}
