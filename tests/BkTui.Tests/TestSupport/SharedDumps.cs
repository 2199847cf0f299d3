namespace BkTui.Tests.TestSupport;

/// <summary>Reads the real dumps in ../shared/dumps; every accessor returns null/empty when the folder is absent.</summary>
public static class SharedDumps
{
    public static byte[]? Load(string fileName)
    {
        var dir = RepoPaths.SharedDumps;
        if (dir is null) return null;
        var path = Path.Combine(dir, fileName);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>All *.bin file names (sorted), or empty when the folder is absent.</summary>
    public static IReadOnlyList<string> Names()
    {
        var dir = RepoPaths.SharedDumps;
        if (dir is null) return [];
        return Directory.GetFiles(dir, "*.bin").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
    }
}
