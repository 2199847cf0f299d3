using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Tui.Commands;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// Every ':' verb that writes to a chip meets the dialog its key gives (the same title, stakes, engine
/// preview and buttons, compared whole), No queues nothing, Yes queues the request the CLI would run,
/// and consent flags on the line (--allow-unknown-family, --allow-bootloader) are never the answer.
/// </summary>
public sealed class CommandLineWriteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bktui-cmdwrite-").FullName;
    private const string Plug = WorkstationHarness.PlugPort;

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static WorkstationHarness Typed(string line, WorkstationHarness? t = null) =>
        (t ?? new WorkstationHarness()).Press(":").Press(line).Press(Key.Of(KeyCode.Enter));

    private static ConfirmOverlay Confirm(WorkstationHarness t) => Assert.IsType<ConfirmOverlay>(t.State.Overlay);

    /// <summary>The key's dialog and the ':' line's have the same title, stakes, question and buttons.</summary>
    private static void SameDialog(ConfirmOverlay byKey, ConfirmOverlay byLine, string? extraLine = null)
    {
        Assert.Equal((byKey.Title, byKey.Question, byKey.YesLabel), (byLine.Title, byLine.Question, byLine.YesLabel));
        var lineStakes = byLine.Stakes.Where(s => extraLine is null || s.Label != extraLine).ToList();
        Assert.Equal(byKey.Stakes, lineStakes);
    }

    [Fact]
    public void RunFlash_IsTheFlashDialogOfF_WithTheEnginesPreview_NoQueuesNothing_YesQueuesTheFile()
    {
        var file = File("OpenBK7231N_QIO_1.17.bin", Compatibility.GateImages.Build(ChipFamily.BK7231N));
        var byKey = Confirm(new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("f").Press(file).Press(Key.Of(KeyCode.Enter)));
        var t = Typed($"run flash --port {Plug} --firmware {file}");
        var byLine = Confirm(t);
        SameDialog(byKey, byLine);
        Assert.Equal("Flash firmware", byLine.Title);
        Assert.Contains(byLine.Stakes, s => s.Label == "Check");
        Assert.Contains("Bootloader: kept: 0x000000–0x011000 is not written", byLine.Whole);
        Assert.Contains("[ y  Flash ]", t.Screen());

        t.Press("n");
        Assert.Empty(t.Bench.Enqueued);
        Assert.Null(t.State.Overlay);
        Typed($"run flash --port {Plug} --firmware {file}", t).Press("y");
        var request = Assert.Single(t.Bench.Enqueued);
        Assert.Equal((Recipe.Flash, Plug, file, false), (request.Recipe, request.Port, request.FirmwarePath, request.AllowUnknownFamily));
    }

    [Fact]
    public void RunFlash_WithAllowUnknownFamily_StillAsksForTheTypedFamily()
    {
        var file = File("tuya_sdk_app.bin", Compatibility.GateImages.Anonymous(ChipFamily.BK7231N));
        var t = Typed($"run flash --port {Plug} --firmware {file} --allow-unknown-family");
        Assert.Contains("names no chip family", Confirm(t).Whole);
        Assert.Contains("Consent: after y you type the family", Confirm(t).Whole);
        t.Press("y");
        Assert.Equal(QueuePane.FamilyPurpose, Assert.IsType<PromptOverlay>(t.State.Overlay).Purpose);
        Assert.Empty(t.Bench.Enqueued);
        t.Press("bk7231n").Press(Key.Of(KeyCode.Enter));
        var request = Assert.Single(t.Bench.Enqueued);
        Assert.Equal((false, ChipFamily.BK7231N), (request.AllowUnknownFamily, request.UnknownFamilyBuiltFor));
    }

    [Theory]
    [InlineData("run flash --port {0} --firmware-version latest --yes")]
    [InlineData("write --port {0} --in fw.bin -y")]
    [InlineData("run flash --port {0} --firmware-version latest --allow-key-mismatch")]
    [InlineData("write --port {0} --in fw.bin --allow-key-mismatch")]
    [InlineData("run restore-rf --port {0} --archive /tmp/elsewhere")]
    public void NoFlagOnTheLine_SkipsTheDialog(string line)
    {
        var t = Typed(string.Format(line, Plug));
        Assert.Null(t.State.Overlay);
        Assert.Equal(FlashLevel.Warning, t.State.Flash!.Level);
        Assert.EndsWith("Nothing was queued.", t.State.Flash.Text);
        Assert.Empty(t.Bench.Enqueued);
        Assert.DoesNotContain(t.Effects, e => e is RunVerbEffect);
    }

    [Fact]
    public void RunRestoreRf_IsTheDialogOfF()
    {
        var byKey = Confirm(new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("F"));
        var t = Typed($"run restore-rf --port {Plug}");
        SameDialog(byKey, Confirm(t));
        t.Press("y");
        Assert.Equal((Recipe.RestoreRf, Plug), (Assert.Single(t.Bench.Enqueued).Recipe, t.Bench.Enqueued[0].Port));
    }

    [Fact]
    public void RunRestoreRf_WithForceMac_NamesTheMacAsDanger()
    {
        var t = Typed($"run restore-rf --port {Plug} --mac 38:1F:8D:5A:10:99 --force-mac");
        var mac = Assert.Single(Confirm(t).Stakes, s => s.Label == "MAC");
        Assert.Equal(StakeLevel.Danger, mac.Level);
        Assert.Contains("--force-mac", mac.Text);
    }

    [Fact]
    public void RunWifi_IsTheDialogOfW()
    {
        var pass = Path.GetTempFileName();
        try
        {
            var byKey = Confirm(new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("w").Press($"home {pass}").Press(Key.Of(KeyCode.Enter)));
            var t = Typed($"run wifi --port {Plug} --ssid home --password-file {pass}");
            SameDialog(byKey, Confirm(t));
            Assert.Equal("Write Wi-Fi credentials", Confirm(t).Title);
            t.Press("n");
            Assert.Empty(t.Bench.Enqueued);
        }
        finally { System.IO.File.Delete(pass); }
    }

    [Fact]
    public void RunCustomWrite_IsTheDialogOfC_AndIntoTheBootloaderOnlyByTheTypedWord()
    {
        var file = File("rf.bin", new byte[0x1000]);
        var byKey = Confirm(new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("c").Press($"write {file} 0x1D1000").Press(Key.Of(KeyCode.Enter)));
        var t = Typed($"run custom --port {Plug} --write {file} --start 0x1D1000");
        SameDialog(byKey, Confirm(t));
        t.Press("y");
        Assert.Equal(0x1D1000u, Assert.Single(t.Bench.Enqueued).Start);

        var boot = Typed($"run custom --port {Plug} --write {file} --start 0x0 --allow-bootloader");
        var prompt = Assert.IsType<PromptOverlay>(boot.State.Overlay);
        Assert.Equal(QueuePane.BootloaderPurpose, prompt.Purpose);
        Assert.Contains(prompt.Stakes, s => s.Label == "Bootloader" && s.Text.StartsWith("REWRITTEN") && s.Level == StakeLevel.Danger);
        boot.Press("yes").Press(Key.Of(KeyCode.Enter));
        Assert.Empty(boot.Bench.Enqueued);
        Assert.Contains("not BOOTLOADER. Nothing was written.", boot.State.Flash!.Text);
        Typed($"run custom --port {Plug} --write {file} --start 0x0 --allow-bootloader", boot).Press("BOOTLOADER").Press(Key.Of(KeyCode.Enter));
        var request = Assert.Single(boot.Bench.Enqueued);
        Assert.Equal((Recipe.Custom, 0u, true), (request.Recipe, request.Start!.Value, request.AllowBootloader));
    }

    [Fact]
    public void RunRestoreFactory_IsTheDialogOfW_AndWithAllowBootloaderTheTypedRecoveryOfB()
    {
        var byKey = Confirm(new WorkstationHarness().Focus(ArchivePane.PaneIdValue).Press("W"));
        var t = Typed($"run restore-factory --port {Plug} --dump 2");
        SameDialog(byKey, Confirm(t));
        Assert.Equal("Restore dump #2", Confirm(t).Title);
        t.Press("y");
        var restore = Assert.Single(t.Bench.Enqueued);
        Assert.Equal((Recipe.RestoreFactory, 2L, false), (restore.Recipe, restore.DumpId!.Value, restore.AllowBootloader));

        var keyPrompt = Assert.IsType<PromptOverlay>(new WorkstationHarness().Focus(ArchivePane.PaneIdValue).Press("B").State.Overlay);
        var r = Typed($"run restore-factory --port {Plug} --dump 2 --allow-bootloader");
        var linePrompt = Assert.IsType<PromptOverlay>(r.State.Overlay);
        Assert.Equal((keyPrompt.Title, keyPrompt.Label, keyPrompt.Purpose), (linePrompt.Title, linePrompt.Label, linePrompt.Purpose));
        Assert.Equal(keyPrompt.Stakes.ToList(), linePrompt.Stakes.ToList());
        r.Press("y").Press(Key.Of(KeyCode.Enter));
        Assert.Empty(r.Bench.Enqueued);
        Typed($"run restore-factory --port {Plug} --dump 2 --allow-bootloader", r).Press(QueuePane.BootloaderWord).Press(Key.Of(KeyCode.Enter));
        Assert.True(Assert.Single(r.Bench.Enqueued).AllowBootloader);

        Assert.Contains("no dump #99", Typed($"run restore-factory --port {Plug} --dump 99").State.Flash!.Text);
    }

    [Fact]
    public void Write_IsTheFlashDialog_SayingItRunsAsTheFlashJob_WithStartACustomWrite()
    {
        var file = File("OpenBK7231N_QIO_1.17.bin", Compatibility.GateImages.Build(ChipFamily.BK7231N));
        var byKey = Confirm(new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("f").Press(file).Press(Key.Of(KeyCode.Enter)));
        var t = Typed($"write --port {Plug} --in {file}");
        SameDialog(byKey, Confirm(t), extraLine: "Runs");
        Assert.Contains("Runs: as the workstation's flash job", Confirm(t).Whole);
        t.Press("y");
        Assert.Equal((Recipe.Flash, file), (Assert.Single(t.Bench.Enqueued).Recipe, t.Bench.Enqueued[0].FirmwarePath));

        var custom = Typed($"write --port {Plug} --in {file} --start 0x1D1000");
        Assert.Equal("Custom write", Confirm(custom).Title);
        Assert.Contains("Runs: as a custom write job", Confirm(custom).Whole);
        Assert.Contains("--start 0x0 --allow-bootloader", Typed($"write --port {Plug} --in {file} --allow-bootloader").State.Flash!.Text);
    }

    [Fact]
    public void Erase_AsksInTheSameDialog_ThenRunsTheVerb_IntoTheBootloaderOnlyTyped()
    {
        var t = Typed($"erase --port {Plug} --start 0x1D0000 --length 0x1000");
        var confirm = Confirm(t);
        Assert.Equal(("Erase flash", "Erase"), (confirm.Title, confirm.YesLabel));
        Assert.Contains("Port: bk7231n-plug (BK7231N)", confirm.Whole);
        Assert.Contains("Erases: 0x1D0000–0x1D1000", confirm.Whole);
        Assert.Contains("Bootloader: kept", confirm.Whole);
        t.Press("n");
        Assert.DoesNotContain(t.Effects, e => e is RunVerbEffect);
        Typed($"erase --port {Plug} --start 0x1D0000 --length 0x1000", t);
        t.Effects.Clear();
        t.Do(new ConfirmAnswer(Yes: true));
        // The verb runs (against a port that is no chip here: it fails, and says so).
        var run = Assert.IsType<RunVerbEffect>(Assert.Single(t.Effects));
        Assert.Equal(["erase", "--port", Plug, "--start", "0x1D0000", "--length", "0x1000"], run.Args);

        var boot = Typed($"erase --port {Plug} --start 0x0 --length 0x1000 --allow-bootloader");
        Assert.Equal(QueuePane.BootloaderPurpose, Assert.IsType<PromptOverlay>(boot.State.Overlay).Purpose);
        boot.Press("no").Press(Key.Of(KeyCode.Enter));
        Assert.DoesNotContain(boot.Effects, e => e is RunVerbEffect);
        var refused = Confirm(Typed($"erase --port {Plug} --start 0x0 --length 0x1000"));
        Assert.Contains("the engine will refuse it before anything is sent", refused.Whole);
    }

    [Fact]
    public void PortNames_AsThePortsPaneShowsThem_AreResolvedToThePath_BeforeTheDialogOrTheJob()
    {
        var backup = Typed("run backup --port bk7231t-bulb");
        Assert.Equal(WorkstationHarness.BulbPort, Assert.Single(backup.Bench.Enqueued).Port);

        var t = Typed("erase --port=bk7231n-plug --start 0x1F0000 --length 0x1000");
        Assert.Contains("Port: bk7231n-plug (BK7231N)", Confirm(t).Whole);
        t.Effects.Clear();
        t.Do(new ConfirmAnswer(Yes: true));
        var run = Assert.IsType<RunVerbEffect>(Assert.Single(t.Effects));
        Assert.Equal(["erase", $"--port={Plug}", "--start", "0x1F0000", "--length", "0x1000"], run.Args);
    }

    [Theory]
    [InlineData("erase --port bk7231x-lamp --start 0x1F0000 --length 0x1000")]
    [InlineData("run backup --port bk7231n-plug bk7231x-lamp")]
    [InlineData("read -p bk7231x-lamp --out x.bin")]
    public void UnknownPortName_IsRefusedBeforeAnyDialog_NamingThePortsThePaneKnows(string line)
    {
        var t = Typed(line);
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Bench.Enqueued);
        Assert.DoesNotContain(t.Effects, e => e is RunVerbEffect);
        Assert.Equal("no port 'bk7231x-lamp' in [Ports]; its ports are bk7231n-plug, bk7231t-bulb (or give a path). Nothing was run or queued.", t.State.Flash!.Text);
    }

    [Fact]
    public void Erase_OfTheRfSector_SaysTheVerbRefusesIt_OrThatItIsErased_AndNoBackupIsRefused()
    {
        Assert.Contains("RF: 0x1D0000 holds this chip's RF calibration: the verb refuses it unless --allow-rf-erase",
            Confirm(Typed($"erase --port {Plug} --start 0x1D0000 --length 0x1000")).Whole);
        Assert.Contains("RF: ERASED: 0x1D0000 holds this chip's RF calibration",
            Confirm(Typed($"erase --port {Plug} --start 0x1C0000 --length 0x20000 --allow-rf-erase")).Whole);
        Assert.DoesNotContain("RF:", Confirm(Typed($"erase --port {Plug} --start 0x1F0000 --length 0x1000")).Whole);
        var noBackup = Typed($"erase --port {Plug} --start 0x1F0000 --length 0x1000 --no-backup");
        Assert.Null(noBackup.State.Overlay);
        Assert.Contains("--no-backup is not taken inside the workstation", noBackup.State.Flash!.Text);
    }

    [Theory]
    [InlineData("run flash --port {0} --firmware-version latest")]
    [InlineData("run restore-rf --port {0}")]
    [InlineData("run wifi --port {0} --ssid home --password-file p")]
    [InlineData("run custom --port {0} --write f.bin --start 0x1D1000")]
    [InlineData("run restore-factory --port {0} --dump 2")]
    [InlineData("write --port {0} --in fw.bin")]
    [InlineData("erase --port {0} --start 0x1D0000 --length 0x1000")]
    public void ReadOnly_RefusesEveryWriteVerb(string line)
    {
        var t = Typed(string.Format(line, Plug), new WorkstationHarness(readOnly: true));
        Assert.Null(t.State.Overlay);
        Assert.StartsWith("read-only mode", t.State.Flash!.Text);
        Assert.Empty(t.Bench.Enqueued);
        Assert.DoesNotContain(t.Effects, e => e is RunVerbEffect);
        // The verb as typed (not only 'run'), and the refusal on the bench's record.
        Assert.Contains($"'{string.Join(' ', line.Split(' ').TakeWhile(w => !w.StartsWith('-')).Take(2))}'", t.State.Flash.Text);
        var log = (BkTui.Tui.Panes.Log.LogState)t.State.Panes[BkTui.Tui.Panes.Log.LogPane.PaneIdValue];
        Assert.Contains(log.Lines, l => l.Text == t.State.Flash.Text);
    }

    [Fact]
    public void RunBackup_IsQueuedInTheWorkstationsQueue()
    {
        var t = Typed($"run backup --port {Plug}");
        Assert.Null(t.State.Overlay);
        Assert.Equal(Recipe.Backup, Assert.Single(t.Bench.Enqueued).Recipe);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
