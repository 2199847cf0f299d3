using BkTui.Tui.State;

namespace BkTui.Tui.Files;

/// <summary>
/// Reads one directory for the picker and posts <see cref="PickerListed"/>. It runs before returning
/// (a directory listing is quick), so the picker never shows a half-read state. <see cref="Tries"/>
/// are paths in order of preference (what the prompt holds, the last answer, the working directory):
/// the first that exists — a folder, or a file's folder with the file selected — is listed.
/// </summary>
public sealed record ListDirectoryEffect(IReadOnlyList<string> Tries, string? Select = null) : Effect
{
    public override Task RunAsync(EffectContext context)
    {
        context.Post(List());
        return Task.CompletedTask;
    }

    public PickerListed List()
    {
        var (directory, select) = Resolve();
        try
        {
            var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos()
                .Select(i => new FileEntry(i.Name, i is DirectoryInfo || IsDirectoryLink(i), i is FileInfo f ? SafeLength(f) : 0));
            return new PickerListed(directory, FirmwareFiles.Sorted(entries), null, select);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new PickerListed(directory, [], $"cannot read {directory}: {e.Message}", null);
        }
    }

    private (string Directory, string? Select) Resolve()
    {
        foreach (var raw in Tries.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var path = PathText.Expand(raw.Trim());
            if (Directory.Exists(path)) return (PathText.WithSlash(Path.GetFullPath(path)), Select);
            if (File.Exists(path)) return (PathText.WithSlash(Path.GetDirectoryName(Path.GetFullPath(path))!), Path.GetFileName(path));
            // A path being typed: the nearest folder that exists.
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            while (parent is not null && !Directory.Exists(parent)) parent = Path.GetDirectoryName(parent);
            if (parent is not null && raw.Contains('/')) return (PathText.WithSlash(parent), null);
        }
        return (PathText.WithSlash(Directory.GetCurrentDirectory()), Select);
    }

    private static bool IsDirectoryLink(FileSystemInfo info) => info.LinkTarget is not null && Directory.Exists(info.FullName);

    private static long SafeLength(FileInfo f)
    {
        try { return f.Length; }
        catch (IOException) { return 0; }
    }
}
