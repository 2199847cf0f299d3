using Serilog;
using Serilog.Core;
using BkTui.Core.Archive;
using BkTui.Core.Flashing;

namespace BkTui.Core.Logging;

/// <summary>
/// One log file per CLI run or job: <c>&lt;archive&gt;/logs/&lt;utc-stamp&gt;-&lt;name&gt;.log</c>, or under
/// <c>$XDG_STATE_HOME/bktui/logs</c> (else the temp dir) when there is no archive. Also an
/// <see cref="IFlashObserver"/> so a session can log straight into it.
/// </summary>
public sealed class RunLog : IFlashObserver, IDisposable
{
    private readonly Logger _logger;

    public string FilePath { get; }

    private RunLog(string path)
    {
        FilePath = path;
        _logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.File(path, outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
    }

    /// <summary>Creates the log file for a run named <paramref name="name"/> (verb, or job id).</summary>
    /// <param name="archiveRoot">Archive root; logs go to its <c>logs/</c> folder. Null: the per-user state dir.</param>
    public static RunLog Start(string name, string? archiveRoot = null)
    {
        var dir = LogDirectory(archiveRoot);
        // Logs name ports, MACs and devices: private, as the archive is (docs/archive.md: folders 0700, files 0600).
        DurableFile.EnsurePrivateDirectory(dir); // also tightens a folder an older version made 0755
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
        var path = Path.Combine(dir, $"{stamp}-{safe}.log");
        for (var n = 2; File.Exists(path); n++) path = Path.Combine(dir, $"{stamp}-{safe}-{n}.log");
        // Created here with 0600; the sink then appends to it.
        try { new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OperatingSystem.IsWindows() ? null : DurableFile.PrivateFile }).Dispose(); }
        catch (IOException) { } // taken meanwhile: the sink opens it as it is
        return new RunLog(path);
    }

    public static string LogDirectory(string? archiveRoot)
    {
        if (!string.IsNullOrEmpty(archiveRoot)) return Path.Combine(archiveRoot, "logs");
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            state = string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".local", "state");
        }
        return Path.Combine(state, "bktui", "logs");
    }

    public void Info(string message) => _logger.Information("{Line}", message);
    public void Warn(string message) => _logger.Warning("{Line}", message);
    public void Error(Exception e, string message) => _logger.Error(e, "{Line}", message);

    void IFlashObserver.Log(string line) => _logger.Debug("{Line}", line);
    void IFlashObserver.NeedsAttention(string message) => _logger.Warning("{Line}", message);

    void IFlashObserver.Progress(FlashProgress p)
    {
        // Only phase boundaries: a line per sector would drown the file.
        if (p.Done == 0 || p.Done == p.Total)
            _logger.Information("{Phase} {Done}/{Total} bytes, retries {Retries}", p.Phase, p.Done, p.Total, p.Retries);
    }

    public void Dispose() => _logger.Dispose();
}
