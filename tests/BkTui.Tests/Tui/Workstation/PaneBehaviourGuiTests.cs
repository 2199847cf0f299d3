using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// Ports and Queue as a user meets them, on a headless Terminal.Gui driver at 80×24 and 120×40:
/// keys and clicks injected, the screen read back.
/// </summary>
public sealed class PaneBehaviourGuiTests
{
    public static TheoryData<int, int> Sizes => new() { { 80, 24 }, { 120, 40 } };

    private static GuiScreen Screen(WorkstationHarness t) => new(t.App, t.Services);

    private static int RowOf(string screen, string text) => Array.FindIndex(screen.Split('\n'), l => l.Contains(text, StringComparison.Ordinal));

    private static int ColumnOf(string screen, string text) => screen.Split('\n')[RowOf(screen, text)].IndexOf(text, StringComparison.Ordinal);

    [Theory, MemberData(nameof(Sizes))]
    public void Ports_ClickSelectsTheRow_MarksShowAndUClearsThem(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(PortsPane.PaneIdValue);
        using var screen = Screen(t);
        var text = screen.Text();
        screen.Click(ColumnOf(text, "bk7231t-bulb"), RowOf(text, "bk7231t-bulb"));
        Assert.Equal(WorkstationHarness.BulbPort, t.Pane<PortsState>(PortsPane.PaneIdValue).Selected);
        Assert.Contains("/tmp/bkdemo/bk7231t-bulb · pty", screen.Text()); // the footer follows the selection
        screen.Press(new TgKey(' '));
        text = screen.Text();
        Assert.Contains("* bk7231t-bulb", text);
        Assert.Contains("Marked: bk7231t-bulb — jobs go to these", text);
        screen.Press(new TgKey('u'));
        text = screen.Text();
        Assert.DoesNotContain("Marked:", text);
        Assert.Contains("marks cleared", text);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Ports_ShowDriverStateAndJob_AndTheLastDeviceWhereItFits(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(PortsPane.PaneIdValue);
        using var screen = Screen(t);
        var text = screen.Text();
        Assert.Contains("RUN backup 28% read fl", text); // the bulb's job: cut at the edge, never its percentage
        Assert.Contains("plug 38:1F:8D:5A:10:02 BK7231N", text); // a column, or the footer of the selected port
        Assert.Contains("pty", text);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Queue_TheRunningJobStaysVisible_WhenTheListScrollsToOldJobs(int w, int h)
    {
        var bench = WorkstationHarness.Sample();
        for (int i = 0; i < 40; i++)
            bench.JobList.Add(new JobSnapshot { Id = 20 + i, Request = new JobRequest { Port = WorkstationHarness.PlugPort, Recipe = i % 2 == 0 ? Recipe.RestoreRf : Recipe.RestoreFactory }, State = JobState.Done });
        var t = new WorkstationHarness(w, h, bench: bench).Focus(QueuePane.PaneIdValue);
        using var screen = Screen(t);
        for (int i = 0; i < 45; i++) screen.Press(TgKey.CursorDown);
        var text = screen.Text();
        Assert.Equal(7, t.Pane<QueueState>(QueuePane.PaneIdValue).Selected); // the oldest job is last
        Assert.Contains("#7 ", text);
        Assert.Contains("#8   bk7231t-bulb", text); // the running job, pinned at the top
        Assert.Contains("28%", text);
        Assert.Contains("88 KB/s", text);
        Assert.Contains("16 seconds", text);
        Assert.Contains("restore-factory", text); // recipe names are never cut into each other's prefix
        Assert.Contains("restore-rf ", text);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Queue_ClickSelects_EnterShowsTheJobWhole_LShowsItsLog(int w, int h)
    {
        var bench = WorkstationHarness.Sample();
        var error = "verify failed at 0x011000 after 3 attempts: the chip answered with a CRC of another range; check the wiring and the 3.3 V supply, then retry";
        bench.JobList[0] = bench.JobList[0] with { State = JobState.Failed, Error = error, DumpId = null };
        var t = new WorkstationHarness(w, h, bench: bench).Focus(QueuePane.PaneIdValue);
        using var screen = Screen(t);
        var text = screen.Text();
        screen.Click(2, RowOf(text, "#7 "));
        Assert.Equal(7, t.Pane<QueueState>(QueuePane.PaneIdValue).Selected);
        screen.Press(TgKey.Enter);
        Assert.IsType<DetailOverlay>(t.State.Overlay);
        text = screen.Text();
        Assert.Contains("Job #7 backup — Esc closes", text);
        // The whole error is on screen, wrapped.
        var flat = string.Join(" ", text.Split('\n').Select(l => l.Trim(' ', '│', '|')));
        Assert.Contains("then retry", flat);
        Assert.Contains("+ identify", text);
        screen.Press(TgKey.Esc);
        Assert.Null(t.State.Overlay);
        screen.Press(new TgKey('L'));
        Assert.Contains("this job has no log file yet", screen.Text());
    }

    [Theory, MemberData(nameof(Sizes))]
    public void HintBar_FocusedPaneFirst_AllKeysAndQuitLast(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(PortsPane.PaneIdValue);
        using var screen = Screen(t);
        var bar = screen.Text().Split('\n')[h - 1].TrimEnd();
        Assert.StartsWith(" b Backup  Space Mark  u [Unmark all]", bar);
        Assert.EndsWith("?/F1 All keys  q Quit", bar);
    }

    /// <summary>The text of the left column (the whole screen below the tiled width), lines joined by spaces.</summary>
    private static string Flat(string screen, int w)
    {
        var left = screen.Split('\n').Select(l => w >= 100 ? l[..Math.Min(l.Length, 48)] : l);
        return System.Text.RegularExpressions.Regex.Replace(string.Join(" ", left.Select(l => l.Trim(' ', '│', '|'))), " +", " ");
    }

    /// <summary>The text inside the dialog box on the screen, lines joined by spaces.</summary>
    internal static string InBox(string screen)
    {
        var inside = screen.Split('\n').Where(l => l.Count(c => c == '│') >= 2)
            .Select(l => l[(l.IndexOf('│') + 1)..l.LastIndexOf('│')].Trim());
        return string.Join(" ", inside);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Device_LongAdviceWraps_KeyVerdictInPlainWords(int w, int h)
    {
        var bench = WorkstationHarness.Sample();
        bench.Chip = FakeBench.ZeroKeyChip with { Family = ChipFamily.BK7231N, EfuseKey = new EfuseKey(1, 2, 3, 4) };
        var t = new WorkstationHarness(w, h, bench: bench).Focus(PortsPane.PaneIdValue).Press("i");
        using var screen = Screen(t);
        var flat = Flat(screen.Text(), w);
        Assert.Contains("a custom key: only builds encrypted with it run (00000001 00000002 00000003 00000004)", flat);
        // A short tile says there is more; j scrolls to it, Enter shows everything.
        for (int i = 0; i < 12 && !Flat(screen.Text(), w).Contains("back up first."); i++) screen.Press(new TgKey('j'));
        flat = Flat(screen.Text(), w);
        Assert.Contains("Unusual key (other): only a build made for this key will boot. Keep the bootloader, back up first.", flat);
        screen.Press(TgKey.Enter);
        flat = InBox(screen.Text());
        Assert.Contains("eFuse key: a custom key: only builds encrypted with it run", flat);
        Assert.Contains("is a placeholder: run Restore RF to get the real MAC and RF calibration back.", flat);
    }

    [Fact]
    public void Device_TileFollowsTheSelectedPort_IdentifiedThisSession_ElseTheArchivesRecord()
    {
        var bench = WorkstationHarness.Sample();
        bench.Chip = FakeBench.ZeroKeyChip;
        // The harness runs the identify effect inline and composes the screen (a headless Terminal.Gui
        // application would hold the effect's continuation on its own loop).
        var t = new WorkstationHarness(120, 40, bench: bench).Focus(PortsPane.PaneIdValue);
        string After(string keys) => Flat(t.Press(keys).Screen(), 120);

        // The plug: not identified yet, but the archive saw it on this port (and says so).
        var tile = After("");
        Assert.Contains("[6] Device bk7231n-plug, from the archive", tile);
        Assert.Contains("Last seen 3 minutes ago on this port; i identifies the chip there now", tile);
        Assert.Contains("Chip BK7231N (chip id 0x7231c)", tile);
        Assert.Contains("eFuse key Tuya's standard key", tile);

        // The bulb: nothing known; i identifies it, and the tile shows that chip.
        Assert.Contains("[6] Device bk7231t-bulb Nothing known yet of the chip on bk7231t-bulb: i identifies it", After("j"));
        Assert.Contains("Chip BK7231M (chip id 0x7231C)", tile = After("i"));
        Assert.Contains("eFuse key all zero (a BK7231M / BL2028N)", tile);

        // Back to the plug and to the bulb again: each port shows its own chip.
        tile = After("1k");
        Assert.Contains("[6] Device bk7231n-plug, from the archive", tile);
        Assert.DoesNotContain("BK7231M", tile);
        Assert.Contains("eFuse key all zero (a BK7231M / BL2028N)", After("j"));

        // An identify that fails forgets what was identified there: it may be another chip now.
        bench.Chip = null;
        tile = After("i");
        Assert.Contains("no chip answered", tile);
        Assert.DoesNotContain("BK7231M", tile);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void LongMessage_SaysWhereToReadIt_MShowsItWhole(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(PortsPane.PaneIdValue);
        var text = "no cached BK7231M build for 'latest': run 'bktui firmware get latest --family BK7231M' on a machine with network access, " +
                   "or press f in [Queue] and give the path of a build made for the zero key";
        t.Do(new ShowFlash(text, FlashLevel.Error));
        using var screen = Screen(t);
        Assert.Contains("M reads it all", screen.Text().Split('\n')[h - 2]);
        screen.Press(new TgKey('M'));
        var flat = InBox(screen.Text());
        Assert.Contains("Messages (newest first) — Esc closes", screen.Text());
        Assert.Contains("give the path of a build made for the zero key", flat);
        screen.Press(TgKey.Esc);
        Assert.Null(t.State.Overlay);
    }
}

/// <summary>The Archive pane as a user meets it: labels first, a filter that clears, the analysis of a dump.</summary>
public sealed class ArchivePaneGuiTests
{
    public static TheoryData<int, int> Sizes => PaneBehaviourGuiTests.Sizes;

    [Theory, MemberData(nameof(Sizes))]
    public void DevicesByLabel_DumpsWithDateGradeLabelSource_ClickSelects_FilterClears(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(BkTui.Tui.Panes.Archive.ArchivePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        var text = screen.Text();
        Assert.Contains("plug · 38:1F:8D:5A:10:02  BK7231N key tuya — 2 dumps, seen 3 minut", text);
        Assert.Contains("#2    2026-11-21 09:27  A", text);
        Assert.Contains("factory port bk7231n-plug", text);
        var lines = text.Split('\n');
        int row = Array.FindIndex(lines, l => l.Contains("#1    2026-11-19"));
        screen.Click(lines[row].IndexOf("#1 ", StringComparison.Ordinal), row);
        Assert.Equal("dump:1", t.Pane<BkTui.Tui.Panes.Archive.ArchiveState>("archive").Selected);
        screen.Press(new TgKey('/')).Type("factory").Press(TgKey.Enter);
        text = screen.Text();
        Assert.DoesNotContain("#2 ", text);
        Assert.Contains("filter 'factory' (c clears)", text);
        screen.Press(new TgKey('c'));
        text = screen.Text();
        Assert.Contains("#2 ", text);
        Assert.DoesNotContain("filter 'factory'", text);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void AKey_ShowsTheAnalysis_GradeReasonsFirst_SecretsMasked(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(BkTui.Tui.Panes.Archive.ArchivePane.PaneIdValue).Press("a");
        var detail = Assert.IsType<DetailOverlay>(t.State.Overlay);
        Assert.Equal("Dump #2: analysis", detail.Title);
        Assert.StartsWith("Grade ", detail.Lines[0]);
        var report = BkTui.Tui.Bench.BenchAnalysis.Analyze(t.Bench.Bytes[2]);
        Assert.Contains(detail.Lines, l => l.StartsWith("Chip", StringComparison.Ordinal) && l.Contains(report.Chip.Family));
        Assert.Contains(detail.Lines, l => l.StartsWith("MAC", StringComparison.Ordinal));
        foreach (var secret in new[] { report.Tuya?.DeviceKey, report.Obk?.WifiPassword }.Where(s => !string.IsNullOrEmpty(s)))
            Assert.DoesNotContain(detail.Lines, l => l.Contains(secret!, StringComparison.Ordinal));
        using var screen = new GuiScreen(t.App, t.Services);
        Assert.Contains("Dump #2: analysis — Esc closes", screen.Text());
        Assert.Contains("Grade ", screen.Text());
    }

    [Fact]
    public void LOnADeviceRow_NamesTheDevice_OnADumpRow_LabelsTheDump()
    {
        var t = new WorkstationHarness().Focus(BkTui.Tui.Panes.Archive.ArchivePane.PaneIdValue);
        t.Do(new BkTui.Tui.Panes.Archive.ArchiveMove(-10)).Press("l");
        var prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal("Name for 38:1F:8D:5A:10:02 (shown before it): ", prompt.Label);
        t.Press("kitchen plug").Press(BkTui.Tui.Keys.Key.Of(BkTui.Tui.Keys.KeyCode.Enter));
        Assert.Equal("kitchen plug", t.Bench.DeviceNames["38:1F:8D:5A:10:02"]);
        Assert.Empty(t.Bench.Labels);

        t.Do(new BkTui.Tui.Panes.Archive.ArchiveMove(1)).Press("l");
        Assert.StartsWith("Label for dump #", Assert.IsType<PromptOverlay>(t.State.Overlay).Label);
        t.Press("before OBK").Press(BkTui.Tui.Keys.Key.Of(BkTui.Tui.Keys.KeyCode.Enter));
        Assert.Equal("before OBK", Assert.Single(t.Bench.Labels).Value);
    }

    [Fact]
    public void DiffOfDumpsOfTwoDevices_SaysSo()
    {
        var bench = WorkstationHarness.Sample();
        bench.DumpList.Add(bench.DumpList[0] with { Id = 3, Mac = "AA:BB:CC:00:00:01", DeviceId = 20, Label = "bulb" });
        bench.Bytes[3] = bench.Bytes[1];
        var t = new WorkstationHarness(bench: bench).Focus(BkTui.Tui.Panes.Archive.ArchivePane.PaneIdValue);
        t.Do(new BkTui.Tui.Panes.Archive.ArchiveMove(-10)).Do(new BkTui.Tui.Panes.Archive.ArchiveMove(1)).Press(" ").Do(new BkTui.Tui.Panes.Archive.ArchiveMove(10)).Press("d");
        Assert.Contains(t.Messages(), m => m.Contains("are dumps of two devices (38:1F:8D:5A:10:02, AA:BB:CC:00:00:01)", StringComparison.Ordinal));
        // The warning is still what the message line says once the hex view has opened both (it used to be replaced at once).
        Assert.Contains("two devices", t.State.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Contains("(2 devices)", t.Dumps.Hex.StatusText, StringComparison.Ordinal);
    }

    /// <summary>The tester's archive: a dump known by its Tuya uuid and an unidentified one are two devices, not one "(no MAC)".</summary>
    private static WorkstationHarness TuyaAndUnidentified()
    {
        var bench = WorkstationHarness.Sample();
        bench.DeviceList.Add(bench.DeviceList[0] with
        {
            Id = 7, Mac = null, Chip = "BK7231T", Labels = [], Keys = [new("tuya:168e4d421b716e97", BkTui.Core.Identity.IdentityEvidence.TuyaUuid)],
        });
        bench.DumpList.Add(bench.DumpList[0] with { Id = 4, Mac = null, DeviceId = 7, Chip = "BK7231T", Size = 72 * 1024 });
        bench.DumpList.Add(bench.DumpList[0] with { Id = 25, Mac = null, DeviceId = BkTui.Core.Archive.DumpArchive.UnidentifiedBucket, Grade = "D", Size = 1_000_000 });
        bench.Bytes[4] = bench.Bytes[1][..(72 * 1024)];
        bench.Bytes[25] = bench.Bytes[1][..1_000_000];
        return new WorkstationHarness(bench: bench).Focus(BkTui.Tui.Panes.Archive.ArchivePane.PaneIdValue);
    }

    private static void Select(WorkstationHarness t, string key)
    {
        t.Do(new BkTui.Tui.Panes.Archive.ArchiveMove(-100));
        var rows = BkTui.Tui.Panes.Archive.ArchivePane.Rows(t.Pane<BkTui.Tui.Panes.Archive.ArchiveState>(BkTui.Tui.Panes.Archive.ArchivePane.PaneIdValue), t.State.Now);
        t.Do(new BkTui.Tui.Panes.Archive.ArchiveMove(rows.ToList().FindIndex(r => r.Key == key)));
    }

    [Fact]
    public void Archive_ATuyaUuidDeviceAndAnUnidentifiedDump_AreTwoDevices_NamedAndDiffedAsTwo()
    {
        var t = TuyaAndUnidentified();
        using var screen = new GuiScreen(t.App, t.Services);
        var text = screen.Text();
        Assert.Contains("tuya:168e4d421b716e97  BK7231T key tuya — 1 dump", text, StringComparison.Ordinal);
        Assert.Contains("unidentified #25  BK7231N — 1 dump", text, StringComparison.Ordinal);

        Select(t, "dev:7");
        t.Press("l");
        Assert.Contains("tuya:168e4d421b716e97", Assert.IsType<PromptOverlay>(t.State.Overlay).Label, StringComparison.Ordinal);
        t.Press("hall sensor").Press(BkTui.Tui.Keys.Key.Of(BkTui.Tui.Keys.KeyCode.Enter));
        Assert.Equal("hall sensor", t.Bench.DeviceNames["tuya:168e4d421b716e97"]);

        Select(t, "dump:25");
        t.Press(" ");
        Select(t, "dump:4");
        t.Press("d");
        var last = t.State.Messages[^1].Text;
        Assert.Contains("two devices (unidentified #25, tuya:168e4d421b716e97)", string.Join("\n", t.Messages()), StringComparison.Ordinal);
        Assert.Contains("compared at equal offsets", last, StringComparison.Ordinal);
        Assert.Contains("(2 devices, sizes differ)", t.Dumps.Hex.StatusText, StringComparison.Ordinal);
    }
}
