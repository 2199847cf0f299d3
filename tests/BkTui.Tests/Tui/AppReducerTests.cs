using BkTui.Tui.Keys;
using BkTui.Tui.Commands;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui;

public class AppReducerTests
{
    private sealed record EraseAction(string Port, uint Start, uint End) : AppAction, IDangerousAction
    {
        public string Describe(AppState state) => $"Erase 0x{Start:X6}–0x{End:X6} on {Port}?";
    }

    [Fact]
    public void Tab_CyclesPanes_ShiftTabGoesBack()
    {
        var t = new TuiHarness();
        Assert.Equal("hex", t.State.FocusedPaneId);
        t.Press(Key.Of(KeyCode.Tab));
        Assert.Equal("log", t.State.FocusedPaneId);
        t.Press(Key.Of(KeyCode.Tab));
        Assert.Equal("hex", t.State.FocusedPaneId);
        t.Press(Key.Of(KeyCode.Tab, KeyMods.Shift));
        Assert.Equal("log", t.State.FocusedPaneId);
    }

    [Fact]
    public void GotoPrompt_Tab_CompletesPartitionNames_ListsSeveral_TakesOneWhole()
    {
        var t = new TuiHarness().Do(new BkTui.Tui.Panes.Hex.HexPartitionNames(["bootloader", "app", "tuya-kv", "tuya-config"]));
        t.Press(Key.Ch('o'));
        t.Press(Key.Ch('t')).Press(Key.Of(KeyCode.Tab));
        var prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal("tuya-", prompt.Text); // what both share
        Assert.Equal(new[] { "tuya-kv", "tuya-config" }, prompt.Candidates.ToArray());
        Assert.Contains("tuya-kv  tuya-config", t.Screen()); // listed after the field

        t.Press(Key.Ch('c')).Press(Key.Of(KeyCode.Tab));
        prompt = Assert.IsType<PromptOverlay>(t.State.Overlay);
        Assert.Equal("tuya-config", prompt.Text);
        Assert.Empty(prompt.Candidates);

        t.Press(Key.Of(KeyCode.Backspace)); // an offset completes to nothing and keeps what was typed
        while (((PromptOverlay)t.State.Overlay!).Text.Length > 0) t.Press(Key.Of(KeyCode.Backspace));
        t.Press(Key.Ch('0')).Press(Key.Ch('x')).Press(Key.Of(KeyCode.Tab));
        Assert.Equal("0x", ((PromptOverlay)t.State.Overlay!).Text);
    }

    [Fact]
    public void GotoPrompt_CompletesFromTheDumpsOwnMap_AndJumpsThere()
    {
        var image = BkTui.Core.Formats.Synthesis.FlashImageBuilder.Build(new() { Family = BkTui.Core.Chips.ChipFamily.BK7231N });
        var t = new TuiHarness().Open(image, "sample.bin");
        Assert.Contains("app", t.Hex.PartitionNames); // the analysis' names reached the state
        t.Press(Key.Ch('o')).Type("ap").Press(Key.Of(KeyCode.Tab));
        Assert.Equal("app", ((PromptOverlay)t.State.Overlay!).Text);
        t.Press(Key.Of(KeyCode.Enter));
        Assert.Null(t.State.Overlay);
        Assert.Equal(0x11000, t.HexView.Offset);
    }

    [Fact]
    public void Quit_WithoutJobs_QuitsAtOnce()
    {
        var t = new TuiHarness().Press(Key.Ch('q'));
        Assert.True(t.State.Quitting);
    }

    [Theory]
    [InlineData(null, "(it can be resumed)")]
    [InlineData("this demo's virtual ports are deleted on exit", "(this demo's virtual ports are deleted on exit, so nothing can be resumed)")]
    public void QsQuestion_PromisesAResumeOnlyWhereOneCanBeHad(string? noResume, string said)
    {
        var app = new BkTui.Tui.Loop.TuiApp(new BkTui.Tui.TuiOptions { NoResumeBecause = noResume }, 80, 24);
        app.Dispatch(new SetJobsRunning(1));
        app.Dispatch(new Quit());
        Assert.Contains(said, Assert.IsType<ConfirmOverlay>(app.State.Overlay).Question);
    }

