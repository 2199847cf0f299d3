using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.Keys;
using BkTui.Tui.State;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>Questions and text fields as a user meets them, on a headless Terminal.Gui driver at 80×24 and 120×40.</summary>
public sealed class DialogGuiTests
{
    public static TheoryData<int, int> Sizes => PaneBehaviourGuiTests.Sizes;

    private static string InBox(string screen) => PaneBehaviourGuiTests.InBox(screen);

    [Theory, MemberData(nameof(Sizes))]
    public void BootloaderRecovery_NamesTheBootloader_StartsOnlyAfterTheTypedWord(int w, int h)
    {
        // B reads the dump's bootloader first (an effect, run inline by the harness), then asks.
        var t = new WorkstationHarness(w, h).Focus(ArchivePane.PaneIdValue).Press("B");
        var screen = new GuiScreen(t.App, t.Services);
        var question = InBox(screen.Text());
        Assert.Contains("Bootloader recovery on bk7231n-plug", screen.Text());
        Assert.Contains("Port        bk7231n-plug (BK7231N)", question);
        var known = BkTui.Core.Chips.ChipProfiles.Bootloaders.Single(b => b.Family == BkTui.Core.Chips.ChipFamily.BK7231N); // the sample dump's
        Assert.Contains($"! Bootloader  REWRITTEN: 0x000000–0x011000 gets bootloader {known.Name} (in the known list, CRC-32 0x{known.Crc32:X8} of bytes 0-256) from dump #2, then the app", question);
        Assert.Contains("Dump        #2 of 38:1F:8D:5A:10:02", question);
        Assert.Contains("Type BOOTLOADER to go on", question);
        screen.Type("yes").Press(TgKey.Enter);
        Assert.Empty(t.Bench.Enqueued);
        Assert.Contains("not BOOTLOADER. Nothing was written.", t.State.Flash!.Text);

        screen.Dispose();
        // The right word queues the recovery (effects run inline once the GUI is gone, so no waiting on its loop).
        t.Press("B").Press("BOOTLOADER").Press(BkTui.Tui.Keys.Key.Of(BkTui.Tui.Keys.KeyCode.Enter));
        var request = Assert.Single(t.Bench.Enqueued);
        Assert.Equal((Recipe.RestoreFactory, true, 2L, WorkstationHarness.PlugPort), (request.Recipe, request.AllowBootloader, request.DumpId!.Value, request.Port));
    }

    [Fact]
    public void BootloaderRecovery_IsAbsentReadOnly()
    {
        var t = new WorkstationHarness(readOnly: true).Focus(ArchivePane.PaneIdValue).Press("B");
        Assert.Null(t.State.Overlay);
    }

