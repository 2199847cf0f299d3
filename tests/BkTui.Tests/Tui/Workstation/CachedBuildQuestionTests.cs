using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>Flashing a cached build ("latest"): the question says before y what the cache holds for the port's family, with the engine's own lookup.</summary>
public sealed class CachedBuildQuestionTests
{
    private static ConfirmOverlay AskLatest(WorkstationHarness h)
    {
        h.Focus(QueuePane.PaneIdValue).Press("f").Press("latest").Press(Key.Of(KeyCode.Enter));
        return Assert.IsType<ConfirmOverlay>(h.State.Overlay);
    }

    [Fact]
    public void No_cached_build_for_the_family_is_said_before_y()
    {
        var dialog = AskLatest(new WorkstationHarness());
        var check = Assert.Single(dialog.Stakes, s => s.Label == "Check");
        Assert.Equal(StakeLevel.Danger, check.Level);
        Assert.Contains("the engine will refuse it after linking: no cached BK7231N build for version 'latest'", check.Text);
        Assert.Contains("bktui firmware get --chip BK7231N", check.Text);
    }

    [Fact]
    public void A_cached_build_is_named()
    {
        var h = new WorkstationHarness();
        h.Bench.Builds.Add(new CachedFirmware
        {
            Family = ChipFamily.BK7231N, Tag = "1.18.21", AssetName = "OpenBK7231N_QIO_1.18.21.bin", SourceUrl = "https://example.invalid/a",
            Sha256 = "00", Size = 1, DownloadedAt = WorkstationHarness.Clock, Key = "tuya", Kind = "qio",
        });
        var check = Assert.Single(AskLatest(h).Stakes, s => s.Label == "Check");
        Assert.Equal(StakeLevel.Normal, check.Level);
        Assert.StartsWith("BK7231N: OpenBK7231N_QIO_1.18.21.bin (1.18.21)", check.Text);
    }
}
