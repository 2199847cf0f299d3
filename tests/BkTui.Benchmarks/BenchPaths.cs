namespace BkTui.Benchmarks;

/// <summary>Where benchmark inputs live relative to the checkout.</summary>
public static class BenchPaths
{
    /// <summary>../shared/dumps beside the checkout (or beside a worktree's parent), null when absent.</summary>
    public static string? SharedDumps()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "BkTui.sln")))
                return new[] { "..", Path.Combine("..", "..") }.Select(up => Path.GetFullPath(Path.Combine(d.FullName, up, "shared", "dumps"))).FirstOrDefault(Directory.Exists);
        return null;
    }
}
