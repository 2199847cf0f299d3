using System.Globalization;

namespace BkTui.Core.Serial;

/// <summary>A process that holds a port, and how we know.</summary>
public sealed record PortHolder(int Pid, string? ProcessName, string Evidence);

/// <summary>
/// Finds who holds a port WITHOUT opening it (opening can toggle DTR and reset a board):
/// flock entries in /proc/locks matched by device+inode, then open fds under /proc/*/fd (complete
/// only for root or the same user), then UUCP lock files (minicom, older tools).
/// One snapshot reads /proc once, so the scanner can ask for many ports cheaply.
/// </summary>
public sealed class PortHolders
{
    private static readonly string[] LockDirs = ["/var/lock", "/run/lock", "/var/spool/uucp"];

    private readonly string _procRoot;
    private readonly IReadOnlyList<(uint Major, uint Minor, ulong Inode, int Pid)> _locks;
    private readonly Lazy<Dictionary<string, List<int>>> _openFds;

    private PortHolders(string procRoot)
    {
        _procRoot = procRoot;
        _locks = ParseLocks(ReadOrEmpty(Path.Combine(procRoot, "locks")));
        _openFds = new Lazy<Dictionary<string, List<int>>>(ReadOpenFds);
    }

    public static PortHolders Snapshot(string procRoot = "/proc") => new(procRoot);

    /// <summary>
    /// Ports as this process should show them (<see cref="Describe"/>), from one snapshot that
    /// <paramref name="list"/> may use too (the sysfs scan takes it for its own holder check).
    /// </summary>
    public static IReadOnlyList<PortInfo> Shown(Func<PortHolders, IEnumerable<PortInfo>> list)
    {
        var holders = Snapshot();
        return list(holders).Select(holders.Describe).ToList();
    }

    /// <summary>Convenience: one fresh snapshot, one port.</summary>
    public static PortHolder? Find(string devicePath) => Snapshot().HolderOf(devicePath);

    public PortHolder? HolderOf(string devicePath)
    {
        string real = Native.ResolvePath(devicePath) ?? devicePath;
        if (Native.DeviceAndInode(real) is { } id)
        {
            foreach (var l in _locks)
                if (l.Major == id.Major && l.Minor == id.Minor && l.Inode == id.Inode && Alive(l.Pid))
                    return new PortHolder(l.Pid, NameOf(l.Pid), "flock");
        }
        if (Eldest(OpenedBy(real).ToList()) is var pid and > 0)
            return new PortHolder(pid, NameOf(pid), "open file");
        if (UucpLockOwner(Path.GetFileName(real)) is { } lockPid && Alive(lockPid))
            return new PortHolder(lockPid, NameOf(lockPid), "UUCP lock file");
        return null;
    }

    /// <summary>
    /// The port as this process should show it: busy when another program locks or opens it, never
    /// because of our own lock (a running job says that itself).
    /// </summary>
    public PortInfo Describe(PortInfo port)
    {
        var holder = HolderOf(port.Path) is { } h && h.Pid != Environment.ProcessId ? h : OtherOpener(port.Path);
        return holder is null ? port with { Busy = false, HolderPid = null, HolderName = null }
            : port with { Busy = true, HolderPid = holder.Pid, HolderName = holder.ProcessName };
    }

    /// <summary>
    /// Another process that has the port open right now (no lock needed: a serial monitor or `cat`
    /// reading it takes bytes meant for us). This process does not count.
    /// </summary>
    public PortHolder? OtherOpener(string devicePath)
    {
        var real = Native.ResolvePath(devicePath) ?? devicePath;
        int self = Environment.ProcessId;
        // A child of ours holds our descriptors only between fork and exec (they are close-on-exec).
        var others = OpenedBy(real).Where(p => p != self && ParentOf(p) != self && Alive(p)).ToList();
        int pid = Eldest(others);
        return pid > 0 ? new PortHolder(pid, NameOf(pid), "open file") : null;
    }