    [Fact]
    public void WaitingJobsAreNotCalledRunning_InTheTabStripOrQsQuestion()
    {
        var t = new TuiHarness().Do(new SetJobsRunning(13, Waiting: 12));
        Assert.Contains("1 running, 12 waiting", t.Screen().Split('\n')[0]);
        Assert.DoesNotContain("13 jobs running", t.Screen());
        t.Press(Key.Ch('q'));
        Assert.StartsWith("1 running, 12 waiting. Quitting stops them", Assert.IsType<ConfirmOverlay>(t.State.Overlay).Question);
        Assert.Contains("2 jobs running", new TuiHarness().Do(new SetJobsRunning(2)).Screen().Split('\n')[0]);
    }

    [Fact]
    public void Quit_WithJobsRunning_AsksAndNoIsTheDefault()
    {
        var t = new TuiHarness().Do(new SetJobsRunning(2)).Press(Key.Ch('q'));
        Assert.False(t.State.Quitting);
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Contains("2 jobs are running", confirm.Question);
        t.Press(Key.Of(KeyCode.Enter));
        Assert.False(t.State.Quitting);
        Assert.Null(t.State.Overlay);
        t.Press(Key.Ch('q'), Key.Ch('y'));
        Assert.True(t.State.Quitting);
    }

    [Fact]
    public void DangerousAction_IsConfirmedWithItsDescription()
    {
        var t = new TuiHarness().Do(new EraseAction("/dev/ttyUSB0", 0, 0x200000));
        var confirm = Assert.IsType<ConfirmOverlay>(t.State.Overlay);
        Assert.Equal("Erase 0x000000–0x200000 on /dev/ttyUSB0?", confirm.Question);
        Assert.Contains("Erase 0x000000–0x200000 on /dev/ttyUSB0?", t.Screen());
    }

    [Fact]
    public void DangerousAction_InReadOnly_IsRefused()
    {
        var t = new TuiHarness(readOnly: true).Do(new EraseAction("/dev/ttyUSB0", 0, 0x1000));
        Assert.Null(t.State.Overlay);
        Assert.Contains("read-only", t.State.Flash!.Text);
        Assert.Contains("READ-ONLY", t.Rows()[0]);
    }

    [Fact]
    public void CommandLine_TypedVerb_RunsThroughTheCliTree()
    {
        var t = new TuiHarness().Press(Key.Ch(':')).Type("about").Press(Key.Of(KeyCode.Enter));
        var run = Assert.IsType<RunVerbEffect>(t.Effects.Last());
        Assert.Equal(["about"], run.Args);
        Assert.Equal(["about"], t.State.History);
        Assert.Null(t.State.Overlay);
    }

    [Fact]
    public void CommandLine_HistoryAndCompletion()
    {
        var t = new TuiHarness().Press(Key.Ch(':')).Type("ab").Press(Key.Of(KeyCode.Tab));
        Assert.Equal("about ", ((PromptOverlay)t.State.Overlay!).Text);
        t.Press(Key.Of(KeyCode.Enter)).Press(Key.Ch(':')).Press(Key.Of(KeyCode.Up));
        Assert.Equal("about", ((PromptOverlay)t.State.Overlay!).Text);
        t.Press(Key.Of(KeyCode.Down));
        Assert.Equal("", ((PromptOverlay)t.State.Overlay!).Text);
    }

