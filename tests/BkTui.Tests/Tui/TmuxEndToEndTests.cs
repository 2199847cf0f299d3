using BkTui.Tests.TestSupport;
using Xunit.Abstractions;

namespace BkTui.Tests.Tui;

/// <summary>
/// The real binary in a real terminal (tmux 80×24): opens, shows help, runs a verb from ':', quits
/// and restores the shell's screen; SIGTERM and Ctrl-Z/fg restore and re-enter too.
/// Returns early (with a note) when tmux is not installed; .ci/run installs it.
/// </summary>
public class TmuxEndToEndTests(ITestOutputHelper output)
{
    private static string Bktui => $"dotnet {Path.Combine(AppContext.BaseDirectory, "bktui.dll")}";

    /// <summary>The sample image in the session's scratch folder, and a private archive beside it.</summary>
    private static string Start(TmuxSession tmux, string extra = "")
    {
        var file = Path.Combine(tmux.Home, "sample.bin");
        File.WriteAllBytes(file, BkTui.Core.Formats.Synthesis.FlashImageBuilder.Build(new() { Family = BkTui.Core.Chips.ChipFamily.BK7231N }));
        tmux.SendLine($"{Bktui} tui --hex {file} --archive {Path.Combine(tmux.Home, "archive")} {extra}");
        // Generous: a cold start on a loaded CI machine; the test only waits this long when broken.
        return tmux.WaitFor("q Quit", 90);
    }

    private static bool NoTmux(ITestOutputHelper output)
    {
        if (TmuxSession.Available) return false;
        output.WriteLine("tmux is not installed: end-to-end TUI test not run (.ci/run installs it)");
        return true;
    }

    [Fact]
    public void Tui_HelpCommandAndQuit_RestoresTheShell()
    {
        if (NoTmux(output)) return;
        using var tmux = new TmuxSession(80, 24);
        PrepareShell(tmux);
        Start(tmux);
        // The partition map comes from the dump's own analysis (off the UI thread).
        // A frame reaches tmux in pieces: wait for its top and bottom parts before reading the rest.
        var screen = tmux.WaitFor(s => s.Contains("bootloader+0x0") && s.Contains("A 000000") && s.Contains("q Quit"), "the hex view of the dump");
        Assert.Contains("[4] Hex", screen);
        foreach (var name in new[] { "1 Ports", "2 Queue", "3 Arc", "4 Hex", "5 Par", "6 Dev", "7 Log" }) Assert.Contains(name, screen);
        Assert.Contains("A 000000", screen);
        Assert.DoesNotContain("SHELL-WAS-HERE", screen);
        Assert.Equal("1", tmux.Format("alternate_on"));

        tmux.SendKeys("?");
        tmux.WaitFor(s => s.Contains("Keys — Esc closes") && s.Contains("[4] Hex (focused)"), "the help, the focused pane's keys first");
        tmux.SendKeys("Escape");
        tmux.WaitFor(s => !s.Contains("Keys — Esc closes"), "help to close");

        tmux.SendKeys("]");
        tmux.WaitFor("00011000");
        tmux.SendKeys(":");
        tmux.SendKeys("-l", "about");
        tmux.SendKeys("Enter");
        tmux.WaitFor("about done (exit 0)");

        // A resize while full-screen: the terminal reflows the shell's screen underneath.
        tmux.Resize(120, 40);
        tmux.WaitFor(s => s.Contains("[5] Partitions"), "the tiled layout");
        tmux.Resize(80, 24);
        tmux.WaitFor(s => !s.Contains("[5] Partitions") && s.Contains("7 Log"), "the tab strip again");

        tmux.SendKeys("q");
        // Nothing left over from before the resize: the shell's prompt comes back as the last thing on
        // the screen (junk showed as the prompt printed over remnants of the reflowed command line).
        screen = tmux.WaitFor(s => s.Contains("SHELL-WAS-HERE") && !s.Contains("[4] Hex") && LastLine(s) == "$", "the shell's screen and a clean prompt");
        // Arrows must not come out as ^[OA in the shell: normal cursor keys and keypad again.
        AssertModesAsBefore(tmux);
        AssertSttyAsBefore(tmux);
        output.WriteLine(screen);
    }