    /// <summary>
    /// The opener whose parent is not an opener too: a program that forks (a shell, a monitor, us
    /// starting a helper) shares its descriptors with the child, and the port is the parent's. /proc
    /// lists pids in order, but pids wrap (pid_max is 32768 on many systems), so order proves nothing.
    /// </summary>
    private int Eldest(List<int> pids) =>
        pids.Count <= 1 ? pids.FirstOrDefault() : pids.FirstOrDefault(p => !pids.Contains(ParentOf(p)), pids[0]);

    /// <summary>The parent pid from /proc/PID/stat ("pid (comm) state ppid …"; comm may hold spaces and parentheses).</summary>
    private int ParentOf(int pid)
    {
        var stat = ReadOrEmpty(Path.Combine(_procRoot, pid.ToString(CultureInfo.InvariantCulture), "stat"));
        int close = stat.LastIndexOf(')');
        if (close < 0) return 0;
        var f = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return f.Length > 1 && int.TryParse(f[1], out int ppid) ? ppid : 0;
    }

    private IEnumerable<int> OpenedBy(string realPath) => _openFds.Value.TryGetValue(realPath, out var pids) ? pids : [];

    /// <summary>Parses /proc/locks lines: "1: FLOCK  ADVISORY  WRITE 1234 00:05:567 0 EOF" (device numbers in hex).</summary>
    internal static List<(uint Major, uint Minor, ulong Inode, int Pid)> ParseLocks(string text)
    {
        var result = new List<(uint, uint, ulong, int)>();
        foreach (var line in text.Split('\n'))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Blocked waiters are printed as "1: -> FLOCK ..." and hold nothing.
            if (f.Length < 6 || f[1] == "->") continue;
            var id = f[5].Split(':');
            if (id.Length != 3) continue;
            if (int.TryParse(f[4], out int pid)
                && uint.TryParse(id[0], NumberStyles.HexNumber, null, out uint major)
                && uint.TryParse(id[1], NumberStyles.HexNumber, null, out uint minor)
                && ulong.TryParse(id[2], out ulong inode))
                result.Add((major, minor, inode, pid));
        }
        return result;
    }

    /// <summary>Parses a UUCP lock file: the pid as ASCII (10 chars, HDB style) or a 4-byte binary int (old style).</summary>
    internal static int? ParseUucpLock(byte[] content)
    {
        var text = System.Text.Encoding.ASCII.GetString(content).Trim();
        if (int.TryParse(text, out int pid) && pid > 0) return pid;
        bool looksLikeText = Array.TrueForAll(content, b => b is (>= 0x20 and < 0x7f) or (byte)'\n');
        if (content.Length == 4 && !looksLikeText)
        {
            int binary = BitConverter.ToInt32(content);
            if (binary > 0) return binary;
        }
        return null;
    }

    private Dictionary<string, List<int>> ReadOpenFds()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        IEnumerable<string> procs;
        try { procs = Directory.EnumerateDirectories(_procRoot); }
        catch (IOException) { return map; }
        catch (UnauthorizedAccessException) { return map; }
        foreach (var dir in procs)
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                {
                    // readlink is right here: /proc fd links hold absolute paths.
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is null || !target.StartsWith('/')) continue; // skips socket:[..], pipe:[..], anon_inode:..
                    if (!map.TryGetValue(target, out var pids)) map[target] = pids = [];
                    if (!pids.Contains(pid)) pids.Add(pid);
                }
            }
            catch (IOException) { } // process exited meanwhile
            catch (UnauthorizedAccessException) { } // another user's process: only /proc/locks can tell
        }
        return map;
    }

    private static int? UucpLockOwner(string ttyName)
    {
        foreach (var dir in LockDirs)
        {
            try
            {
                var file = Path.Combine(dir, "LCK.." + ttyName);
                if (!File.Exists(file)) continue;
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length <= 64 && ParseUucpLock(bytes) is { } pid) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }

    private bool Alive(int pid) => Directory.Exists(Path.Combine(_procRoot, pid.ToString(CultureInfo.InvariantCulture)));

    private string? NameOf(int pid)
    {
        var comm = ReadOrEmpty(Path.Combine(_procRoot, pid.ToString(CultureInfo.InvariantCulture), "comm")).Trim();
        return comm.Length == 0 ? null : comm;
    }

    private static string ReadOrEmpty(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
