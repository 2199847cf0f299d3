using System.Text.Json.Nodes;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Formats;

/// <summary>The analyze, image convert and hexdump verbs as real processes on real files.</summary>
public sealed class FormatsCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] data)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllBytes(p, data);
        return p;
    }

    [Fact]
    public void Analyze_json_has_the_contract_keys_and_masks_secrets()
    {
        var spec = new FlashImageSpec { Family = ChipFamily.BK7231N, IncludeObkConfig = true, WifiPassword = "pw-do-not-print-77" };
        var path = Write("dump.bin", FlashImageBuilder.Build(spec));
        var r = BktuiProcess.Run("analyze", path, "--json");
        Assert.Equal(0, r.ExitCode);
        var j = JsonNode.Parse(r.Stdout)!.AsObject();
        foreach (var k in new[] { "size", "sha256", "chip", "bootloader", "rotatedBy", "encryption", "partitions", "app", "mac", "macSource", "rf", "tuya", "obk", "quality" })
            Assert.True(j.ContainsKey(k), k);
        Assert.Equal("BK7231N", (string?)j["chip"]!["family"]);
        Assert.NotEmpty(j["chip"]!["evidence"]!.AsArray());
        foreach (var k in new[] { "name", "version", "crc32", "known" }) Assert.True(j["bootloader"]!.AsObject().ContainsKey(k), k);
        Assert.Equal("tuya", (string?)j["encryption"]!["key"]);
        Assert.Equal(4, j["encryption"]!["words"]!.AsArray().Count);
        foreach (var p in j["partitions"]!.AsArray())
            foreach (var k in new[] { "name", "start", "size", "evidence" }) Assert.True(p!.AsObject().ContainsKey(k), k);
        Assert.Equal(FlashImageBuilder.DefaultMac(ChipFamily.BK7231N).ToString(), (string?)j["mac"]);
        foreach (var k in new[] { "present", "offset", "macIsPlaceholder", "advice" }) Assert.True(j["rf"]!.AsObject().ContainsKey(k), k);
        Assert.Equal("CB2S", (string?)j["tuya"]!["userConfig"]!["module"]);
        Assert.Contains(j["tuya"]!["keys"]!.AsArray(), k => (string?)k!["name"] == "gw_wsm");
        Assert.Equal("bench-wifi", (string?)j["obk"]!["wifiSsid"]);
        Assert.Equal("A", (string?)j["quality"]!["grade"]);
        Assert.DoesNotContain("pw-do-not-print-77", r.Stdout);
        Assert.Equal("***", (string?)j["obk"]!["wifiPassword"]);
        Assert.Equal("***", (string?)j["tuya"]!["values"]!["gw_wsm"]!["passwd"]);

        var revealed = BktuiProcess.Run("analyze", path, "--json", "--reveal-secrets");
        Assert.Contains("pw-do-not-print-77", revealed.Stdout);
        var text = BktuiProcess.Run("analyze", path);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("rf-calibration", text.Stdout);
        Assert.DoesNotContain("pw-do-not-print-77", text.Stdout);
    }

    [Fact]
    public void Bad_inputs_get_clear_errors_and_exit_codes()
    {
        Assert.Equal(7, BktuiProcess.Run("analyze", Path.Combine(_dir, "missing.bin")).ExitCode);
        Assert.Equal(7, BktuiProcess.Run("analyze", _dir).ExitCode);
        var huge = Path.Combine(_dir, "huge.bin");
        using (var f = File.Create(huge)) f.SetLength(65L * 1024 * 1024); // sparse
        var r = BktuiProcess.Run("analyze", huge);
        Assert.Equal(7, r.ExitCode);
        Assert.Contains("64 MiB", r.Stderr);
        var ff = BktuiProcess.Run("analyze", Write("ff.bin", Enumerable.Repeat((byte)0xFF, 0x200000).ToArray()));
        Assert.Equal(7, ff.ExitCode);
        Assert.Contains("0xFF", ff.Stdout);
    }

    [Fact]
    public void Image_convert_round_trips_and_refuses_what_it_cannot_do()
    {
        var spec = new FlashImageSpec { Family = ChipFamily.BK7231N };
        var qio = FlashImageBuilder.Qio(spec, EfuseKey.Tuya);
        var input = Write("OpenBK7231N_QIO_test.bin", qio);
        var zero = Path.Combine(_dir, "zero.bin");
        var back = Path.Combine(_dir, "back.bin");
        var r = BktuiProcess.Run("image", "convert", input, "--to-key", "zero", "--out", zero);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("round trip verified", r.Stdout);
        Assert.NotEqual(qio, File.ReadAllBytes(zero));
        Assert.Equal(0, BktuiProcess.Run("image", "convert", zero, "--to-key", "tuya", "--out", back).ExitCode);
        Assert.Equal(qio, File.ReadAllBytes(back));

        Assert.Equal(5, BktuiProcess.Run("image", "convert", input, "--to-key", "zero", "--out", zero).ExitCode); // exists
        Assert.Equal(2, BktuiProcess.Run("image", "convert", input, "--to-key", "nope", "--out", Path.Combine(_dir, "x.bin")).ExitCode);
        var random = new byte[50000];
        new Random(4).NextBytes(random);
        var bad = BktuiProcess.Run("image", "convert", Write("random.bin", random), "--to-key", "zero", "--out", Path.Combine(_dir, "y.bin"));
        Assert.Equal(7, bad.ExitCode);
        Assert.False(File.Exists(Path.Combine(_dir, "y.bin")));
    }

    [Fact]
    public void Hexdump_labels_lines_with_partitions()
    {
        var path = Write("dump.bin", FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231T }));
        var r = BktuiProcess.Run("hexdump", path, "--start", "0x10FE0", "--length", "64");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n');
        Assert.StartsWith("bootloader", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("app") && l.Contains("00011000"));
        var rf = BktuiProcess.Run("hexdump", path, "--start", "0x1E0000", "--length", "16");
        Assert.Contains("rf-calibration", rf.Stdout);
        Assert.Contains("|TLV.", rf.Stdout);
        Assert.Equal(2, BktuiProcess.Run("hexdump", path, "--start", "0x900000").ExitCode);
        Assert.Equal(2, BktuiProcess.Run("hexdump", path, "--length", "lots").ExitCode);
    }
}
