using System.Security.Cryptography;
using System.Text;
using BkTui.Core.Formats.TuyaKv;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

public class TuyaKvTests
{
    private static readonly byte[] DeviceKey = Encoding.ASCII.GetBytes("0123456789abcdef");

    [Fact]
    public void Writer_output_reads_back_including_values_spanning_blocks()
    {
        var big = Enumerable.Range(0, 5000).Select(i => (byte)('a' + i % 26)).ToArray();
        var values = new Dictionary<string, byte[]>
        {
            ["user_param_key"] = "{Jsonver:1.1.8,module:CB2S,rl1_pin:7,netled_pin:8,bt_pin:26}"u8.ToArray(),
            ["gw_wsm"] = "{\"ssid\":\"home\",\"passwd\":\"secret\"}"u8.ToArray(),
            ["big_value"] = big,
        };
        var region = TuyaKvWriter.Build(DeviceKey, values);
        Assert.Equal(0x12000, region.Length);
        var dump = new byte[0x200000];
        dump.AsSpan().Fill(0xFF);
        region.CopyTo(dump, 0x1EE000);

        var store = TuyaKvReader.TryRead(dump)!;
        Assert.Equal(0x1EE000u, store.KeyBlockOffset);
        Assert.Equal(DeviceKey, store.DeviceKey);
        Assert.Equal(values.Keys.Order(StringComparer.Ordinal), store.Entries.Select(e => e.Name));
        foreach (var (k, v) in values)
        {
            Assert.Equal(v, store.Get(k)!.Value);
            Assert.True(store.Get(k)!.ChecksumOk);
        }
    }

    [Fact]
    public void Newer_generation_of_a_block_wins()
    {
        var oldRegion = TuyaKvWriter.Build(DeviceKey, [new("k", "old"u8.ToArray())], dataBlocks: 2);
        var newRegion = TuyaKvWriter.Build(DeviceKey, [new("k", "new"u8.ToArray())], dataBlocks: 2);
        // Bump the generation of the new copy of block 0 by re-encrypting its header.
        var plain = DecryptBlock(newRegion.AsSpan(4096, 4096));
        plain[10] = 9;
        var sum = 0u;
        foreach (var b in plain.AsSpan(8)) sum += b;
        BitConverter.TryWriteBytes(plain.AsSpan(4), sum);
        var dump = new byte[6 * 4096];
        dump.AsSpan().Fill(0xFF);
        oldRegion.CopyTo(dump, 0);
        EncryptBlock(plain).CopyTo(dump, 4 * 4096);
        var store = TuyaKvReader.TryRead(dump)!;
        Assert.Equal("new"u8.ToArray(), store.Get("k")!.Value);
    }

    [Fact]
    public void Random_and_blank_data_has_no_storage()
    {
        Assert.Null(TuyaKvReader.TryRead(new byte[0x10000]));
        var r = new byte[0x10000];
        new Random(1).NextBytes(r);
        Assert.Null(TuyaKvReader.TryRead(r));
    }

    [Fact]
    public void Real_dumps_decode_the_usual_keys()
    {
        var dump = SharedDumps.Load("Mirabella-Genio-I003632-Plug.bin");
        if (dump is null) return;
        var store = TuyaKvReader.TryRead(dump)!;
        Assert.Equal(0x1EE000u, store.KeyBlockOffset);
        foreach (var k in new[] { "gw_bi", "gw_di", "gw_wsm", "gw_ai", "user_param_key" })
            Assert.True(store.Get(k)?.ChecksumOk, k);
        Assert.Empty(store.ProtectedBlocks);
        // N devices keep a "protected" copy block just below the storage (§7.5).
        var withProtected = SharedDumps.Load("Allegro-Berge-MI0014-30-x-5-cm-Milio.bin")!;
        Assert.Equal([0x1ED000u], TuyaKvReader.TryRead(withProtected)!.ProtectedBlocks);
    }

    private static byte[] DecryptBlock(ReadOnlySpan<byte> b)
    {
        using var aes = Aes.Create(); // .NET's own: an independent check of the managed one the reader uses
        aes.Key = TuyaKvCrypto.DataKey(DeviceKey);
        return aes.DecryptEcb(b, PaddingMode.None);
    }

    private static byte[] EncryptBlock(ReadOnlySpan<byte> b)
    {
        using var aes = Aes.Create(); // .NET's own: an independent check of the managed one the reader uses
        aes.Key = TuyaKvCrypto.DataKey(DeviceKey);
        return aes.EncryptEcb(b, PaddingMode.None);
    }
}
