using BkTui.Core.Chips;
using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Crypto;
using BkTui.Core.Formats.Rbl;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

public class CodeImageTests
{
    [Fact]
    public void Real_image_converts_to_zero_key_and_back_byte_identically()
    {
        var dump = SharedDumps.Load("Mirabella-Genio-I003632-Plug.bin");
        if (dump is null) return;
        var qio = dump.AsSpan(0, 0x129F70).ToArray();
        var zero = CodeImage.ConvertKey(qio, 0, EfuseKey.Tuya, EfuseKey.Zero);
        // Plain vector tables at both partition starts, marker and FAL table untouched.
        Assert.True(KeyProbe.LooksLikeVectorTable(CrcBlocks.ToLogical(zero.AsSpan(0, 34))));
        Assert.True(KeyProbe.LooksLikeVectorTable(CrcBlocks.ToLogical(zero.AsSpan(0x11000, 34))));
        Assert.Equal("BK7231\0\0"u8.ToArray(), CrcBlocks.ToLogical(zero.AsSpan(0, 0x11000))[0x100..0x108]);
        Assert.Equal(3, FalTable.Find(CrcBlocks.ToLogical(zero.AsSpan(0, 0x11000)), out _).Count);
        // Every block still has a valid CRC and the RBL payload checks were updated.
        Assert.Equal(CrcBlocks.Count(qio).Valid, CrcBlocks.Count(zero).Valid);
        var app = RblLocator.TryAt(zero, 0x129F0A)!;
        Assert.True(app.Header.MatchesPayload(CrcBlocks.ToLogical(zero.AsSpan(0x11000, 0x129F0A - 0x11000))));

        var back = CodeImage.ConvertKey(zero, 0, EfuseKey.Zero, EfuseKey.Tuya);
        Assert.Equal(qio, back);
    }

    [Fact]
    public void Synthetic_app_encrypts_with_any_key_and_round_trips()
    {
        var plain = new byte[4096];
        new Random(3).NextBytes(plain);
        new byte[] { 0x0E, 0x00, 0x00, 0xEA }.CopyTo(plain, 0);
        for (var i = 4; i < 32; i += 4) new byte[] { 0x14, 0xF0, 0x9F, 0xE5 }.CopyTo(plain, i);
        var phys = CrcBlocks.ToPhysical(plain);
        var key = new EfuseKey(0x11223344, 0x55667788, 0x99AABBCC, 0x5500_0830);
        var enc = CodeImage.Encrypt(phys, CodeImage.AppLogical, key);
        Assert.NotEqual(phys, enc);
        Assert.Null(KeyProbe.Identify(CrcBlocks.ToLogical(enc), CodeImage.AppLogical));
        Assert.Equal(phys, CodeImage.Decrypt(enc, CodeImage.AppLogical, key));
        var tuya = CodeImage.Encrypt(phys, CodeImage.AppLogical, EfuseKey.Tuya);
        Assert.Equal(new byte[] { 0x2F, 0x07, 0xB5, 0x94, 0x35, 0xFF, 0x2A, 0x9B }, tuya[..8]);
        Assert.Equal("tuya", KeyProbe.Identify(CrcBlocks.ToLogical(tuya), CodeImage.AppLogical)?.Name);
    }
}
