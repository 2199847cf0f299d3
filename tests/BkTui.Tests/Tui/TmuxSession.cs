using System.Diagnostics;

namespace BkTui.Tests.Tui;

/// <summary>
/// A private tmux server (own socket) running one shell pane of a fixed size: send keys, capture
/// the screen, wait (bounded) for text. Disposing kills only this server.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    private readonly string _socket = "bktui-e2e-" + Guid.NewGuid().ToString("N")[..8];

    public static bool Available => Which("tmux");

    /// <summary>A scratch folder for this session: the shell's HOME, and a place for archives and files.</summary>
    public string Home { get; } = Directory.CreateTempSubdirectory("bktui-e2e-").FullName;

    public TmuxSession(int width, int height)
    {
        Run("-f", "/dev/null", "new-session", "-d", "-x", width.ToString(), "-y", height.ToString(), "env", "-i",
            "PATH=" + Environment.GetEnvironmentVariable("PATH"), "HOME=" + Home, "TERM=tmux-256color",
            "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_NOLOGO=1", "PS1=$ ", "bash", "--norc", "--noprofile");
        Run("set", "-sg", "escape-time", "10");
    }

    public void SendLine(string text) => Run("send-keys", "-t", "0", "-l", text + "\n");

    /// <summary>tmux key names: "Escape", "C-z", "?"...</summary>
    public void SendKeys(params string[] keys) => Run(["send-keys", "-t", "0", .. keys]);

    /// <summary>
    /// A left click on a cell (0-based, as in <see cref="Capture"/>): the SGR mouse report a terminal
    /// sends (ESC[&lt;0;X;YM, then ESC[&lt;0;X;Ym for the release, 1-based), typed into the pane as is.
    /// Only an application that turned on mouse reporting (<see cref="MouseReporting"/>) reads it as a click.
    /// </summary>
    public void Click(int x, int y)
    {
        SendRaw($"\e[<0;{x + 1};{y + 1}M");
        SendRaw($"\e[<0;{x + 1};{y + 1}m");
    }

    /// <summary>One wheel notch over a cell (SGR buttons 64 up, 65 down).</summary>
    public void Wheel(int x, int y, bool down) => SendRaw($"\e[<{(down ? 65 : 64)};{x + 1};{y + 1}M");

    /// <summary>Whether the application asked for SGR mouse reports (tmux's pane flags).</summary>
    public bool MouseReporting => Format("mouse_sgr_flag") == "1" && (Format("mouse_any_flag") == "1" || Format("mouse_button_flag") == "1" || Format("mouse_standard_flag") == "1");

    /// <summary>Where <paramref name="text"/> starts on <paramref name="screen"/> (column, row), or a failure naming the screen.</summary>
    public static (int X, int Y) Locate(string screen, string text)
    {
        var rows = screen.Split('\n');
        int y = Array.FindIndex(rows, r => r.Contains(text, StringComparison.Ordinal));
        if (y < 0) throw new Xunit.Sdk.XunitException($"'{text}' is not on the screen:\n{screen}");
        return (rows[y].IndexOf(text, StringComparison.Ordinal), y);
    }

    private void SendRaw(string text) => Run("send-keys", "-t", "0", "-l", text);

    public void Resize(int width, int height) => Run("resize-window", "-t", "0", "-x", width.ToString(), "-y", height.ToString());

    public string Capture() => Run("capture-pane", "-t", "0", "-p");

    /// <summary>The screen with everything scrolled off it above (the pane's whole history).</summary>
    public string CaptureWithHistory() => Run("capture-pane", "-t", "0", "-p", "-S", "-");

    /// <summary>The whole history and screen with wrapped lines joined: the same text at any width the terminal reflowed it to.</summary>
    public string CaptureJoinedWithHistory() => Run("capture-pane", "-t", "0", "-p", "-J", "-S", "-");

    /// <summary>A pane variable, e.g. alternate_on, cursor_flag, pane_pid.</summary>
    public string Format(string variable) => Run("display-message", "-t", "0", "-p", "#{" + variable + "}").Trim();

    /// <summary>Waits up to <paramref name="seconds"/> for the screen to satisfy <paramref name="condition"/>; returns the last capture.</summary>
    public string WaitFor(Func<string, bool> condition, string what, int seconds = 20)
    {
        var deadline = Stopwatch.StartNew();
        string screen = "";
        while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            screen = Capture();
            if (condition(screen)) return screen;
            Thread.Sleep(100);
        }
        throw new Xunit.Sdk.XunitException($"timed out after {seconds} s waiting for {what}; screen:\n{screen}");
    }

    public string WaitFor(string text, int seconds = 20) => WaitFor(s => s.Contains(text), $"'{text}'", seconds);

    private string Run(params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_socket);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit(10_000);
        return output;
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    /// <summary>The processes the pane's shell started (children, grandchildren...), by pid.</summary>
    public IReadOnlyList<int> Descendants()
    {
        if (!int.TryParse(Format("pane_pid"), out var shell)) return [];
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { } // exited meanwhile
        }
        var found = new List<int>();
        var frontier = new Queue<int>([shell]);
        while (frontier.Count > 0)
        {
            int parent = frontier.Dequeue();
            foreach (var (pid, ppid) in parents)
                if (ppid == parent) { found.Add(pid); frontier.Enqueue(pid); }
        }
        return found;
    }

    public void Dispose() => Dispose(reapLeftovers: true);

    /// <summary>
    /// Kills the server (its shell and what runs in it get SIGHUP). With <paramref name="reapLeftovers"/>,
    /// whatever the shell started and is still running 10 s later is killed, so no test leaks a process.
    /// </summary>
    public void Dispose(bool reapLeftovers)
    {
        IReadOnlyList<int> started = [];
        try { started = Descendants(); } catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException) { }
        try { Run("kill-server"); } catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        if (reapLeftovers)
        {
            var waited = Stopwatch.StartNew();
            while (started.Any(p => Directory.Exists($"/proc/{p}")) && waited.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(100);
            foreach (var pid in started.Where(p => Directory.Exists($"/proc/{p}")))
                try { Process.GetProcessById(pid).Kill(); } catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { }
    }
}
