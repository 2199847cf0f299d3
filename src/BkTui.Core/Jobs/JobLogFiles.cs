namespace BkTui.Core.Jobs;

/// <summary>One plain-text log file per job (appended line by line, flushed, so a crash keeps everything up to it).</summary>
internal sealed class JobLogFiles(string? directory) : IDisposable
{
    private readonly object _gate = new();

    public string? PathFor(long id, JobRequest request)
    {
        if (directory is null) return null;
        var port = new string(Path.GetFileName(request.Port).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        return Path.Combine(directory, $"job-{id:D5}-{request.Recipe.Name()}-{port}.log");
    }

    public void Write(JobSnapshot job, string line)
    {
        if (job.LogPath is null) return;
        try
        {
            lock (_gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(job.LogPath)!);
                File.AppendAllText(job.LogPath, $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.fff}Z {line}{Environment.NewLine}");
            }
        }
        catch (IOException) { } // the archive's log record still has it; never fail a flash over a log line
        catch (UnauthorizedAccessException) { }
    }

    public void Dispose() { }
}
