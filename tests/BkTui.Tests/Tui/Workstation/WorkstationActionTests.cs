using BkTui.Core.Jobs;
using BkTui.Tui.Keys;
using BkTui.Tui.Bench;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Device;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Partitions;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

public sealed class WorkstationActionTests
{
    [Fact]
    public void Start_LoadsPortsArchiveAndJobs()
    {
        var t = new WorkstationHarness();
        Assert.Equal(2, t.Pane<PortsState>(PortsPane.PaneIdValue).Ports.Length);
        Assert.Equal(2, t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Dumps.Length);
        Assert.Equal(2, t.Pane<QueueState>(QueuePane.PaneIdValue).Jobs.Count);
        Assert.Equal(1, t.State.JobsRunning);
    }

    [Fact]
    public void BackupKey_OnPorts_EnqueuesOneBackupOnTheSelectedPort()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("jb");
        var request = Assert.Single(t.Bench.Enqueued);
        Assert.Equal(Recipe.Backup, request.Recipe);
        Assert.Equal(WorkstationHarness.BulbPort, request.Port); // ports are listed by name: plug, then bulb
        Assert.Contains(101L, t.Pane<QueueState>(QueuePane.PaneIdValue).Jobs.Keys);
    }

    [Fact]
    public void BackupKey_WithTwoMarkedPorts_NamesThemFirst_EnqueuesOnBoth_ThenForgetsTheMarks()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press(" j b");
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Contains("bk7231n-plug (BK7231N), bk7231t-bulb", confirm.Whole);
        Assert.Contains("2 marked ports", confirm.Whole);
        Assert.Empty(t.Bench.Enqueued);
        t.Press("y");
        Assert.Equal([WorkstationHarness.PlugPort, WorkstationHarness.BulbPort], t.Bench.Enqueued.Select(r => r.Port).Order());
        Assert.Empty(t.Pane<PortsState>(PortsPane.PaneIdValue).Marked);
        Assert.Contains("marks cleared", t.State.Flash!.Text);
        t.Press("b"); // the next job goes to the selected port only, at once
        Assert.Null(t.State.Overlay);
        Assert.Equal(WorkstationHarness.BulbPort, t.Bench.Enqueued[^1].Port);
        Assert.Equal(3, t.Bench.Enqueued.Count);
    }

    [Fact]
    public void MarkedPort_ThatIsNotTheSelectedOne_IsNamedBeforeABackup_AndUClearsMarks()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press(" jb"); // plug marked, cursor on the bulb
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Contains("Port: bk7231n-plug (BK7231N) — the marked port, not only the selected one", confirm.Whole);
        Assert.Contains("marked port, not only the selected one", confirm.Whole);
        t.Press("n");
        Assert.Empty(t.Bench.Enqueued);
        t.Press("u");
        Assert.Empty(t.Pane<PortsState>(PortsPane.PaneIdValue).Marked);
        t.Press("b");
        Assert.Null(t.State.Overlay);
        Assert.Equal(WorkstationHarness.BulbPort, Assert.Single(t.Bench.Enqueued).Port);
    }

    [Fact]
    public void Identify_UsesThePortUnderTheCursor_NotTheMarks()
    {
        var bench = WorkstationHarness.Sample();
        bench.Chip = FakeBench.ZeroKeyChip;
        var t = new WorkstationHarness(bench: bench).Focus(PortsPane.PaneIdValue).Press(" j").Press("i");
        Assert.Equal(WorkstationHarness.BulbPort, t.Pane<DeviceState>(DevicePane.PaneIdValue).Port);
    }

    [Fact]
    public void CancelKey_OnRunningJob_AsksTheQueue_FinishedJobIsRefused()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue);
        t.Do(new QueueMove(-10)).Press("x"); // running jobs first: the bulb's #8, then the plug's #7 (done)
        Assert.Equal([8L], t.Bench.Cancelled);
        t.Do(new QueueMove(1)).Press("x"); // #7 is done
        Assert.Equal([8L], t.Bench.Cancelled);
        Assert.Contains("nothing to cancel", t.State.Flash!.Text);
    }

    [Fact]
    public void JobNeedsAttention_RingsTheBellOnce()
    {
        var t = new WorkstationHarness();
        var job = t.Bench.JobList[1] with { State = JobState.NeedsAttention, Attention = "reset the device now" };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.State, job))) t.Do(a);
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.Progress, job))) t.Do(a);
        Assert.Equal(1, t.Bell.Rung);
        Assert.Contains("reset the device now", t.State.Flash!.Text);
    }

    [Fact]
    public void JobDoneWithDump_ReloadsTheArchive()
    {
        var t = new WorkstationHarness();
        t.Bench.DumpList.Add(t.Bench.DumpList[1] with { Id = 3, Sha256 = "cc", TakenAt = WorkstationHarness.Clock });
        t.Bench.Bytes[3] = t.Bench.Bytes[2];
        var done = t.Bench.JobList[1] with { State = JobState.Done, DumpId = 3, Progress = null };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.State, done))) t.Do(a);
        Assert.Equal(3, t.Pane<ArchiveState>(ArchivePane.PaneIdValue).Dumps.Length);
        Assert.Contains("dump #3 archived", t.State.Flash!.Text);
        Assert.Equal(0, t.State.JobsRunning);
    }

    [Theory]
    [InlineData(Recipe.Backup, "dump #2 archived")]
    [InlineData(Recipe.Flash, "factory dump #2 kept")] // a flash relies on the factory dump; it archived none
    [InlineData(Recipe.RestoreFactory, "dump #2 written back")]
    public void A_finished_job_says_what_its_dump_is_to_it(Recipe recipe, string words)
    {
        var t = new WorkstationHarness();
        var done = t.Bench.JobList[1] with { Request = t.Bench.JobList[1].Request with { Recipe = recipe }, State = JobState.Done, DumpId = 2, Progress = null };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.State, done))) t.Do(a);
        Assert.EndsWith(words, t.State.Flash!.Text);
    }

    [Fact]
    public void OpenDump_FromArchive_ShowsItInHexWithPartitions()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue);
        t.Press(Key.Of(KeyCode.Enter));
        Assert.Equal(HexPane.PaneIdValue, t.State.FocusedPaneId);
        var hex = t.Dumps.Hex;
        Assert.Equal("dump-2.bin", hex.Document!.Name);
        Assert.Equal(0x200000, hex.Document.Length);
        Assert.Same(hex.Document.Map, t.Dumps.Map.Map);
        Assert.Contains(t.Dumps.Map.Map!.Rows, r => r.Name.Contains("app", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("dump-2.bin", t.Pane<HexState>(HexPane.PaneIdValue).Status);
    }

    [Fact]
    public void DiffTwoDumps_OpensTheComparison()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue);
        t.Press(" jd"); // mark #2 (newest), select #1, diff
        var hex = t.Dumps.Hex;
        Assert.Equal("dump-2.bin", hex.Document!.Name);
        Assert.Equal("dump-1.bin", hex.CompareDocument!.Name);
        Assert.True(t.Pane<HexState>(HexPane.PaneIdValue).Comparing);
        t.Press("d"); // next difference
        Assert.Equal(0x1D0030, hex.Offset);
    }

    /// <summary>A comparison belongs to the file it was made for: opening another ends it (tester s9 F5).</summary>
    [Fact]
    public void Opening_another_dump_or_file_ends_the_comparison()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue);
        t.Press(" jd");
        Assert.NotNull(t.Dumps.Hex.CompareDocument);

        t.Focus(ArchivePane.PaneIdValue).Press(Key.Of(KeyCode.Enter)); // the selected dump alone

        Assert.Null(t.Dumps.Hex.CompareDocument);
        Assert.False(t.Pane<HexState>(HexPane.PaneIdValue).Comparing);

        var file = Path.Combine(Path.GetTempPath(), $"bktui-open-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(file, new byte[0x1000]);
        try
        {
            t.Do(new HexOpenFile(file, AsCompare: true));
            Assert.NotNull(t.Dumps.Hex.CompareDocument);

            t.Press(Key.Ch(':')).Press($"open {file}").Press(Key.Of(KeyCode.Enter));

            Assert.Equal(Path.GetFileName(file), t.Dumps.Hex.Document?.Name);
            Assert.Null(t.Dumps.Hex.CompareDocument);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Label_AndFilter_ByLabel()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue);
        t.Press("l").Press("kitchen").Press(Key.Of(KeyCode.Enter));
        Assert.Equal("kitchen", t.Bench.Labels[2]);
        t.Do(new PromptSubmitted(ArchivePane.PaneIdValue, PromptOverlay.SearchPurpose, "factory"));
        var rows = ArchivePane.Rows(t.Pane<ArchiveState>(ArchivePane.PaneIdValue), t.State.Now);
        Assert.Equal(["dev:" + WorkstationHarness.PlugDeviceId, "dump:1"], rows.Select(r => r.Key));
    }

    [Fact]
    public void PartitionEnter_JumpsTheHexViewerToItsStart()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue).Press(Key.Of(KeyCode.Enter));
        t.Focus(PartitionsPane.PaneIdValue).Press("j").Press(Key.Of(KeyCode.Enter));
        Assert.Equal(HexPane.PaneIdValue, t.State.FocusedPaneId);
        Assert.Equal(t.Dumps.Map.Map!.Rows[1].Start, t.Dumps.Hex.Offset);
    }

    [Fact]
    public void RestoreRf_AsksNamingPortAndRange_ThenEnqueuesOnYes()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Do(new QueueAdd(Recipe.RestoreRf));
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Contains("bk7231n-plug (BK7231N)", confirm.Whole);
        Assert.Contains("0x1D0000–0x1D1000", confirm.Whole); // the archive saw a BK7231N there
        Assert.Empty(t.Bench.Enqueued);
        t.Focus(PortsPane.PaneIdValue).Press("j"); // nothing leaks past the dialog
        Assert.Empty(t.Bench.Enqueued);
        t.Press("y");
        Assert.Equal(Recipe.RestoreRf, Assert.Single(t.Bench.Enqueued).Recipe);
    }

    [Fact]
    public void FlashPrompt_TakesACachedVersion_OrAFile()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("f").Press("latest").Press(Key.Of(KeyCode.Enter));
        Assert.Contains("cached 'latest' build", Assert.IsType<ConfirmOverlay>(t.State.Overlay).Whole);
        t.Press("y");
        var byVersion = Assert.Single(t.Bench.Enqueued);
        Assert.Equal(("latest", (string?)null), (byVersion.FirmwareVersion, byVersion.FirmwarePath));

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, BkTui.Tests.Compatibility.GateImages.Build(BkTui.Core.Chips.ChipFamily.BK7231N));
            var u = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("f").Press(file).Press(Key.Of(KeyCode.Enter));
            Assert.Contains(Path.GetFileName(file), Assert.IsType<ConfirmOverlay>(u.State.Overlay).Whole);
            u.Press("y");
            var byFile = Assert.Single(u.Bench.Enqueued);
            Assert.Equal(((string?)null, file), (byFile.FirmwareVersion, byFile.FirmwarePath));
        }
        finally { File.Delete(file); }
    }

    /// <summary>A file no chip would take is not put to the user as a question (tester s9 F2): the reason, and nothing queued.</summary>
    [Fact]
    public void FlashPrompt_WithAFileNoChipTakes_SaysWhyAndAsksNothing()
    {
        var file = Path.GetTempFileName();
        try
        {
            var noise = new byte[0x20000];
            new Random(3).NextBytes(noise);
            File.WriteAllBytes(file, noise);
            var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("f").Press(file).Press(Key.Of(KeyCode.Enter));
            Assert.Null(t.State.Overlay);
            Assert.Empty(t.Bench.Enqueued);
            Assert.StartsWith("Not flashed: The engine will refuse it", t.State.Flash!.Text);
            Assert.EndsWith("Nothing was queued.", t.State.Flash!.Text);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void WifiPrompt_NamesTheConfigSector_ThenQueuesTheCredentialsFile()
    {
        var pass = Path.GetTempFileName();
        try
        {
            var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("w").Press($"\"my net\" {pass} 10.0.0.5").Press(Key.Of(KeyCode.Enter));
            var question = Assert.IsType<ConfirmOverlay>(t.State.Overlay).Whole;
            Assert.Contains("'my net'", question);
            Assert.Contains("bk7231n-plug", question);
            Assert.Contains("0x1D1000–0x1D2000", question); // the OBK config sector of the N the archive saw there
            Assert.Empty(t.Bench.Enqueued);
            t.Press("y");
            var r = Assert.Single(t.Bench.Enqueued);
            Assert.Equal((Recipe.Wifi, "my net", pass, "10.0.0.5"), (r.Recipe, r.Ssid, r.PasswordFile, r.MqttHost));
        }
        finally { File.Delete(pass); }
    }

    [Fact]
    public void CustomPrompt_WriteAsksWithTheRange_ReadQueuesAtOnce_BadInputWarns()
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, new byte[0x2000]);
        try
        {
            var w = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("c").Press($"write {file} 0x1D2000").Press(Key.Of(KeyCode.Enter));
            Assert.Contains("0x1D2000–0x1D4000", Assert.IsType<ConfirmOverlay>(w.State.Overlay).Whole);
            w.Press("y");
            Assert.Equal((file, (uint?)0x1D2000), (Assert.Single(w.Bench.Enqueued).WritePath, w.Bench.Enqueued[0].Start));

            var r = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("c").Press($"read {file}.out 0x1000 4096").Press(Key.Of(KeyCode.Enter));
            Assert.Null(r.State.Overlay);
            var read = Assert.Single(r.Bench.Enqueued);
            Assert.Equal((file + ".out", (uint?)0x1000, (uint?)4096), (read.ReadPath, read.Start, read.Length));

            var bad = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("c").Press("read x 0xZZ 1").Press(Key.Of(KeyCode.Enter));
            Assert.Equal(FlashLevel.Warning, bad.State.Flash!.Level);
            Assert.Empty(bad.Bench.Enqueued);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void RestoreRf_OnUnknownChip_NamesBothRfSectors_NoCancels()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("j").Do(new QueueAdd(Recipe.RestoreRf));
        var question = Assert.IsType<ConfirmOverlay>(t.State.Overlay).Whole;
        Assert.Contains("bk7231t-bulb", question);
        Assert.Contains("0x1E0000–0x1E1000 on T/U", question);
        t.Press("n");
        Assert.Empty(t.Bench.Enqueued);
    }

    [Theory]
    [InlineData("random", "random")]
    [InlineData("fc:58:4a:b8:cf:d2", "fc:58:4a:b8:cf:d2")]
    public void RestoreRf_OnAnUnidentifiedDevice_AsksTheMac_AndTheQuestionNamesIt(string typed, string sent)
    {
        var bench = WorkstationHarness.Sample();
        bench.DeviceList[0] = bench.DeviceList[0] with { Mac = null, PlaceholderMac = "C8:47:8C:00:00:01" };
        var t = new WorkstationHarness(bench: bench).Focus(PortsPane.PaneIdValue).Press("F");
        var ask = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal(("MAC to write: ", "own"), (ask.Label, ask.Text));
        Assert.Contains("bk7231n-plug: unidentified, reports C8:47:8C:00:00:01", string.Join(" ", ask.Stakes.Select(x => x.Text)));
        t.Press(Key.Of(KeyCode.Backspace)).Press(Key.Of(KeyCode.Backspace)).Press(Key.Of(KeyCode.Backspace)).Press(typed).Press(Key.Of(KeyCode.Enter));
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Contains($"MAC: {sent}", confirm.Whole);
        t.Press("y");
        Assert.Equal(sent, Assert.Single(t.Bench.Enqueued).Mac);
    }

    [Fact]
    public void RestoreRf_OnAnUnidentifiedDevice_OwnKeepsTheEnginesChoice()
    {
        var bench = WorkstationHarness.Sample();
        bench.DeviceList[0] = bench.DeviceList[0] with { Mac = null, PlaceholderMac = "C8:47:8C:00:00:01" };
        var t = new WorkstationHarness(bench: bench).Focus(PortsPane.PaneIdValue).Press("F").Press(Key.Of(KeyCode.Enter)).Press("y");
        Assert.Null(Assert.Single(t.Bench.Enqueued).Mac);
    }

    [Fact]
    public void RestoreRf_AfterAJobStoppedForWantOfAMac_SaysSoAndTheNextAsksForIt()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("j"); // the bulb: not on record
        var failed = new JobSnapshot
        {
            Id = 20, Request = new JobRequest { Port = WorkstationHarness.BulbPort, Recipe = Recipe.RestoreRf }, State = JobState.Running,
        };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.State, failed))) t.Do(a);
        failed = failed with { State = JobState.Failed, Error = $"{RestoreRfText.NoTrueMac} (its RF sector holds …). Pass --mac …" };
        foreach (var a in BenchWiring.ActionsFor(new JobEvent(JobEventKind.State, failed))) t.Do(a);
        Assert.EndsWith("press F again, it asks for the MAC", t.State.Flash!.Text);
        t.Press("F");
        Assert.Equal(QueuePane.RfMacPurpose, Assert.IsType<PromptOverlay>(t.State.Overlay).Purpose);
    }

    [Fact]
    public void RestoreRf_OnADeviceWithItsOwnMac_AsksNoMac()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Do(new QueueAdd(Recipe.RestoreRf));
        Assert.IsType<ConfirmOverlay>(t.State.Overlay);
    }

    [Fact]
    public void ReadOnly_DangerousKeysAreGone_AndRecipesThatWriteAreRefused()
    {
        var t = new WorkstationHarness(readOnly: true).Focus(QueuePane.PaneIdValue);
        Assert.DoesNotContain(t.App.Keymap.Bindings, b => b.Dangerous);
        t.Press("f");
        Assert.Null(t.State.Overlay);
        t.Do(new QueueAdd(Recipe.RestoreRf));
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Bench.Enqueued);
        t.Focus(ArchivePane.PaneIdValue).Do(new ArchiveRestore());
        Assert.Null(t.State.Overlay);
        Assert.Contains("read-only", t.State.Flash!.Text);
    }

    [Fact]
    public void Identify_ZeroKeyChip_ShowsTheVerdictInUserTerms()
    {
        var bench = WorkstationHarness.Sample();
        bench.Chip = FakeBench.ZeroKeyChip;
        var t = new WorkstationHarness(bench: bench).Focus(PortsPane.PaneIdValue).Press("i");
        Assert.Equal(DevicePane.PaneIdValue, t.State.FocusedPaneId);
        var screen = t.Screen();
        Assert.Contains("BK7231M / BL2028N", screen);
        Assert.Contains("Restore RF", screen);
    }

    [Fact]
    public void Identify_NoChip_SaysWhatFailed()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("i");
        Assert.Equal(FlashLevel.Error, t.State.Flash!.Level);
        Assert.Contains("no chip answered", t.State.Flash.Text);
    }

    [Fact]
    public void Monitor_Lines_AreRecognised()
    {
        var bench = WorkstationHarness.Sample();
        bench.MonitorLines.AddRange(["        BK7231n_1.0.11", "[I/FAL] Fal(V0.4.0)success", "go os_addr(0x10000)..........", "Info:MAIN:Main_Init_Before_Delay"]);
        var t = new WorkstationHarness(bench: bench).Focus(DevicePane.PaneIdValue).Press("m");
        var d = t.Pane<DeviceState>(DevicePane.PaneIdValue);
        Assert.NotNull(d.Monitor);
        Assert.Equal("BK7231n_1.0.11", d.Boot.Bootloader);
        Assert.Contains("RT-Thread loader", t.Screen());
        t.Press("m");
        Assert.Null(t.Pane<DeviceState>(DevicePane.PaneIdValue).Monitor);
    }
    [Fact]
    public void OpenLog_ShowsTheJobLogFileWhole_InItsOwnTimes_WithoutCopyingItIntoTheLog()
    {
        var log = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(log, [
                "2026-12-03T19:38:36.960+00:00 [INF] chip BK7231N, bootloader BK7231n_1.0.11",
                "2026-12-03T19:38:41.002+00:00 [WRN] read: retry at 0x011000",
                "2026-12-03T19:39:02.500+00:00 [INF] archive: dump 1"]);
            var bench = WorkstationHarness.Sample();
            bench.JobList[0] = bench.JobList[0] with { LogPath = log };
            var t = new WorkstationHarness(bench: bench).Focus(QueuePane.PaneIdValue).Do(new QueueMove(10));
            int logLines = t.Pane<BkTui.Tui.Panes.Log.LogState>(BkTui.Tui.Panes.Log.LogPane.PaneIdValue).Lines.Count;
            t.Press("L");
            var detail = Assert.IsType<DetailOverlay>(t.State.Overlay);
            Assert.Equal($"Log of job #{bench.JobList[0].Id}", detail.Title);
            Assert.Equal($"file: {log}", detail.Lines[0]);
            Assert.Equal(["19:38:36 chip BK7231N, bootloader BK7231n_1.0.11", "19:38:41 WRN read: retry at 0x011000", "19:39:02 archive: dump 1"], detail.Lines.TakeLast(3));
            Assert.Equal(logLines, t.Pane<BkTui.Tui.Panes.Log.LogState>(BkTui.Tui.Panes.Log.LogPane.PaneIdValue).Lines.Count);
        }
        finally { File.Delete(log); }
    }

    [Fact]
    public void Retry_FinishedBackup_QueuesTheSameRequest_RunningJobIsRefused()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Do(new QueueMove(10)).Press("r"); // finished jobs come after the running one
        Assert.Equal(WorkstationHarness.PlugPort, Assert.Single(t.Bench.Enqueued).Port);
        t.Do(new QueueMove(-10)).Press("r"); // the running bulb job
        Assert.Single(t.Bench.Enqueued);
        Assert.Equal(FlashLevel.Warning, t.State.Flash!.Level);
    }
}
