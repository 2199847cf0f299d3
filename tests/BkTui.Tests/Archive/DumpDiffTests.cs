using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

public class DumpDiffTests
{
    [Fact]
    public void DiffFindsTheChangedRanges()
    {
        using var t = new TempArchive();
        var a = SyntheticDumps.Make(20);
        var b = SyntheticDumps.Vary(a, 0x100, 0x101, 0x110, 0x9000, 0x3C000);
        var ia = t.Archive.Import(a, DumpSource.FromFile("a.bin")).DumpId;
        var ib = t.Archive.Import(b, DumpSource.FromFile("b.bin")).DumpId;

        var d = t.Archive.Diff(ia, ib);
        Assert.Equal(5, d.ChangedBytes);
        // 0x100..0x111 merge (gap < 32); the other two stand alone.
        Assert.Equal([(0x100L, 0x11L), (0x9000L, 1L), (0x3C000L, 1L)], d.Ranges.Select(r => (r.Start, r.Length)));
        Assert.True(t.Archive.Diff(ia, ia).Identical);
    }

    [Fact]
    public void RangesAreNamedByPartitionAndLengthChangesCount()
    {
        var partitions = DumpDiffer.Partitions("""
            {"partitions":[{"name":"bootloader","start":0,"size":"0x11000"},{"name":"app","start":"0x11000","size":1000000},{"name":"bad"}]}
            """).ToList();
        Assert.Equal(2, partitions.Count);
        var a = new byte[0x12000];
        var b = new byte[0x12000 + 16];
        b[0x10FFF] = 1; b[0x11000] = 1;
        var ranges = DumpDiffer.Ranges(a, b, partitions, out long changed);
        Assert.Equal(2 + 16, changed);
        Assert.Equal(["bootloader", "app"], ranges[0].Partitions);
        Assert.Equal(0x12000, ranges[^1].Start);
    }

    [Fact]
    public void ManyScatteredChangesStayBounded()
    {
        var a = new byte[4 * 1024 * 1024];
        var b = new byte[a.Length];
        for (int i = 0; i < b.Length; i += 64) b[i] = 1; // 65,536 separate changes
        var ranges = DumpDiffer.Ranges(a, b, [], out long changed);
        Assert.Equal(65_536, changed);
        Assert.InRange(ranges.Count, 1, DumpDiffer.MaxRanges);
        Assert.Equal(0, ranges[0].Start);
    }

    [Fact]
    public void ConfigKeysThatChangedAreListed()
    {
        var before = """{"tuya":{"ssid":"home","gpio":{"relay":6},"key":"••••"},"obk":null}""";
        var after = """{"tuya":{"ssid":"lab","gpio":{"relay":6,"led":8},"key":"••••"},"obk":{"mqttHost":"10.0.0.2"}}""";
        var changes = DumpDiffer.ConfigChanges(before, after);
        Assert.Equal(
            [("tuya", "gpio.led", (string?)null, (string?)"8"), ("tuya", "ssid", "home", "lab"), ("obk", "mqttHost", null, "10.0.0.2")],
            changes.Select(c => (c.Section, c.Key, c.Before, c.After)));
        Assert.Empty(DumpDiffer.ConfigChanges("not json", "{}"));
    }
}
