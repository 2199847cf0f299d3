using BkTui.Core.Formats.Crc16;
using BkTui.Core.Formats.Rbl;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

public class RblAndFalTests
{
    [Fact]
    public void Header_round_trips_and_checks_its_crc()
    {
        var payload = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var h = RblHeader.ForPayload("app", "1.00", payload, 1008, timestamp: 1234);
        var bytes = h.ToBytes();
        var back = RblHeader.TryParse(bytes)!;
        Assert.True(back.HeaderCrcOk);
        Assert.Equal("app", back.Name);
        Assert.Equal("1.00", back.Version);
        Assert.Equal(1000u, back.RawSize);
        Assert.True(back.MatchesPayload(payload));
        payload[3] ^= 1;
        Assert.False(back.MatchesPayload(payload));
        bytes[0x20] ^= 1;
        Assert.False(RblHeader.TryParse(bytes)!.HeaderCrcOk);
    }

    [Fact]
    public void Locator_finds_plain_and_crc_form_headers()
    {
        var h = RblHeader.ForPayload("bootloader", "1.00", new byte[64], 64).ToBytes();
        var buf = new byte[4096];
        h.CopyTo(buf, 100);
        CrcBlocks.ToPhysical(h).CopyTo(buf, 34 * 50);
        var found = RblLocator.FindAll(buf);
        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.Offset == 100 && !f.InCrcForm);
        Assert.Contains(found, f => f.Offset == 34 * 50 && f.InCrcForm);
    }

    [Fact]
    public void Real_dumps_have_both_in_flash_headers_and_their_payload_checksums_hold()
    {
        var dump = SharedDumps.Load("Mirabella-Genio-I003632-Plug.bin");
        if (dump is null) return;
        var boot = RblLocator.TryAt(dump, 0x10F9A)!;
        var app = RblLocator.TryAt(dump, 0x129F0A)!;
        Assert.True(boot.InCrcForm);
        Assert.Equal("bootloader", boot.Header.Name);
        Assert.Equal(0xEA1Cu, boot.Header.RawSize);
        Assert.Equal(0xEA20u, boot.Header.PackageSize);
        Assert.Equal("app", app.Header.Name);
        Assert.Equal(0x10u, app.Header.PackageSize - app.Header.RawSize);
        Assert.True(boot.Header.MatchesPayload(CrcBlocks.ToLogical(dump.AsSpan(0, 0x10F9A))));
        Assert.True(app.Header.MatchesPayload(CrcBlocks.ToLogical(dump.AsSpan(0x11000, 0x129F0A - 0x11000))));
    }

    [Fact]
    public void Fal_table_round_trips_and_real_tables_match_the_doc()
    {
        var table = FalTable.Build(FalTable.Default(0x12A000));
        var buf = new byte[1024];
        table.CopyTo(buf, 0x15C);
        var found = FalTable.Find(buf, out var at);
        Assert.Equal(0x15C, at);
        Assert.Equal(FalTable.Default(0x12A000), found);
        Assert.Equal(0x129F70u - 0x11000u, found[1].PhysicalLength);
        Assert.Equal(0x11000u, found[1].PhysicalStart);

        var withCrc = FalTable.Build(FalTable.Default(0x132000), withCrc: true);
        Assert.All(FalTable.Find(withCrc, out _), e => Assert.True(e.CrcOk));

        foreach (var (file, download, tableAt) in new[] { ("Mirabella-Genio-I003632-Plug.bin", 0x12A000u, 0xE95C), ("Brilo-8464455-Ceiling-Light.bin", 0x132000u, 0xDC50) })
        {
            var dump = SharedDumps.Load(file);
            if (dump is null) return;
            var real = FalTable.Find(CrcBlocks.ToLogical(dump.AsSpan(0, 0x11000)), out var realAt);
            Assert.Equal(tableAt, realAt);
            Assert.Equal(FalTable.Default(download).Select(e => (e.Name, e.Device, e.Offset, e.Length)), real.Select(e => (e.Name, e.Device, e.Offset, e.Length)));
        }
    }
}