    /// <summary>The shell's screen before the app, its title and its terminal modes: what every exit must give back.</summary>
    private static void PrepareShell(TmuxSession tmux)
    {
        tmux.SendLine($"printf '\\033]2;%s\\033\\\\' SHELL-TITLE; stty -a > {tmux.Home}/stty-before; echo SHELL-WAS-''HERE");
        // The quotes keep the typed line from matching: only the echo's output does, after the title is set.
        tmux.WaitFor("SHELL-WAS-HERE\n");
        Assert.Equal("SHELL-TITLE", tmux.Format("pane_title"));
    }

    private static void AssertSttyAsBefore(TmuxSession tmux)
    {
        // printf builds the verdict, so the typed line (which may wrap right after a word) never contains it.
        // The window's size is not a mode: a resized terminal reports its new rows and columns.
        tmux.SendLine($"stty -a > {tmux.Home}/stty-after; cd {tmux.Home}; for f in stty-before stty-after; do sed -i 's/rows [0-9]*; columns [0-9]*;//' $f; done; cmp -s stty-before stty-after && printf 'STTY-%s\\n' SAME || printf 'STTY-%s\\n' DIFF; cd - >/dev/null");
        tmux.WaitFor(s => s.Contains("STTY-SAME\n") || s.Contains("STTY-DIFF\n"), "stty compared");
        if (!tmux.Capture().Contains("STTY-SAME\n"))
            Assert.Fail($"stty -a differs after quit:\n--- before\n{File.ReadAllText(Path.Combine(tmux.Home, "stty-before"))}\n--- after\n{File.ReadAllText(Path.Combine(tmux.Home, "stty-after"))}");
    }

    /// <summary>Normal cursor keys and keypad, no mouse reporting, cursor shown, main screen, the shell's title.</summary>
    private static void AssertModesAsBefore(TmuxSession tmux)
    {
        Assert.Equal("0", tmux.Format("alternate_on"));
        Assert.Equal("1", tmux.Format("cursor_flag"));
        Assert.Equal("0", tmux.Format("keypad_cursor_flag"));
        Assert.Equal("0", tmux.Format("keypad_flag"));
        Assert.Equal("0", tmux.Format("mouse_any_flag"));
        Assert.Equal("SHELL-TITLE", tmux.Format("pane_title"));
    }

    [Fact]
    public void Tui_ResizedFrom120x40To90x30_QuitLeavesTheShellAsBefore() => QuitAfterResize((120, 40), (90, 30));

    // Growing: tmux used to move the workstation's rows onto the shell's screen when it left the
    // alternate screen, and a second leave sequence then erased the shell's lines under them.
    [Fact]
    public void Tui_ResizedFrom80x24To120x40_QuitLeavesTheShellAsBefore() => QuitAfterResize((80, 24), (120, 40));

    private void QuitAfterResize((int W, int H) from, (int W, int H) to)
    {
        if (NoTmux(output)) return;
        using var tmux = new TmuxSession(from.W, from.H);
        var before = StartThenResize(tmux, to);
        tmux.SendKeys("q");
        tmux.WaitFor(s => !s.Contains("q Quit") && LastLine(s) == "$", "the shell's prompt");
        AssertShellAsBefore(tmux, before, " tui --hex ", "$");
        AssertModesAsBefore(tmux);
        AssertSttyAsBefore(tmux);
    }

    [Fact]
    public void Tui_SuspendedAfterGrowing_ShowsTheShellAsBefore_AndFgSetsTheTitleAgain()
    {
        if (NoTmux(output)) return;
        using var tmux = new TmuxSession(80, 24);
        var before = StartThenResize(tmux, (120, 40));

        tmux.SendKeys("C-z");
        tmux.WaitFor(s => !s.Contains("q Quit") && LastLine(s) == "$", "Ctrl-Z to show the shell");
        var stopped = AssertShellAsBefore(tmux, before, " tui --hex ", "Stopped", "$");
        Assert.Equal("SHELL-TITLE", tmux.Format("pane_title"));

        tmux.SendLine("fg");
        tmux.WaitFor(s => s.Contains("q Quit") && s.Contains("[5] Partitions"), "the workstation after fg");
        Assert.Equal("BkTui", tmux.Format("pane_title"));
        // And shrinking back before the quit: the shell's screen, the stop and the fg, nothing else.
        tmux.Resize(80, 24);
        tmux.WaitFor(s => !s.Contains("[5] Partitions") && s.Contains("q Quit"), "the tab strip at 80x24");
        tmux.SendKeys("q");
        tmux.WaitFor(s => !s.Contains("q Quit") && LastLine(s) == "$", "the shell's prompt");
        AssertShellAsBefore(tmux, stopped, "$ fg", " tui --hex ", "$");
        AssertModesAsBefore(tmux);
    }

