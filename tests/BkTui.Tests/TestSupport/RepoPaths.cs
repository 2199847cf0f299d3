namespace BkTui.Tests.TestSupport;

/// <summary>Locates the checkout (folder with BkTui.sln) and the shared real dumps beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// ../shared/dumps relative to the repository root, or null when absent (tests then pass early).
    /// A git worktree one level deeper (e.g. wt/&lt;name&gt;) also finds ../../shared/dumps.
    /// </summary>
    public static string? SharedDumps
    {
        get
        {
            foreach (var up in new[] { "..", Path.Combine("..", "..") })
            {
                var p = Path.GetFullPath(Path.Combine(Root, up, "shared", "dumps"));
                if (Directory.Exists(p)) return p;
            }
            return null;
        }
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "BkTui.sln"))) return d.FullName;
        throw new InvalidOperationException("BkTui.sln not found above " + AppContext.BaseDirectory);
    }
}
