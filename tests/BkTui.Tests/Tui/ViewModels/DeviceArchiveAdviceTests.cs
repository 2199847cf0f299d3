using BkTui.Tests.Tui.Workstation;
using BkTui.Tui.ViewModels;

namespace BkTui.Tests.Tui.ViewModels;

/// <summary>
/// The Device pane's backup advice knows the archive: "Back it up first" gave way to the count of
/// dumps when the identified chip's MAC is the archived device's; a placeholder MAC proves nothing.
/// </summary>
public sealed class DeviceArchiveAdviceTests
{
    private static DeviceView Identified(string mac) =>
        new("/dev/ttyUSB0", [("Chip", "BK7231N"), ("MAC", mac)], [new(VerdictLevel.Ok, "Tuya key"), new(VerdictLevel.Ok, DeviceViews.BackUpFirst)]) { Mac = mac };

    private static readonly BkTui.Core.Archive.DeviceRecord Plug = WorkstationHarness.Sample().DeviceList[0]; // 2 dumps, MAC 38:1F:8D:5A:10:02

    [Fact]
    public void The_same_mac_counts_its_archived_dumps_instead_of_asking_for_a_backup()
    {
        var view = DeviceViews.WithArchive(Identified("38:1f:8d:5a:10:02"), Plug, fromArchive: false);
        Assert.DoesNotContain(view.Verdict, l => l.Text == DeviceViews.BackUpFirst);
        Assert.Contains(view.Verdict, l => l.Text.StartsWith("Archived: 2 dumps of it", StringComparison.Ordinal));
        Assert.Equal("Tuya key", view.Verdict[0].Text);
    }

    [Fact]
    public void Another_mac_or_no_dump_keeps_the_advice()
    {
        Assert.Contains(DeviceViews.WithArchive(Identified("C8:47:8C:42:10:99"), Plug, fromArchive: false).Verdict, l => l.Text == DeviceViews.BackUpFirst);
        Assert.Contains(DeviceViews.WithArchive(Identified("38:1F:8D:5A:10:02"), Plug with { DumpCount = 0 }, fromArchive: false).Verdict, l => l.Text == DeviceViews.BackUpFirst);
        Assert.Contains(DeviceViews.WithArchive(Identified("38:1F:8D:5A:10:02"), null, fromArchive: false).Verdict, l => l.Text == DeviceViews.BackUpFirst);
    }

    [Fact]
    public void A_placeholder_mac_says_the_dump_cannot_be_proven_to_be_this_boards()
    {
        var unidentified = Plug with { Mac = null, Keys = [], PlaceholderMac = "C8:47:8C:00:00:00", DumpCount = 1 };
        var view = DeviceViews.WithArchive(Identified("C8:47:8C:00:00:00"), unidentified, fromArchive: false);
        var line = Assert.Single(view.Verdict, l => l.Text.Contains("placeholder MAC cannot prove", StringComparison.Ordinal));
        Assert.Contains("back this one up unless you are sure", line.Text, StringComparison.Ordinal);
    }
}
