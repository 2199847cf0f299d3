namespace BkTui.Tests.TestSupport;

/// <summary>The forum threads in ../shared/seeds (null when absent: tests then pass early).</summary>
public static class SharedSeeds
{
    public static string? Load(string fileName)
    {
        foreach (var up in new[] { "..", Path.Combine("..", "..") })
        {
            var p = Path.GetFullPath(Path.Combine(RepoPaths.Root, up, "shared", "seeds", fileName));
            if (File.Exists(p)) return File.ReadAllText(p);
        }
        return null;
    }
}
