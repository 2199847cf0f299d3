using BkTui.Core.Chips;
using BkTui.Core.Compatibility;

namespace BkTui.Tests.Compatibility;

/// <summary>The sentence a confirmation question shows before a chip is linked (the TUI's flash question).</summary>
public sealed class CompatibilityPreviewTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-preview-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, byte[] data)
    {
        var p = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(p, data);
        return p;
    }

    [Fact]
    public void An_n_build_for_an_adapter_that_last_held_a_t_is_announced_as_refused()
    {
        var n = File("OpenBK7231N_QIO.bin", GateImages.Build(ChipFamily.BK7231N));
        Assert.Contains("built for BK7231N but this adapter last held a BK7231T", CompatibilityPreview.Describe(n, ChipFamily.BK7231T));
        Assert.Contains("OpenBK7231T_UA_*.bin", CompatibilityPreview.Describe(n, ChipFamily.BK7231T));
        Assert.StartsWith("OpenBK7231N_QIO.bin is built for BK7231N;", CompatibilityPreview.Describe(n, ChipFamily.BK7231M));
    }

    [Fact]
    public void Damaged_unknown_and_unreadable_files_are_announced()
    {
        var app = GateImages.Build(ChipFamily.BK7231T);
        Assert.Contains("damaged", CompatibilityPreview.Describe(File("cut.bin", app[..^5]), ChipFamily.BK7231T));
        Assert.Contains("--allow-unknown-family", CompatibilityPreview.Describe(File("tuya.bin", GateImages.Anonymous(ChipFamily.BK7231T)), null));
        Assert.Contains("is a directory", CompatibilityPreview.Describe(_dir, null));
    }

    [Fact]
    public void A_build_under_another_key_than_the_chip_last_seen_is_announced_as_a_key_mismatch()
    {
        var n = File("OpenBK7231N_QIO.bin", GateImages.Build(ChipFamily.BK7231N));
        var onZero = CompatibilityPreview.Assess(n, ChipFamily.BK7231M, "zero");
        Assert.True(onZero is { WillRefuse: true, KeyMismatch: true }, onZero.Text);
        Assert.Contains("encrypted with the tuya key but the chip last seen on this adapter has the zero key", onZero.Text);
        Assert.Contains("OpenBK7231M", onZero.Text);
        var m = File("OpenBK7231M.bin", GateImages.Build(ChipFamily.BK7231M));
        Assert.True(CompatibilityPreview.Assess(m, ChipFamily.BK7231N, "tuya").KeyMismatch);
        var same = CompatibilityPreview.Assess(n, ChipFamily.BK7231N, "tuya");
        Assert.False(same.WillRefuse || same.KeyMismatch, same.Text);
        Assert.False(CompatibilityPreview.Assess(n, ChipFamily.BK7231N, null).KeyMismatch); // nothing known: the gate decides on the chip
    }
}