    [Fact]
    public void Restore_OfAnotherDevicesDump_SaysSoInTheQuestion()
    {
        var bench = WorkstationHarness.Sample();
        bench.DumpList.Add(bench.DumpList[1] with { Id = 3, Mac = "AA:BB:CC:00:00:01", DeviceId = 20, TakenAt = WorkstationHarness.Clock });
        var t = new WorkstationHarness(bench: bench).Focus(ArchivePane.PaneIdValue);
        t.Do(new ArchiveMove(-10)).Do(new ArchiveMove(1)).Press("W");
        var question = Assert.IsType<ConfirmOverlay>(t.State.Overlay).Whole;
        Assert.Contains("Dump: #3 of AA:BB:CC:00:00:01", question);
        Assert.Contains("Device: this is another device's dump: the archive last saw plug 38:1F:8D:5A:10:02 BK7231N on this port", question);
        Assert.Contains("The engine refuses it if the chip reports another MAC", question);
        Assert.Contains("Bootloader: kept: 0x000000–0x011000 is not written", question);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void PathField_EditsInTheMiddle_AndRemembersItsOwnHistory(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(QueuePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('f')).Type("/tmp/fw.bin");
        for (int i = 0; i < 4; i++) screen.Press(TgKey.CursorLeft);
        screen.Type("-1.2");                       // "/tmp/fw-1.2.bin"
        screen.Press(TgKey.Home).Press(TgKey.Delete).Type("/");
        screen.Press(TgKey.End).Press(TgKey.Backspace).Type("n");
        var prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal("/tmp/fw-1.2.bin", prompt.Text);
        Assert.Contains("Flash firmware (file, or cached build: latest|TAG): /tmp/fw-1.2.bin", screen.Text());
        screen.Press(TgKey.Esc);
        screen.Press(new TgKey('f')).Type("latest").Press(TgKey.Enter); // asks, so the entry is kept
        screen.Press(new TgKey('n'));
        screen.Press(new TgKey('f')).Press(TgKey.CursorUp);
        Assert.Equal("latest", Assert.IsType<PromptOverlay>(t.State.Overlay).Text);
        screen.Press(TgKey.Esc).Press(new TgKey(':')).Press(TgKey.CursorUp);
        Assert.Equal("", Assert.IsType<PromptOverlay>(t.State.Overlay).Text); // the command line has its own history
    }

    /// <summary>A path too long to sit beside the whole question drops the question's hint, not the path's folders.</summary>
    [Fact]
    public void PathField_AtEightyColumns_ALongPathKeepsItsFolders_TheLabelItsHint()
    {
        var t = new WorkstationHarness(80, 24).Focus(QueuePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        const string path = "/tmp/bktui-demo-93fOIA/firmware/OpenBK7231N_QIO_demo.bin";
        screen.Press(new TgKey('f')).Type(path);
        Assert.Contains("Flash firmware: " + path, screen.Text());
        for (int i = 0; i < path.Length - 10; i++) screen.Press(TgKey.Backspace);
        Assert.Contains("Flash firmware (file, or cached build: latest|TAG): " + path[..10], screen.Text());
    }
}

/// <summary>Dialog buttons by mouse, path completion and the file picker, through Terminal.Gui's input.</summary>
public sealed class FileDialogGuiTests
{
    public static TheoryData<int, int> Sizes => PaneBehaviourGuiTests.Sizes;

    private static (int X, int Y) Find(string screen, string text)
    {
        var rows = screen.Split('\n');
        int y = Array.FindIndex(rows, r => r.Contains(text, StringComparison.Ordinal));
        Assert.True(y >= 0, $"'{text}' is not on the screen:\n{screen}");
        return (rows[y].IndexOf(text, StringComparison.Ordinal), y);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void ConfirmButtons_AnswerByClick_NoCancels_YesQueues(int w, int h)
    {
        var t = new WorkstationHarness(w, h).Focus(QueuePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('F'));
        var (x, y) = Find(screen.Text(), "[ n  No ]");
        screen.Click(x + 2, y);
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Bench.Enqueued);
        Assert.Equal("cancelled", t.State.Flash!.Text);
        screen.Press(new TgKey('F'));
        var text = screen.Text();
        screen.Click(0, 0); // outside the buttons: nothing
        Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        (x, y) = Find(text, "[ y  Restore ]");
        screen.Click(x + 4, y);
        Assert.Null(t.State.Overlay);
        Assert.StartsWith("queued ", t.State.Flash!.Text); // the engine gets it from an effect on the GUI's loop
    }

    [Theory, MemberData(nameof(Sizes))]
    public void FirmwarePrompt_TabCompletesPaths_ListingSeveral(int w, int h)
    {
        var dir = DialogGoldenTests.PickerFolder();
        var t = new WorkstationHarness(w, h).Focus(QueuePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('f')).Type(dir[..^3]).Press(TgKey.Tab);
        screen.Text();
        Assert.Equal(dir + "/", Assert.IsType<PromptOverlay>(t.State.Overlay).Text);
        screen.Type("Op").Press(TgKey.Tab);
        var text = screen.Text();
        var prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal(dir + "/OpenBK7231", prompt.Text);
        // Listed by name in a box above the field (the firmware prompt's question leaves no room after it).
        var rows = text.Split('\n');
        int n = Array.FindIndex(rows, r => r.Contains("│ OpenBK7231N_QIO_1.17.bin │"));
        Assert.True(n > 0 && rows[n + 1].Contains("│ OpenBK7231T_UA_1.17.rbl  │"), text);
        screen.Type("T").Press(TgKey.Tab);
        screen.Text();
        Assert.Equal(dir + "/OpenBK7231T_UA_1.17.rbl", Assert.IsType<PromptOverlay>(t.State.Overlay).Text);
        screen.Press(TgKey.Home).Press(TgKey.Tab);
        screen.Text();
        Assert.Equal(dir + "/OpenBK7231T_UA_1.17.rbl", Assert.IsType<PromptOverlay>(t.State.Overlay).Text); // a file: nothing more to add
    }

    [Theory, MemberData(nameof(Sizes))]
    public void FilePicker_DescendsGoesUpFiltersAndChoosesIntoTheFlashDialog(int w, int h)
    {
        var dir = DialogGoldenTests.PickerFolder();
        var t = new WorkstationHarness(w, h).Focus(QueuePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('f')).Type(dir + "/notes").Press(TgKey.O.WithCtrl);
        var text = screen.Text();
        Assert.Contains("Choose a firmware file", text);
        Assert.Contains(dir + "/", text);
        Assert.Contains("only *.bin *.rbl *.img *.uf2, 2 other files hidden — a: all files", text);
        Assert.DoesNotContain("notes.txt", text);
        Assert.Equal("old", Picker(t).Current!.Name);
        screen.Press(TgKey.Enter);                                    // into old/
        Assert.Equal(dir + "/old/", Picker(t).Directory);
        Assert.Contains("OpenBK7231N_QIO_1.16.bin", screen.Text());
        screen.Press(TgKey.Backspace);                                // back up, old/ still selected
        Assert.Equal((dir + "/", "old"), (Picker(t).Directory, Picker(t).Current!.Name));
        screen.Press(new TgKey('a'));
        text = screen.Text();
        Assert.Contains("notes.txt", text);
        Assert.Contains(".hidden.bin", text);
        Assert.Contains("all files shown", text);
        screen.Press(new TgKey('a')).Press(TgKey.Esc);                // Esc: the prompt as it was
        Assert.Equal(dir + "/notes", Assert.IsType<PromptOverlay>(t.State.Overlay).Text);

        screen.Press(TgKey.O.WithCtrl);
        text = screen.Text();
        var (x, y) = Find(text, "OpenBK7231T_UA_1.17.rbl");
        screen.Click(x, y);                                           // a click selects…
        Assert.Equal("OpenBK7231T_UA_1.17.rbl", Picker(t).Current!.Name);
        screen.Click(x, y);                                           // …a second one chooses
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Contains($"File: {dir}/OpenBK7231T_UA_1.17.rbl", confirm.Whole);
        Assert.Contains("Port: bk7231n-plug (BK7231N)", confirm.Whole);
        screen.Press(TgKey.Esc);
        screen.Press(new TgKey('f')).Press(TgKey.CursorUp);           // the chosen file is in the prompt's history
        Assert.Equal($"{dir}/OpenBK7231T_UA_1.17.rbl", Assert.IsType<PromptOverlay>(t.State.Overlay).Text);
    }

    [Fact]
    public void CtrlLetters_EditTheField_ThroughTerminalGui()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue);
        using var screen = new GuiScreen(t.App, t.Services);
        string Text() => Assert.IsType<PromptOverlay>(t.State.Overlay).Text;
        screen.Press(new TgKey('f')).Type("fw/abc def").Press(TgKey.W.WithCtrl);
        Assert.Equal("fw/abc ", Text());
        screen.Press(TgKey.A.WithCtrl).Type("~/");
        Assert.Equal("~/fw/abc ", Text());
        screen.Press(TgKey.E.WithCtrl).Type("x").Press(TgKey.CursorLeft).Press(TgKey.U.WithCtrl);
        Assert.Equal("x", Text());
    }

