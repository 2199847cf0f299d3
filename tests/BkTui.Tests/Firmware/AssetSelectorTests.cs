using BkTui.Core.Chips;
using BkTui.Core.Firmware;

namespace BkTui.Tests.Firmware;

public class AssetSelectorTests
{
    // The file set of a typical OpenBeken release: app, QIO, OTA, UG and cloudcutter variants.
    private static readonly string[] Names =
    [
        "OpenBK7231T_1.18.5.rbl", "OpenBK7231T_UG_1.18.5.bin", "OpenBK7231T_UA_1.18.5.bin", "OpenBK7231T_QIO_1.18.5.bin",
        "OpenBK7231N_1.18.5.rbl", "OpenBK7231N_UG_1.18.5.bin", "OpenBK7231N_QIO_1.18.5.bin", "OpenBK7231N_ota_1.18.5.bin",
        "OpenBK7231M_ALT_QIO_1.18.5.bin", "OpenBK7231M_QIO_1.18.5.bin", "OpenBK7231M_1.18.5.rbl",
        "OpenBK7231U_UA_1.18.5_gz.bin", "OpenBK7231U_UA_1.18.5.bin", "OpenBK7231U_1.18.5.rbl",
        "OpenBK7238_QIO_1.18.5.bin", "OpenBK7238_1.18.5.rbl",
        "OpenBK7252_UA_cloudcutter_1.18.5.bin", "OpenBK7252_UA_1.18.5.bin", "OpenBK7252_1.18.5.rbl",
        "OpenXR809_1.18.5.img",
    ];

    private static FirmwareRelease Release(string tag, DateTimeOffset? when, bool pre = false, IEnumerable<string>? names = null) =>
        new(tag, null, when, pre, (names ?? Names).Select(n => new FirmwareAsset(n.Replace("1.18.5", tag), 1000, new Uri($"http://h/{n}"), null)).ToList());

    [Theory]
    [InlineData(ChipFamily.BK7231T, "OpenBK7231T_UA_1.18.5.bin")]
    [InlineData(ChipFamily.BK7231N, "OpenBK7231N_QIO_1.18.5.bin")]
    [InlineData(ChipFamily.BK7231M, "OpenBK7231M_QIO_1.18.5.bin")]
    [InlineData(ChipFamily.BK7231U, "OpenBK7231U_UA_1.18.5.bin")]
    [InlineData(ChipFamily.BK7238, "OpenBK7238_QIO_1.18.5.bin")]
    [InlineData(ChipFamily.BK7252, "OpenBK7252_UA_1.18.5.bin")]
    public void PicksTheUartFileOfEachFamily(ChipFamily family, string expected)
    {
        var choice = AssetSelector.Choose([Release("1.18.5", DateTimeOffset.UnixEpoch)], family, "latest");
        Assert.Equal(expected, choice.Asset.Name);
    }

    [Fact]
    public void BK7231MFallsBackToTheAltQioBuild()
    {
        var r = Release("2.0.0", null, names: ["OpenBK7231M_ALT_QIO_2.0.0.bin", "OpenBK7231N_QIO_2.0.0.bin"]);
        Assert.Equal("OpenBK7231M_ALT_QIO_2.0.0.bin", AssetSelector.Choose([r], ChipFamily.BK7231M, null).Asset.Name);
    }

    [Theory]
    [InlineData("OpenBK7231N_1.18.5.rbl")]
    [InlineData("OpenBK7231N_UG_1.18.5.bin")]
    [InlineData("OpenBK7231N_QIO_ota_1.18.5.bin")]
    [InlineData("OpenBK7231N_QIO_1.18.5_gz.bin")]
    [InlineData("OpenBK7231N_QIO_cloudcutter.bin")]
    [InlineData("OpenBK7231N_QIO_1.18.5.ota")]
    public void NeverPicksOtaOrCloudcutterFiles(string name)
    {
        Assert.False(AssetSelector.IsUartFlashable(name));
        var e = Assert.Throws<FirmwareException>(() => AssetSelector.Choose([Release("1", null, names: [name])], ChipFamily.BK7231N, "latest"));
        Assert.Equal(FirmwareError.NoMatch, e.Error);
    }

    [Fact]
    public void LatestIsTheNewestStableReleaseThatHasTheFamily()
    {
        var day = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var releases = new[]
        {
            Release("1.0.0", day),
            Release("1.2.0-beta", day.AddDays(3), pre: true),
            Release("1.1.0", day.AddDays(2), names: ["OpenBK7231N_QIO_1.1.0.bin"]), // no M build in this one
            Release("1.0.5", day.AddDays(1)),
        };
        Assert.Equal("1.1.0", AssetSelector.Choose(releases, ChipFamily.BK7231N, "latest").Release.Tag);
        Assert.Equal("1.0.5", AssetSelector.Choose(releases, ChipFamily.BK7231M, "LATEST").Release.Tag);
        Assert.Equal("1.2.0-beta", AssetSelector.Choose(releases, ChipFamily.BK7231N, "1.2.0-beta").Release.Tag);
        Assert.Equal("1.0.0", AssetSelector.Choose(releases, ChipFamily.BK7231T, "v1.0.0").Release.Tag);
    }

    [Fact]
    public void UnknownTagOrMissingFileIsAClearError()
    {
        var releases = new[] { Release("1.1.0", null, names: ["OpenBK7231N_QIO_1.1.0.bin"]) };
        var e = Assert.Throws<FirmwareException>(() => AssetSelector.Choose(releases, ChipFamily.BK7231N, "9.9.9"));
        Assert.Contains("No release tagged '9.9.9'", e.Message);
        e = Assert.Throws<FirmwareException>(() => AssetSelector.Choose(releases, ChipFamily.BK7231T, "1.1.0"));
        Assert.Contains("OpenBK7231T_UA_", e.Message);
    }
}