    /// <summary>Tab on the ':' line completes a file name where a path is typed (open's argument, or a word with a slash), verbs elsewhere.</summary>
    [Fact]
    public void CommandLine_TabCompletesPaths_InOpenAndInPathArguments()
    {
        var dir = Directory.CreateTempSubdirectory("bktui-complete-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "alpha.bin"), [1]);
            Directory.CreateDirectory(Path.Combine(dir, "beta"));
            var t = new TuiHarness().Press(Key.Ch(':')).Type($"open {dir}/al").Press(Key.Of(KeyCode.Tab));
            Assert.Equal($"open {dir}/alpha.bin", ((PromptOverlay)t.State.Overlay!).Text);
            t.Press(Key.Of(KeyCode.Escape)).Press(Key.Ch(':')).Type($"dumps import {dir}/b").Press(Key.Of(KeyCode.Tab));
            Assert.Equal($"dumps import {dir}/beta/", ((PromptOverlay)t.State.Overlay!).Text);
            t.Press(Key.Of(KeyCode.Escape)).Press(Key.Ch(':')).Type("dumps li").Press(Key.Of(KeyCode.Tab));
            Assert.DoesNotContain("/", ((PromptOverlay)t.State.Overlay!).Text); // no path here: the verb completion as before
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The demo offers its builds in the firmware prompt's history: ↑ gives the newest entry first.</summary>
    [Fact]
    public void SeededHistory_IsRecalledByUp_InThatPromptOnly()
    {
        var t = new TuiHarness();
        t.Do(new SeedPromptHistory("firmware", ["/demo/T.bin", "/demo/N.bin"]));
        t.Do(new OpenPrompt("queue", "firmware", "Flash: ") { PathField = true }).Press(Key.Of(KeyCode.Up));
        Assert.Equal("/demo/N.bin", ((PromptOverlay)t.State.Overlay!).Text);
        t.Press(Key.Of(KeyCode.Up));
        Assert.Equal("/demo/T.bin", ((PromptOverlay)t.State.Overlay!).Text);
        t.Press(Key.Of(KeyCode.Escape)).Press(Key.Ch(':')).Press(Key.Of(KeyCode.Up));
        Assert.Equal("", ((PromptOverlay)t.State.Overlay!).Text);
    }

    [Theory]
    [InlineData("erase --port /dev/ttyUSB1 --start 0x11000 --length 0x1000")]
    [InlineData("run flash --port /dev/ttyUSB1 --firmware-version latest")]
    [InlineData("run backup --port /dev/ttyUSB1")]
    public void CommandLine_JobsAndWrites_NeedTheWorkstationsQueue_AndAreRefusedReadOnly(string line)
    {
        // The hex-and-log screen has no queue: nothing runs, and it says where such a verb goes (the
        // workstation's dialogs: CommandLineWriteTests).
        var t = new TuiHarness().Do(new RunCommand(line));
        Assert.Null(t.State.Overlay);
        Assert.Empty(t.Effects);
        Assert.Contains("[Queue]", t.State.Flash!.Text);

        var ro = new TuiHarness(readOnly: true).Do(new RunCommand(line));
        Assert.Null(ro.State.Overlay);
        Assert.Empty(ro.Effects);
    }

    [Fact]
    public void CommandLine_TuiVerbIsRefusedInside() =>
        Assert.Contains("cannot run inside", new TuiHarness().Do(new RunCommand("tui")).State.Flash!.Text);

    [Fact]
    public void Flash_InfoExpiresOnTick_ErrorStaysUntilAKey()
    {
        var t = new TuiHarness().Do(new ShowFlash("hello"));
        t.Do(new Tick(TuiHarness.Clock.AddSeconds(7)));
        Assert.Null(t.State.Flash);
        t.Do(new ShowFlash("boom", FlashLevel.Error)).Do(new Tick(TuiHarness.Clock.AddMinutes(5)));
        Assert.NotNull(t.State.Flash);
        t.Press(Key.Of(KeyCode.Down));
        Assert.Null(t.State.Flash);
    }

    [Fact]
    public void Resize_ChangesLayout_WideShowsLogBeside()
    {
        var t = new TuiHarness();
        Assert.DoesNotContain(t.Rows(), r => r.Contains("[2] Log  "));
        t.Do(new Resize(132, 43));
        Assert.Contains(t.Rows(), r => r.Contains("[2] Log"));
        t.Press(Key.Ch('z'));
        Assert.DoesNotContain(t.Rows(), r => r.Contains("[2] Log  "));
    }

    [Fact]
    public void Search_InPaneWithoutSearch_Warns()
    {
        // Every registered pane searches; a prompt opens with the pane's label.
        var t = new TuiHarness().Press(Key.Ch('/'));
        Assert.Equal("search", Assert.IsType<PromptOverlay>(t.State.Overlay).Purpose);
    }

    [Fact]
    public void Tokenize_HandlesQuotes() =>
        Assert.Equal(["wifi", "--ssid", "my home", "--password", "a\"b"], CommandLine.Tokenize("wifi --ssid \"my home\" --password 'a\"b'"));
}
