using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Queue;
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
        var t = new WorkstationHarness(w, h).Focus(ArchivePane.PaneIdValue);
        var screen = new GuiScreen(t.App, t.Services);
        screen.Press(new TgKey('B'));
        var question = InBox(screen.Text());
        Assert.Contains("Bootloader recovery on bk7231n-plug (BK7231N): rewrites the bootloader 0x000000–0x011000, then the app", question);
        Assert.Contains("from dump #2 (38:1F:8D:5A:10:02)", question);
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
        bench.DumpList.Add(bench.DumpList[1] with { Id = 3, Mac = "AA:BB:CC:00:00:01", TakenAt = WorkstationHarness.Clock });
        var t = new WorkstationHarness(bench: bench).Focus(ArchivePane.PaneIdValue);
        t.Do(new ArchiveMove(-10)).Do(new ArchiveMove(1)).Press("W");
        var question = Assert.IsType<ConfirmOverlay>(t.State.Overlay).Question;
        Assert.Contains("dump #3 (AA:BB:CC:00:00:01)", question);
        Assert.Contains("WARNING: this is another device's dump: the archive last saw plug 38:1F:8D:5A:10:02 BK7231N on this port", question);
        Assert.Contains("the bootloader (0x000000–0x011000) is kept", question);
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