    [Fact]
    public void Picker_AndPathKeys_AreOnlyInPathPrompts()
    {
        var t = new WorkstationHarness().Focus(QueuePane.PaneIdValue).Press("w").Press(Key.Ctrl('o'));
        Assert.IsType<PromptOverlay>(t.State.Overlay);                // the Wi-Fi prompt has no picker
        var bar = t.App.Keymap.BarFor(t.State).Select(b => b.BarLabel).ToList();
        Assert.DoesNotContain("Browse", bar);
        t.Press(Key.Of(KeyCode.Escape)).Press("f");
        Assert.Contains("Browse", t.App.Keymap.BarFor(t.State).Select(b => b.BarLabel));
    }

    private static BkTui.Tui.Files.FilePickerOverlay Picker(WorkstationHarness t) => Assert.IsType<BkTui.Tui.Files.FilePickerOverlay>(t.State.Overlay);
}

public sealed class DetailWrapTests
{
    [Fact]
    public void ReportLines_WrapUnderTheirValue_IndentedLinesUnderTheirText()
    {
        Assert.Equal(["Chip        BK7231N (bootloader", "            CRC-32 known)"],
            BkTui.Tui.Render.DetailView.WrapIndented("Chip        BK7231N (bootloader CRC-32 known)", 32));
        Assert.Equal(["  + read — done: 2 MiB,", "  12 blocks erased"],
            BkTui.Tui.Render.DetailView.WrapIndented("  + read — done: 2 MiB, 12 blocks erased", 24));
    }
}
