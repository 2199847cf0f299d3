using System.Text.RegularExpressions;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// The mouse end to end: the real `bktui demo` in tmux, sent the SGR reports a terminal sends for a
/// click or a wheel notch once the workstation turned mouse reporting on. A tab label focuses its
/// pane, a click selects a row, the wheel moves a list and scrolls the hex viewer, and a dialog's
/// buttons answer it: No queues nothing, Yes starts the job on the virtual chip. Returns early
/// (passes) when tmux is not installed (.ci/run installs it). Every wait is bounded.
/// </summary>
public sealed partial class MouseTmuxTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");

    /// <summary>Starts the demo in the session's home and waits for its ports and for mouse reporting; a file to scroll lies beside it.</summary>
    private static (string Screen, string File) StartDemo(TmuxSession tmux)
    {
        var file = HexFile(tmux);
        tmux.SendLine($"cd {tmux.Home} && dotnet {Dll} demo; echo DEMO-EXIT=$?");
        var screen = tmux.WaitFor(s => s.Contains("[1] Ports") && s.Contains("bl2028n-zero-key"), "the demo's ports", 90);
        tmux.WaitFor(_ => tmux.MouseReporting, "the workstation to turn on SGR mouse reporting");
        return (screen, file);
    }

    /// <summary>A 64 KiB file of fixed bytes to scroll through.</summary>
    private static string HexFile(TmuxSession tmux)
    {
        var path = Path.Combine(tmux.Home, "scroll.bin");
        var bytes = new byte[0x10000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Open(TmuxSession tmux, string path)
    {
        tmux.SendKeys(":");
        tmux.WaitFor(s => s.Split('\n').Any(r => r.StartsWith(':')), "the command line");
        tmux.SendKeys("-l", "open " + path);
        tmux.SendKeys("Enter");
    }

    /// <summary>The hex viewer's first row starts at <paramref name="offset"/> (the row under its title).</summary>
    private static bool HexStartsAt(string screen, string offset)
    {
        var rows = screen.Split('\n');
        int title = Array.FindIndex(rows, r => r.Contains("[4] Hex  scroll.bin"));
        return title >= 0 && title + 1 < rows.Length && Regex.IsMatch(rows[title + 1], $@"\b0{{0,2}}{offset}  [0-9a-f]{{2}}");
    }

    /// <summary>Clicks the cell <paramref name="dx"/>, <paramref name="dy"/> from where <paramref name="text"/> starts on the screen.</summary>
    private static void ClickOn(TmuxSession tmux, string screen, string text, int dx = 0, int dy = 0)
    {
        var (x, y) = TmuxSession.Locate(screen, text);
        tmux.Click(x + dx, y + dy);
    }

    /// <summary>Opens the file in the hex viewer; a wheel notch down over its bytes scrolls three rows, one up scrolls back.</summary>
    private static void WheelScrollsTheHex(TmuxSession tmux, string file)
    {
        Open(tmux, file);
        var screen = tmux.WaitFor(s => HexStartsAt(s, "000000") && s.Contains("000040"), "the file in the hex viewer");
        var (x, y) = TmuxSession.Locate(screen, "000020");
        tmux.Wheel(x + 10, y, down: true);
        tmux.WaitFor(s => HexStartsAt(s, "000030"), "the hex viewer scrolled down by the wheel");
        tmux.Wheel(x + 10, y, down: false);
        tmux.WaitFor(s => HexStartsAt(s, "000000"), "the hex viewer scrolled back up");
    }

    [Fact]
    public void Demo_80x24_TabsRowsWheelAndDialogButtons_ByMouse()
    {
        if (!TmuxSession.Available) return;
        using var tmux = new TmuxSession(80, 24);
        var (screen, file) = StartDemo(tmux);

        // A tab label focuses its pane.
        ClickOn(tmux, screen, "3 Arc", dx: 2);
        screen = tmux.WaitFor("▶[3] Archive");
        ClickOn(tmux, screen, "1 Por");
        screen = tmux.WaitFor(s => s.Contains("▶[1] Ports") && s.Contains("bl2028n-zero-key"), "Ports focused by its tab");

        // A click selects the row under it (the footer names the selected port); the wheel moves the selection.
        var (x, y) = TmuxSession.Locate(screen, "bk7231t-bulb");
        tmux.Click(x + 3, y);
        tmux.WaitFor("ports/bk7231t-bulb · pty");
        tmux.Wheel(x, y, down: true);
        tmux.WaitFor("ports/bl2028n-zero-key · pty");
        tmux.Wheel(x, y, down: false);
        tmux.WaitFor("ports/bk7231n-plug · pty");

        // The dialog's buttons: [ n No ] queues nothing, [ y Restore ] starts the job on the plug.
        tmux.SendKeys("2");
        tmux.WaitFor("▶[2] Queue");
        tmux.SendKeys("F");
        var dialog = tmux.WaitFor(s => s.Contains("┌─ Restore RF calibration") && s.Contains("[ n  No ]"), "the restore-rf dialog");
        Assert.Contains("Port        bk7231n-plug", dialog);
        ClickOn(tmux, dialog, "[ n  No ]", dx: 3);
        var after = tmux.WaitFor(s => !s.Contains("┌─ Restore RF calibration") && s.Contains("cancelled"), "the dialog answered No by a click");
        Assert.Contains("[2] Queue  no jobs", after);
        tmux.SendKeys("F");
        dialog = tmux.WaitFor(s => s.Contains("┌─ Restore RF calibration") && s.Contains("[ n  No ]"), "the restore-rf dialog again");
        ClickOn(tmux, dialog, "[ y  Restore ]", dx: 5);
        tmux.WaitFor("queued restore-rf on bk7231n-plug");
        // The virtual chip runs it: a factory dump first (the archive has none), the write, the reboot.
        tmux.WaitFor(s => Regex.IsMatch(s, @"#1 +bk7231n-plug +restore-rf +OK"), "the restore-rf job done on the virtual plug", 180);

        WheelScrollsTheHex(tmux, file);

        tmux.SendKeys("q");
        tmux.WaitFor("DEMO-EXIT=0");
    }

    [Fact]
    public void Demo_120x40_ClickFocusesATile_AndSelectsItsRow_WheelScrollsTheHexTile()
    {
        if (!TmuxSession.Available) return;
        using var tmux = new TmuxSession(120, 40);
        var (screen, file) = StartDemo(tmux);

        // A click in the Queue tile focuses it; one on a port's row focuses Ports and selects that port.
        ClickOn(tmux, screen, "[2] Queue", dx: 4, dy: 1);
        screen = tmux.WaitFor("▶[2] Queue");
        ClickOn(tmux, screen, "bl2028n-zero-key", dx: 2);
        // The Device tile follows the selection.
        tmux.WaitFor(s => s.Contains("▶[1] Ports") && s.Contains("[6] Device  bl2028n-zero-key"), "Ports focused, the zero-key port selected");

        WheelScrollsTheHex(tmux, file);
        tmux.SendKeys("q");
        tmux.WaitFor("DEMO-EXIT=0");
    }

    [Fact]
    public void Demo_CommandLineErase_IsTheDialog_ThenTheVerbRunsOnTheVirtualChip_AndYesFlagsAreRefused()
    {
        if (!TmuxSession.Available) return;
        using var tmux = new TmuxSession(80, 24);
        var (screen, _) = StartDemo(tmux);
        var plug = Regex.Match(screen, @"(/\S+/ports/bk7231n-plug) ·").Groups[1].Value;
        Assert.NotEqual("", plug);

        void Command(string line)
        {
            tmux.SendKeys(":");
            tmux.WaitFor(s => s.Split('\n').Any(r => r.StartsWith(':')), "the command line");
            tmux.SendKeys("-l", line);
            tmux.SendKeys("Enter");
        }

        Command($"erase --port {plug} --start 0x1F0000 --length 0x1000 --yes");
        tmux.WaitFor(s => s.Contains("Nothing was queued.") || s.Contains("M reads it all"), "the --yes line refused");
        Assert.DoesNotContain("┌─ Erase flash", tmux.Capture());

        Command($"erase --port {plug} --start 0x1F0000 --length 0x1000");
        var dialog = tmux.WaitFor(s => s.Contains("┌─ Erase flash") && s.Contains("[ n  No ]"), "the erase dialog");
        Assert.Contains("Erases      0x1F0000–0x1F1000", dialog);
        Assert.Contains("Bootloader  kept: 0x000000–0x011000 is not written", dialog);
        ClickOn(tmux, dialog, "[ y  Erase ]", dx: 4);
        tmux.WaitFor(s => !s.Contains("┌─ Erase flash") && s.Contains("erase done (exit 0)"), "the erase verb done on the virtual plug, said first on the message line", 120);
        tmux.SendKeys("7"); // the verb's output goes to the Log
        tmux.WaitFor("erased and verified blank: 0x1F0000..0x1F1000");

        tmux.SendKeys("q");
        tmux.WaitFor("DEMO-EXIT=0");
    }
}
