using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Jobs;
using BkTui.Core.Serial;
using BkTui.Tui.ViewModels;

namespace BkTui.Tests.Tui.ViewModels;

public sealed class ViewModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(39, "just now")]
    [InlineData(59, "just now")]
    [InlineData(61, "a minute ago")]
    [InlineData(180, "3 minutes ago")]
    [InlineData(7200, "2 hours ago")]
    public void Ago_ChangesAtMostOnceAMinute(int secondsAgo, string expected) =>
        Assert.Equal(expected, Humane.Ago(Now.AddSeconds(-secondsAgo), Now));

    [Theory]
    [InlineData(0.0, 10, true, "░░░░░░░░░░")]
    [InlineData(0.5, 10, true, "█████░░░░░")]
    [InlineData(1.0, 4, false, "####")]
    [InlineData(0.26, 8, false, "##......")]
    [InlineData(7.0, 3, true, "███")]
    public void ProgressBar_Fraction_FillsWholeCells(double f, int width, bool unicode, string expected) =>
        Assert.Equal(expected, ProgressBar.Draw(f, width, unicode));

    [Theory]
    [InlineData(0, "job", "0 jobs")]
    [InlineData(1, "job", "1 job")]
    [InlineData(2, "dump", "2 dumps")]
    public void Count_NamesTheQuantityWithItsNoun(int n, string noun, string expected) =>
        Assert.Equal(expected, Humane.Count(n, noun));

    private static JobSnapshot Job(long id, string port, JobState state, JobProgress? p = null, string? step = null, int retries = 0) => new()
    {
        Id = id, Request = new JobRequest { Port = port, Recipe = Recipe.Backup }, State = state, Progress = p, Retries = retries,
        Steps = step is null ? [] : [new StepReport("identify", StepState.Done), new StepReport(step, StepState.Running)],
    };

    [Fact]
    public void QueueRows_RunningJob_ShowsStepPercentSpeedAndEta()
    {
        var row = QueueRows.Row(Job(3, "/dev/pts/4", JobState.Running, new JobProgress("read", 1 << 20, 2 << 20, 512 * 1024, TimeSpan.FromSeconds(2)), "read flash", retries: 1));
        Assert.Equal("RUN", row.Word);
        Assert.Equal("read flash", row.Step);
        Assert.Equal("50%", row.Percent);
        Assert.Equal("512 KB/s", row.Speed);
        Assert.Equal("2 seconds", row.Eta); // one unit: it must fit a column
        Assert.Equal(1, row.Retries);
        Assert.Equal("█████░░░░░", row.Bar(10));
    }

    [Fact]
    public void QueueRows_Mixed_GroupsByPortThenId_AndWordsEveryState()
    {
        var rows = QueueRows.From([
            Job(5, "/dev/b", JobState.Queued), Job(2, "/dev/b", JobState.Done),
            Job(9, "/dev/a", JobState.NeedsAttention) with { Attention = "reset the device now" },
            Job(1, "/dev/a", JobState.Failed) with { Error = "no link" }]);
        Assert.Equal([1L, 9, 2, 5], rows.Select(r => r.JobId));
        Assert.Equal(["FAIL", "ACT!", "OK", "WAIT"], rows.Select(r => r.Word));
        Assert.Equal("reset the device now", rows[1].Note);
        Assert.Equal("no link", rows[0].Note);
        Assert.Equal("", rows[3].Percent);
        Assert.Equal(1.0, rows[2].Fraction);
    }

    /// <summary>A dump on the archive's device row for <paramref name="mac"/> (its last two digits + 10), or in the unidentified bucket without one.</summary>
    private static DumpSummary Dump(long id, string? mac, int minutesAgo, string label = "", string chip = "BK7231N") =>
        new(id, "sha" + id, 2 << 20, mac, Now.AddMinutes(-minutesAgo), Now, DumpSource.FromPort("/dev/pts/" + id), null, "A", chip, label, 0)
        { DeviceId = mac is null ? DumpArchive.UnidentifiedBucket : DeviceIdOf(mac) };

    private static long DeviceIdOf(string mac) => 10 + Convert.ToInt64(mac[^2..], 16);

    private static DeviceRecord Device(string mac, string chip, int minutesAgo, params string[] labels) =>
        new(DeviceIdOf(mac), mac, chip, null, null, null, "tuya", null, labels, "", Now.AddDays(-1), Now.AddMinutes(-minutesAgo), 0, null,
            new Dictionary<string, int> { ["/dev/pts/1"] = 921600 });

    [Fact]
    public void ArchiveRows_GroupByTheArchivesDevice_NeverByMissingMac()
    {
        // The tester's archive: a BK7231T known only by its Tuya uuid (#4) and an unidentified truncated dump (#25).
        var tuya = new DeviceRecord(7, null, "BK7231T", null, null, null, null, null, [], "", Now.AddDays(-1), Now.AddMinutes(-30), 1, 4,
            new Dictionary<string, int>()) { Keys = [new("tuya:168e4d421b716e97", BkTui.Core.Identity.IdentityEvidence.TuyaUuid)] };
        var bucket = new DeviceRecord(DumpArchive.UnidentifiedBucket, null, "BK7231N", null, null, null, null, null, [], "", Now, Now, 2, 25,
            new Dictionary<string, int>());
        var rows = ArchiveRows.Build([tuya, bucket],
            [Dump(25, null, 5, chip: "BK7231N"), Dump(24, null, 6, chip: "BK7231N"), Dump(4, null, 30, chip: "BK7231T") with { DeviceId = 7 }], null, Now);

        Assert.Equal(["dev:7", "dump:4", "dev:u25", "dump:25", "dev:u24", "dump:24"], rows.Select(r => r.Key));
        Assert.StartsWith("tuya:168e4d421b716e97  BK7231T", rows[0].Title);
        Assert.Equal("1 dump", rows[0].Size);
        Assert.Equal("tuya:168e4d421b716e97", rows[0].Identity);
        Assert.StartsWith("unidentified #25  BK7231N", rows[2].Title);
        Assert.Null(rows[2].Identity);
        Assert.NotEqual(rows[3].Group, rows[5].Group);
    }

    [Fact]
    public void ArchiveRows_DevicesNewestFirst_DumpsNewestFirstUnderTheirDevice()
    {
        var rows = ArchiveRows.Build(
            [Device("AA:00:00:00:00:01", "BK7231N", 60, "plug"), Device("AA:00:00:00:00:02", "BK7231T", 5)],
            [Dump(1, "AA:00:00:00:00:01", 120), Dump(2, "AA:00:00:00:00:01", 30), Dump(3, "AA:00:00:00:00:02", 5), Dump(4, null, 1)],
            null, Now);
        Assert.Equal(["dev:12", "dump:3", "dev:11", "dump:2", "dump:1", "dev:u4", "dump:4"], rows.Select(r => r.Key));
        Assert.Equal("5 minutes ago", rows[1].When);
        Assert.Equal("2 MB", rows[1].Size);
        Assert.Equal("2 dumps", rows[2].Size);
        Assert.StartsWith(ArchiveRows.Unidentified, rows[5].Title);
    }

    [Theory]
    [InlineData("plug", new[] { "dev:11", "dump:2", "dump:1" })]
    [InlineData("00:02", new[] { "dev:12", "dump:3" })]
    [InlineData("kitchen", new[] { "dev:11", "dump:1" })]
    [InlineData("nothing-like-it", new string[0])]
    public void ArchiveRows_Filter_ByMacOrLabel(string filter, string[] expected)
    {
        var rows = ArchiveRows.Build(
            [Device("AA:00:00:00:00:01", "BK7231N", 60, "plug"), Device("AA:00:00:00:00:02", "BK7231T", 5)],
            [Dump(1, "AA:00:00:00:00:01", 120, "kitchen"), Dump(2, "AA:00:00:00:00:01", 30), Dump(3, "AA:00:00:00:00:02", 5)],
            filter, Now);
        Assert.Equal(expected, rows.Select(r => r.Key));
    }

    [Fact]
    public void PortRows_ShowByIdName_LastDevice_AndCurrentJob()
    {
        var ports = new[]
        {
            new PortInfo("/dev/pts/1", "/dev/serial/by-id/usb-FTDI_FT232R-if00-port0", "ftdi_sio", "0403", "6001", "A1", "FT232R", false, null),
            new PortInfo("/dev/pts/2", null, null, null, null, null, null, true, 4242, "minicom"),
        };
        var rows = PortRows.Build(ports, [Device("AA:00:00:00:00:01", "BK7231N", 5)],
            [Job(7, "/dev/pts/1", JobState.Running, new JobProgress("read", 1, 4, 1), "read flash")]);
        Assert.Equal("pts/2", rows[0].Name);
        Assert.Equal(("busy", "pid 4242 minicom"), (rows[0].State, rows[0].Holder));
        Assert.Equal("usb-FTDI_FT232R-if00-port0", rows[1].Name);
        Assert.Equal("FT232R (0403:6001)", rows[1].Adapter);
        Assert.Equal("in use", rows[1].State);
        Assert.Equal("ftdi_sio", rows[1].Driver);
        Assert.Equal("AA:00:00:00:00:01 BK7231N", rows[1].LastDevice);
        Assert.Equal("RUN backup 25% read flash", rows[1].Job); // the percentage before the step: a cut never takes it
    }

    [Fact]
    public void DeviceVerdict_ZeroKeyAndPlaceholderMac_SaysZeroKeyBuildAndRestoreRf()
    {
        var v = DeviceViews.Verdict(ChipFamily.BK7231M, EfuseKey.Zero, "c8:47:8c:00:00:00");
        Assert.Contains("BK7231M / BL2028N", v[0].Text);
        Assert.Contains("zero-key", v[0].Text);
        Assert.Contains("bootloader is kept", v[0].Text);
        Assert.Equal(VerdictLevel.Warning, v[1].Level);
        Assert.Contains("Restore RF", v[1].Text);
    }

    [Fact]
    public void DeviceVerdict_TuyaKeyRealMac_IsOk_MissingMacIsDanger()
    {
        var ok = DeviceViews.Verdict(ChipFamily.BK7231N, EfuseKey.Tuya, "38:1f:8d:5a:10:02");
        // Every fact is fine; the backup is still a to-do until the archive holds a dump of it.
        Assert.All(ok.Where(l => l.Text != DeviceViews.BackUpFirst), l => Assert.Equal(VerdictLevel.Ok, l.Level));
        Assert.Equal(VerdictLevel.Warning, Assert.Single(ok, l => l.Text == DeviceViews.BackUpFirst).Level);
        var missing = DeviceViews.Verdict(ChipFamily.BK7231T, null, null);
        Assert.Contains(missing, l => l.Level == VerdictLevel.Danger && l.Text.Contains("Restore RF"));
    }

    [Fact]
    public void PartitionMap_BarAndTable_FromPartitions()
    {
        var map = PartitionMapView.From(0x200000, [
            new PartitionInfo("app", 0x11000, 0x119000, "RBL header"),
            new PartitionInfo("bootloader", 0, 0x11000, "vector table"),
            new PartitionInfo("rf", 0x1D0000, 0x1000, "TLV magic")]);
        Assert.Equal(["bootloader", "app", "rf"], map.Rows.Select(r => r.Name));
        Assert.Equal("0x011000", map.Rows[1].StartText);
        Assert.Equal("1124 KiB", map.Rows[1].SizeText);
        Assert.Equal(["~2 KiB", "512 B", "~1230 KiB", "4 KiB"], new long[] { 1536, 512, 1_259_315, 4096 }.Select(n => (map.Rows[1] with { Size = n }).SizeText));
        var bar = map.Bar(32);
        Assert.Equal(32, bar.Length);
        Assert.Equal('A', bar[0]);
        Assert.Equal('B', bar[5]);
        Assert.Contains('C', bar); // a 4 KiB partition still gets a cell
        Assert.Equal(PartitionMapView.Gap, bar[31]);
    }
}
