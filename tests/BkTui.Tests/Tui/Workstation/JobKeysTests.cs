using BkTui.Core.Chips;
using BkTui.Core.Jobs;
using BkTui.Tests.Compatibility;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.Render;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The job keys (b f F w c) start a job from [Ports] as from [Queue], on the selected port or the
/// marked ones, through the same dialogs; a key pressed in a pane where it does nothing says where it works.
/// </summary>
public sealed class JobKeysTests
{
    private static readonly Key Enter = Key.Of(KeyCode.Enter);

    [Fact]
    public void RestoreRf_FromPorts_AsksNamingTheSelectedPort_ThenQueuesItThere()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("jF"); // the bulb
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Equal("Restore RF calibration", confirm.Title);
        Assert.Contains("Port: bk7231t-bulb", confirm.Whole);
        Assert.Empty(t.Bench.Enqueued);
        t.Press("y");
        var request = Assert.Single(t.Bench.Enqueued);
        Assert.Equal((Recipe.RestoreRf, WorkstationHarness.BulbPort), (request.Recipe, request.Port));
    }

    [Fact]
    public void Flash_FromPorts_ToTwoMarkedPorts_IsTheQueuesDialog()
    {
        var file = DialogGoldenTests.Put("OpenBK7231N_QIO_1.17.bin", GateImages.Build(ChipFamily.BK7231N));
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press(" j ").Press("f");
        var prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.True(prompt.PathField);
        Assert.Equal(PortsPane.PaneIdValue, t.State.FocusedPaneId);
        t.Press(file).Press(Enter);
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Equal("Flash firmware", confirm.Title);
        Assert.Contains("2 ports: bk7231n-plug (BK7231N), bk7231t-bulb — the 2 marked ports", confirm.Whole);
        t.Press("y");
        Assert.Equal([WorkstationHarness.PlugPort, WorkstationHarness.BulbPort], t.Bench.Enqueued.Select(r => r.Port).Order());
        Assert.All(t.Bench.Enqueued, r => Assert.Equal((Recipe.Flash, file), (r.Recipe, r.FirmwarePath)));
        Assert.Empty(t.Pane<PortsState>(PortsPane.PaneIdValue).Marked);
    }

    [Fact]
    public void Wifi_FromPorts_AsksForTheCredentials_ThenNamesTheSsid()
    {
        var pass = Path.GetTempFileName();
        try
        {
            var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("w");
            Assert.Equal(QueuePane.WifiPurpose, Assert.IsType<PromptOverlay>(t.State.Overlay).Purpose);
            t.Press($"home {pass}").Press(Enter);
            var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
            Assert.Equal("Write Wi-Fi credentials", confirm.Title);
            Assert.Contains("Port: bk7231n-plug", confirm.Whole);
            Assert.Contains("Wi-Fi 'home'", confirm.Whole);
        }
        finally { File.Delete(pass); }
    }

    /// <summary>An answer with too few words asks again with the text kept: the next keys go to the field, not to the panes.</summary>
    [Fact]
    public void Wifi_WithOneWord_AsksAgain_KeepingTheText()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("w").Press("homenet").Press(Enter);
        var again = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal((QueuePane.WifiPurpose, "homenet"), (again.Purpose, again.Text));
        Assert.Contains("1 word given", Assert.Single(again.Stakes).Text);
        t.Press(" c");
        Assert.Equal("homenet c", Assert.IsType<PromptOverlay>(t.State.Overlay).Text); // typed into the field, not the Custom key
        Assert.Empty(t.Bench.Enqueued);
    }

    /// <summary>A password typed where its file's name goes: nothing is asked or queued, and it is not echoed.</summary>
    [Fact]
    public void Wifi_WithAPasswordFileThatIsNotThere_QueuesNothing_AndDoesNotEchoIt()
    {
        var t = new WorkstationHarness().Focus(PortsPane.PaneIdValue).Press("w").Press("homenet hunter2").Press(Enter);
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Bench.Enqueued);
        Assert.StartsWith("Wi-Fi not asked: the PASSWORD-FILE named is not a file here", t.State.Flash!.Text);
        Assert.DoesNotContain("hunter2", t.Screen());
        Assert.DoesNotContain(t.Messages(), m => m.Contains("hunter2"));
        t.Press("w").Press(Key.Of(KeyCode.Up)); // nor does ↑ bring it back: Wi-Fi answers are not kept
        Assert.Equal("", Assert.IsType<PromptOverlay>(t.State.Overlay).Text);
    }

    [Fact]
    public void JobKeys_AreOneBlock_BoundInPortsAndQueueAlike()
    {
        var keymap = new WorkstationHarness().App.Keymap;
        string Labels(string pane) => string.Join(" | ", keymap.Bindings.Where(b => b.Context == pane && "bfFwc".Any(c => b.Keys.Contains(Key.Ch(c))))
            .Select(b => $"{b.KeysText} {b.Label}"));
        Assert.Equal(Labels(QueuePane.PaneIdValue), Labels(PortsPane.PaneIdValue));
        Assert.Contains("F Restore RF calibration", Labels(PortsPane.PaneIdValue));
    }

    [Fact]
    public void JobKey_InAPaneWhereItDoesNothing_SaysWhereItWorks()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue).Press("f");
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Bench.Enqueued);
        Assert.Equal("f: Flash firmware in [1] Ports, [2] Queue; Filter in [7] Log — not in [3] Archive", t.State.Flash!.Text);
        Assert.Equal(FlashLevel.Info, t.State.Flash.Level);

        t.Focus(HexPane.PaneIdValue).Press("F");
        Assert.Equal("F: Restore RF calibration in [1] Ports, [2] Queue — not in [4] Hex", t.State.Flash!.Text);
        t.Focus(PortsPane.PaneIdValue).Press("x");
        Assert.Equal("x: Cancel in [2] Queue; Stop comparing in [4] Hex — not in [1] Ports", t.State.Flash!.Text);
        Assert.Empty(t.Bench.Cancelled);
    }

    [Fact]
    public void JobKey_ReadOnly_SaysItIsAbsent()
    {
        var t = new WorkstationHarness(readOnly: true).Focus(PortsPane.PaneIdValue).Press("F");
        Assert.Null(t.State.Overlay);
        Assert.Equal("F: Restore RF calibration is absent in --read-only", t.State.Flash!.Text);
        t.Focus(ArchivePane.PaneIdValue).Press("f");
        Assert.Equal("f: Filter in [7] Log — not in [3] Archive; Flash firmware is absent in --read-only", t.State.Flash!.Text);
        // Where the key would have flashed, that comes first: a message line cut at 80 columns keeps it.
        t.Focus(PortsPane.PaneIdValue).Press("f");
        Assert.StartsWith("f: Flash firmware is absent in --read-only; Filter in [7] Log", t.State.Flash!.Text);
        var log = (BkTui.Tui.Panes.Log.LogState)t.State.Panes[BkTui.Tui.Panes.Log.LogPane.PaneIdValue];
        // F and f where they would have worked are refusals; f in [3] Archive, where it never worked, is a hint.
        Assert.Equal(2, log.Lines.Count(l => l.Text.Contains("absent in --read-only")));
        t.Focus(PortsPane.PaneIdValue).Press("b"); // a backup writes nothing: still there
        Assert.Equal(WorkstationHarness.PlugPort, Assert.Single(t.Bench.Enqueued).Port);
    }

    [Fact]
    public void AKeyNoPaneBinds_StaysSilent()
    {
        var t = new WorkstationHarness().Focus(ArchivePane.PaneIdValue).Press("Q");
        Assert.Null(t.State.Flash);
    }

    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void RestoreRf_FromPorts_Golden(int w, int h)
    {
        var t = new WorkstationHarness(w, h, ColorMode.Mono).Focus(PortsPane.PaneIdValue).Press("F");
        Golden.Verify($"ws-confirm-rf-ports-{w}x{h}-mono", t.App, t.Services);
    }

    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void KeyElsewhere_Golden(int w, int h)
    {
        var t = new WorkstationHarness(w, h, ColorMode.Mono).Focus(ArchivePane.PaneIdValue).Press("w");
        Golden.Verify($"ws-key-elsewhere-{w}x{h}-mono", t.App, t.Services);
    }
}