    /// <summary>
    /// Prepares the shell, starts the workstation on the sample dump, waits for its partitions and
    /// resizes the window to <paramref name="to"/> (tiles from 100×30); returns the shell's lines before.
    /// </summary>
    private static List<string> StartThenResize(TmuxSession tmux, (int W, int H) to)
    {
        PrepareShell(tmux);
        tmux.WaitFor(s => LastLine(s) == "$", "the prompt");
        var before = ShellLines(tmux);
        Start(tmux);
        tmux.WaitFor("bootloader+0x0");
        Assert.Equal("BkTui", tmux.Format("pane_title"));
        tmux.Resize(to.W, to.H);
        bool tiles = to.W >= 100 && to.H >= 30;
        tmux.WaitFor(s => s.Contains("[5] Partitions") == tiles && s.Contains("q Quit") && s.Contains("bootloader+0x0"), $"the layout at {to.W}x{to.H}");
        return before;
    }

    /// <summary>The shell's lines, its scrollback first, wrapped lines joined (a reflow to another width reads the same), trailing blanks dropped.</summary>
    private static List<string> ShellLines(TmuxSession tmux) =>
        tmux.CaptureJoinedWithHistory().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// The shell's screen and scrollback are exactly <paramref name="before"/> up to its last line (the
    /// prompt the workstation was started from), then one line for each of <paramref name="then"/>: a
    /// line containing it, where "$" is the bare prompt. Returns the lines.
    /// </summary>
    private static List<string> AssertShellAsBefore(TmuxSession tmux, IReadOnlyList<string> before, params string[] then)
    {
        var after = ShellLines(tmux);
        int kept = before.Count - 1;
        var all = string.Join("\n", after);
        Assert.True(after.Count == kept + then.Length, $"expected the {kept} lines from before and {then.Length} after them, got:\n{all}");
        Assert.True(after.Take(kept).SequenceEqual(before.Take(kept)), $"the shell's lines changed:\n--- before\n{string.Join("\n", before)}\n--- after\n{all}");
        for (int i = 0; i < then.Length; i++)
            Assert.True(then[i] == "$" ? after[kept + i] == "$" : after[kept + i].Contains(then[i]), $"line {kept + i} should be '{then[i]}':\n{all}");
        return after;
    }

