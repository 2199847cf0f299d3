using BkTui.Core.Chips;
using BkTui.Tests.Compatibility;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// End to end in tmux with the real binary: in `bktui demo` two ports are marked, the firmware is
/// chosen in the file picker (Ctrl-O in the flash prompt), and the flash dialog names both ports,
/// the file, the range and the kept bootloader before anything is queued; n writes nothing.
/// Returns early (passes) when tmux is not installed (.ci/run installs it).
/// </summary>
public sealed class DialogTmuxTests
{
    [Fact]
    public void Demo_FlashToMarkedPorts_ChosenInThePicker_IsADialogNamingThePorts()
    {
        if (!TmuxSession.Available) return;
        using var tmux = new TmuxSession(80, 24);
        var folder = Directory.CreateDirectory(Path.Combine(tmux.Home, "fw")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "OpenBK7231N_QIO_1.17.bin"), GateImages.Build(ChipFamily.BK7231N));
        File.WriteAllText(Path.Combine(folder, "README.txt"), "not firmware\n");
        tmux.SendLine($"cd {folder} && dotnet {Path.Combine(AppContext.BaseDirectory, "bktui.dll")} demo; echo DEMO-EXIT=$?");
        tmux.WaitFor(s => s.Contains("[1] Ports") && s.Contains("bk7231t-bulb"), "the demo's ports", 90);

        tmux.SendKeys("Space", "j", "Space");
        tmux.SendKeys("2");
        tmux.WaitFor("▶[2] Queue");
        tmux.SendKeys("f");
        tmux.WaitFor("Flash firmware (file, or cached build");
        // The picker starts in the folder typed (else the last one used: in the demo, its own builds').
        tmux.SendKeys("-l", folder + "/");
        tmux.SendKeys("C-o");
        // A frame reaches tmux in pieces: wait for its last part too before reading the rest of it.
        var picker = tmux.WaitFor(s => s.Contains("Choose a firmware file") && s.Contains("OpenBK7231N_QIO_1.17.bin") && s.Contains("a: all files"), "the file picker");
        Assert.Contains(folder + "/", picker);
        Assert.DoesNotContain("README.txt", picker);
        Assert.Contains("1 other file hidden — a: all files", picker);
        tmux.SendKeys("Enter"); // the first entry after ".." is selected: the firmware

        var dialog = tmux.WaitFor(s => s.Contains("┌─ Flash firmware") && s.Contains("[ n  No ]"), "the flash dialog");
        Assert.Contains("2 ports     bk7231n-plug, bk7231t-bulb — the 2 marked ports", dialog);
        Assert.Contains($"File        {folder}/OpenBK7231N_QIO_1.17.bin", dialog);
        Assert.Contains("Writes      0x011000 upward (the app)", dialog);
        Assert.Contains("Bootloader  kept: 0x000000–0x011000 is not written", dialog);
        Assert.Contains("[ y  Flash ]   [ n  No ]", dialog);
        tmux.SendKeys("n");
        var after = tmux.WaitFor(s => !s.Contains("┌─ Flash firmware") && s.Contains("cancelled"), "the dialog answered no");
        Assert.Contains("[2] Queue  no jobs", after);

        tmux.SendKeys("q");
        tmux.WaitFor("DEMO-EXIT=0");
    }

    /// <summary>
    /// As the README says: select the port in [1] and press the key. F on the bulb in [Ports] is the
    /// Restore RF dialog naming it; in [Archive] the same key says where it works instead of nothing.
    /// </summary>
    [Fact]
    public void Demo_RestoreRfFromPorts_IsADialogNamingThePort_AndElsewhereTheKeySaysWhereItWorks()
    {
        if (!TmuxSession.Available) return;
        using var tmux = new TmuxSession(80, 24);
        tmux.SendLine($"dotnet {Path.Combine(AppContext.BaseDirectory, "bktui.dll")} demo; echo DEMO-EXIT=$?");
        tmux.WaitFor(s => s.Contains("[1] Ports") && s.Contains("bk7231t-bulb"), "the demo's ports", 90);

        tmux.SendKeys("j", "F");
        var dialog = tmux.WaitFor(s => s.Contains("┌─ Restore RF calibration") && s.Contains("[ n  No ]"), "the Restore RF dialog");
        Assert.Contains("Port        bk7231t-bulb", dialog);
        Assert.Contains("▶[1] Ports", dialog);
        tmux.SendKeys("n");
        tmux.WaitFor(s => !s.Contains("┌─ Restore RF calibration") && s.Contains("cancelled"), "the dialog answered no");

        tmux.SendKeys("3");
        tmux.WaitFor("▶[3] Archive");
        tmux.SendKeys("F");
        tmux.WaitFor("F: Restore RF calibration in [1] Ports, [2] Queue — not in [3] Archive");

        tmux.SendKeys("q");
        tmux.WaitFor("DEMO-EXIT=0");
    }
}
