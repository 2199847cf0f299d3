using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BkTui.Tests.Tui.Workstation;

/// <summary>
/// End to end: the built <c>bktui demo</c> in a real tmux terminal, driven by keys only — a backup is
/// queued and completes, its dump opens in the hex viewer, '?' shows help, 'q' gives the shell back.
/// Returns early (passes) when tmux is not installed (.ci/run installs it). Every wait is bounded.
/// </summary>
public sealed partial class DemoTmuxTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Backup = TimeSpan.FromSeconds(150);
    private readonly string _session = "bktui-e2e-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _archive = Directory.CreateTempSubdirectory("bktui-e2e-archive-").FullName;

    [Theory]
    [InlineData(120, 40)]
    [InlineData(80, 24)]
    public void Demo_BackupByKeys_OpensInHex_HelpThenQuit(int width, int height)
    {
        if (!TmuxAvailable()) return; // no tmux on this machine: nothing to drive (CI installs it)
        Tmux("new-session", "-d", "-s", _session, "-x", width.ToString(), "-y", height.ToString(), "bash --norc --noprofile");
        Keys("PS1='E2E-SHELL> '; clear", "Enter");
        WaitFor("the shell prompt", s => s.Contains("E2E-SHELL>"), Step);
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        Keys($"dotnet {dll} demo --archive {_archive}; echo E2E-EXIT=$?", "Enter");

        WaitFor("the workstation on the demo's ports", s => s.Contains("[1] Ports") && s.Contains("bk7231n-plug"), Step);
        var names = width >= 100 ? new[] { "Ports", "Queue", "Archive", "Hex", "Partitions", "Device", "Log" } : ["1 Ports", "2 Que", "3 Arc", "4 Hex", "5 Par", "6 Dev", "7 Log"];
        Assert.All(names, name => Assert.Contains(name, Capture().Split('\n')[0]));
        Keys("b");
        WaitFor("the backup queued", s => s.Contains("queued backup on bk7231n-plug"), Step);
        Keys("2");
        WaitFor("the backup job done", s => JobDone().IsMatch(s), Backup);

        Keys("3");
        WaitFor("the dump in the archive", s => s.Contains("#1 ") && s.Contains("port bk7231n-plug"), Step);
        Keys("Enter");
        WaitFor("the dump in the hex viewer", s => s.Contains("dump-1.bin") && s.Contains("00000000"), Step);
        // The dump's own partitions: the title names the one at the cursor, each row starts with its letter.
        WaitFor("the dump's partitions beside the bytes", s => s.Contains("bootloader+0x0") && FirstHexRow().IsMatch(s), Step);
        if (width >= 100) WaitFor("the partition map's title", s => s.Contains("[5] Partitions  dump-1.bin, 5 partitions"), Step); // drawn after the bytes, maybe in a later frame
        Keys("G");
        WaitFor("the end of the dump at once", s => s.Contains("0x001FFFFF/0x00200000") && s.Contains(" 1ffff"), Step);
        Keys("g");

        Keys("?");
        WaitFor("the help, the focused pane's keys first", s => s.Contains("Keys — Esc closes") && s.Contains("[4] Hex (focused)"), Step);
        Keys("Escape");
        WaitFor("help closed", s => !s.Contains("Keys — Esc closes"), Step);

        // SIGWINCH: the other layout (one pane and the tab strip, or the tiles), then back.
        var (otherW, otherH) = width >= 100 ? (80, 24) : (120, 40);
        Tmux("resize-window", "-t", _session, "-x", otherW.ToString(), "-y", otherH.ToString());
        WaitFor("the other layout", s => otherW >= 100 ? s.Contains("[1] Ports") && s.Contains("[5] Partitions") : !s.Contains("[5] Partitions") && s.Contains("7 Log"), Step);
        Tmux("resize-window", "-t", _session, "-x", width.ToString(), "-y", height.ToString());
        WaitFor("the first layout again", s => s.Split('\n').Length >= height && s.Contains("▶[4] Hex"), Step);

        Keys("q");
        WaitFor("the shell back after q", s => s.Contains("E2E-EXIT=0") && s.TrimEnd().EndsWith("E2E-SHELL>") && !s.Contains("[1] Ports"), Step);
    }

    /// <summary>The demo at 80×24 from a shell that echoes its exit code, a backup of the plug reading.</summary>
    private void StartDemoWithABackupRunning()
    {
        Tmux("new-session", "-d", "-s", _session, "-x", "80", "-y", "24", "bash --norc --noprofile");
        Keys("PS1='E2E-SHELL> '; clear", "Enter");
        WaitFor("the shell prompt", s => s.Contains("E2E-SHELL>"), Step);
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        Keys($"dotnet {dll} demo --archive {_archive}; echo E2E-EXIT=$?", "Enter");
        WaitFor("the workstation on the demo's ports", s => s.Contains("[1] Ports") && s.Contains("bk7231n-plug"), Step);
        Keys("b");
        Keys("2");
        WaitFor("the backup reading", s => JobRunning().IsMatch(s), Step);
    }

    /// <summary>Quitting while a job runs stops it at a safe point; the exit code says so (130), as the CLI's does (tester s9 F7).</summary>
    [Fact]
    public void Demo_QuitDuringABackup_ExitsWith130()
    {
        if (!TmuxAvailable()) return; // no tmux on this machine: nothing to drive (CI installs it)
        StartDemoWithABackupRunning();

        Keys("q");
        WaitFor("the quit question naming the running job", s => s.Contains("Quit anyway?"), Step);
        Keys("y");
        WaitFor("the shell back with exit 130", s => s.Contains("E2E-EXIT=130") && s.TrimEnd().EndsWith("E2E-SHELL>"), Backup);
    }

    /// <summary>
    /// Ctrl-Z in the middle of a backup stops the whole process (the job and the virtual chips with it)
    /// and gives the shell back; after `fg` the workstation is drawn again and the same job completes
    /// (a read that timed out across the stop is retried, not failed).
    /// </summary>
    [Fact]
    public void Demo_CtrlZDuringABackup_FgResumes_AndTheBackupCompletes()
    {
        if (!TmuxAvailable()) return; // no tmux on this machine: nothing to drive (CI installs it)
        StartDemoWithABackupRunning();

        Keys("C-z");
        WaitFor("the shell after Ctrl-Z", s => !s.Contains("q Quit") && s.TrimEnd().EndsWith("E2E-SHELL>"), Step);
        Keys("fg", "Enter");
        WaitFor("the workstation after fg", s => s.Contains("q Quit") && s.Contains("[2] Queue"), Step);
        WaitFor("the same backup job done", s => JobDone().IsMatch(s), Backup);

        // The shell ran the `echo` when the job stopped (147); fg's own status is the demo's exit code.
        Keys("q");
        WaitFor("the shell back after q", s => !s.Contains("q Quit") && s.TrimEnd().EndsWith("E2E-SHELL>"), Step);
        Keys("echo E2E-FG=$?", "Enter");
        WaitFor("the demo's exit code 0", s => s.Contains("E2E-FG=0"), Step);
    }

    /// <summary>
    /// Another program taking a port (here `flock`, as bk7231tools and ltchiptool lock it) shows as busy
    /// with no key pressed, and as free again once it lets go: the Ports pane looks again on its own.
    /// </summary>
    [Fact]
    public void Demo_APortAnotherProgramTakes_ShowsBusyThenFree_WithoutRescan()
    {
        if (!TmuxAvailable()) return; // no tmux on this machine: nothing to drive (CI installs it)
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        Tmux("new-session", "-d", "-s", _session, "-x", "120", "-y", "40", $"dotnet {dll} demo --archive {_archive}");
        WaitFor("the demo's ports folder", s => PortsFolder().IsMatch(s) && FreeBulb().IsMatch(s), Step);
        var bulb = Path.Combine(PortsFolder().Match(Capture()).Value, "bk7231t-bulb");

        using var holder = Process.Start(new ProcessStartInfo("flock", [bulb, "sleep", "120"]) { UseShellExecute = false })!;
        try
        {
            WaitFor("the bulb's port busy, held by flock", s => BusyBulb().IsMatch(s), Step);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit(10_000);
        }
        WaitFor("the bulb's port free again", s => FreeBulb().IsMatch(s), Step);
    }

    [GeneratedRegex(@"/\S*bktui-demo-[A-Za-z0-9]+/ports/")]
    private static partial Regex PortsFolder();

    [GeneratedRegex(@"bk7231t-bulb\s+busy")]
    private static partial Regex BusyBulb();

    [GeneratedRegex(@"bk7231t-bulb\s+free")]
    private static partial Regex FreeBulb();

    [GeneratedRegex(@"#1\s+bk7231n-plug\s+backup\s+RUN")]
    private static partial Regex JobRunning();

    /// <summary>The first row: partition letter, the partition's name where the tile is wide enough, the offset.</summary>
    [GeneratedRegex(@"A (▸bootloader\s+)?000000 ")]
    private static partial Regex FirstHexRow();

    [GeneratedRegex(@"#1\s+bk7231n-plug\s+backup\s+OK")]
    private static partial Regex JobDone();

    private void Keys(params string[] keys) => Tmux(["send-keys", "-t", _session, .. keys]);

    private string Capture() => Tmux("capture-pane", "-p", "-t", _session);

    private void WaitFor(string what, Func<string, bool> ready, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < limit)
        {
            screen = Capture();
            if (ready(screen)) return;
            Thread.Sleep(200);
        }
        Assert.Fail($"waited {limit.TotalSeconds:0} s for {what}; the screen was:\n{screen}");
    }

    private static bool TmuxAvailable()
    {
        try { return Run("tmux", ["-V"]).ExitCode == 0; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    /// <summary>tmux on this test's own server (its socket named after the session), never the user's.</summary>
    private string Tmux(params string[] args)
    {
        var (code, output) = Run("tmux", ["-L", _session, "-f", "/dev/null", .. args]);
        Assert.True(code == 0, $"tmux {string.Join(' ', args)} failed ({code}): {output}");
        return output;
    }

    private static (int ExitCode, string Output) Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(10_000)) { p.Kill(true); return (-1, "timed out"); }
        return (p.ExitCode, output.Result + error.Result);
    }

    public void Dispose()
    {
        try { Run("tmux", ["-L", _session, "kill-server"]); } catch (System.ComponentModel.Win32Exception) { }
        try { Directory.Delete(_archive, recursive: true); } catch (IOException) { }
    }
}