    [Fact]
    public void Tui_SuspendResume_AndSigterm_RestoreTheTerminal()
    {
        if (NoTmux(output)) return;
        using var tmux = new TmuxSession(80, 24);
        PrepareShell(tmux);
        Start(tmux);

        // Three rounds: after `fg`, .NET's own SIGCONT handler used to put the terminal back in cooked
        // mode (echo, line input) whenever it ran after the workstation's re-entry — a race, so one
        // round could pass by luck. The tty's mode is read from outside, then a key must be taken.
        for (int round = 1; round <= 3; round++)
        {
            tmux.SendKeys("C-z");
            tmux.WaitFor(s => s.Contains("SHELL-WAS-HERE") && !s.Contains("q Quit"), "Ctrl-Z to show the shell");
            Assert.Equal("0", tmux.Format("alternate_on"));
            // The shell gets normal cursor keys and keypad back (Terminal.Gui's own suspend left them on).
            Assert.Equal("0", tmux.Format("keypad_cursor_flag"));
            Assert.Equal("0", tmux.Format("keypad_flag"));
            Assert.Equal("0", tmux.Format("mouse_any_flag"));
            Assert.Equal("SHELL-TITLE", tmux.Format("pane_title"));
            tmux.SendLine("fg");
            tmux.WaitFor("q Quit");
            Assert.Equal("1", tmux.Format("alternate_on"));
            var mode = TtyModeFlags(tmux.Format("pane_tty"));
            Assert.True(mode.Contains("-icanon") && mode.Contains("-echo"), $"round {round}: the terminal is not raw after fg: {mode}");
            var pane = round % 2 == 1 ? "1" : "4";
            tmux.SendKeys(pane);
            tmux.WaitFor(pane == "1" ? "▶[1] Ports" : "▶[4] Hex", seconds: 10);
        }

        tmux.SendLine("");
        tmux.SendKeys("-l", "\u001b"); // a stray Esc must not break anything
        tmux.WaitFor("q Quit");
        // SIGTERM from outside (e.g. systemd, kill): the terminal is restored and the app exits.
        var shellPid = tmux.Format("pane_pid");
        var appPid = File.ReadAllText($"/proc/{shellPid}/task/{shellPid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Single();
        System.Diagnostics.Process.Start("kill", ["-TERM", appPid])!.WaitForExit(5000);
        tmux.WaitFor(s => !s.Contains("q Quit") && LastLine(s) == "$", "SIGTERM to restore the shell"); // three rounds of job messages scrolled the first line away
        AssertModesAsBefore(tmux);
    }

    [Fact]
    public void Tui_KilledWhileSuspended_NeverDrawsOverTheShell()
    {
        if (NoTmux(output)) return;
        using var tmux = new TmuxSession(80, 24);
        PrepareShell(tmux);
        Start(tmux);
        tmux.SendKeys("C-z");
        tmux.WaitFor(s => s.Contains("SHELL-WAS-HERE") && !s.Contains("q Quit"), "Ctrl-Z to show the shell");
        // bash's kill continues a stopped job (SIGCONT with the SIGTERM) in the background, where the
        // terminal is the shell's; the workstation used to re-enter full-screen mode from there.
        tmux.SendLine("kill %1; sleep 2; echo KILLED-''WHILE-STOPPED");
        tmux.WaitFor("KILLED-WHILE-STOPPED\n");
        tmux.SendLine("fg 2>/dev/null; echo FG-''DONE-$?");
        var after = tmux.WaitFor(s => s.Contains("FG-DONE-") && LastLine(s) == "$", "fg to end it");
        Assert.Contains("FG-DONE-143", after); // ended by its SIGTERM, as a shell reports it
        Assert.Contains("SHELL-WAS-HERE", after);
        Assert.DoesNotContain("q Quit", after);
        Assert.DoesNotContain("[1] Ports", after);
        AssertModesAsBefore(tmux);
        AssertSttyAsBefore(tmux);
    }

    /// <summary>The tty's line-discipline flags, read from outside the pane (`stty -F`).</summary>
    private static string TtyModeFlags(string tty)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("stty", ["-a", "-F", tty]) { RedirectStandardOutput = true };
        using var stty = System.Diagnostics.Process.Start(psi)!;
        var all = stty.StandardOutput.ReadToEnd();
        stty.WaitForExit();
        return string.Join(' ', all.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(f => f.TrimStart('-') is "icanon" or "echo" or "isig"));
    }

    private static string LastLine(string screen) => screen.Split('\n').Select(l => l.TrimEnd()).LastOrDefault(l => l.Length > 0) ?? "";

    [Fact]
    public void Tui_TerminalHangsUp_TheAppExits()
    {
        if (NoTmux(output)) return;
        var tmux = new TmuxSession(80, 24);
        int appPid;
        try
        {
            tmux.SendLine("echo SHELL-WAS-HERE");
            tmux.WaitFor("SHELL-WAS-HERE\n");
            Start(tmux);
            appPid = tmux.Descendants().Single();
        }
        finally
        {
            tmux.Dispose(reapLeftovers: false); // SIGHUP to the shell and the app: the terminal is gone
        }
        // Within the quit grace the app exits by itself (it used to spin on the dead tty forever).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{appPid}") && waited.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(100);
        bool alive = Directory.Exists($"/proc/{appPid}");
        if (alive) System.Diagnostics.Process.Start("kill", ["-KILL", appPid.ToString()])!.WaitForExit(5000);
        Assert.False(alive, "bktui tui still running 30 s after its terminal hung up");
    }

    [Fact]
    public void NoVerb_WithoutATerminal_PrintsHelpAndExits2()
    {
        var result = BktuiProcess.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tui", result.Stdout);
    }
}
