using BkTui.Core.Logging;

namespace BkTui.Core.Jobs;

/// <summary>
/// One log file per job (the flashing layer's <see cref="RunLog"/>, under <c>&lt;root&gt;/logs/</c>),
/// opened at the job's first line so queued jobs that never run leave no empty files.
/// </summary>
internal sealed class JobLogFiles(string? root) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<long, RunLog> _open = new();

    /// <summary>Appends a line; returns the file's path (null if the file could not be created).</summary>
    public string? Write(JobSnapshot job, string line)
    {
        lock (_gate)
        {
            try
            {
                if (!_open.TryGetValue(job.Id, out var log))
                {
                    var port = Path.GetFileName(job.Port);
                    _open[job.Id] = log = RunLog.Start($"job-{job.Id}-{job.Recipe.Name()}-{port}", root);
                }
                log.Info(line);
                return log.FilePath;
            }
            catch (IOException) { return job.LogPath; } // the archive's log record still has it; never fail a flash over a log line
            catch (UnauthorizedAccessException) { return job.LogPath; }
        }
    }

    /// <summary>Flushes and closes a finished job's file.</summary>
    public void Close(long id)
    {
        lock (_gate)
            if (_open.Remove(id, out var log)) log.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var log in _open.Values) log.Dispose();
            _open.Clear();
        }
    }
}
