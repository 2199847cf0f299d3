using System.Collections.Immutable;

namespace BkTui.Tui.Files;

/// <summary>Which files look like firmware (the picker's default filter) and how a listing is ordered.</summary>
public static class FirmwareFiles
{
    /// <summary>Endings of images the engine writes or users carry around for these chips.</summary>
    public static readonly ImmutableArray<string> Extensions = [".bin", ".rbl", ".img", ".uf2"];

    public static string Pattern => string.Join(" ", Extensions.Select(e => "*" + e));

    public static bool LooksLikeFirmware(string name) => Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>"..", then folders, then files; dot-files and non-firmware files only when <paramref name="all"/>.</summary>
    public static ImmutableArray<FileEntry> Filter(string directory, ImmutableArray<FileEntry> entries, bool all)
    {
        var shown = ImmutableArray.CreateBuilder<FileEntry>();
        if (directory.Length > 0 && Path.GetDirectoryName(directory.TrimEnd('/')) is not null && directory != "/")
            shown.Add(new FileEntry(FileEntry.Parent, true, 0));
        foreach (var e in entries)
        {
            if (!all && e.Name.StartsWith('.')) continue;
            if (e.IsDirectory || all || LooksLikeFirmware(e.Name)) shown.Add(e);
        }
        return shown.ToImmutable();
    }

    /// <summary>Folders first, then files, each by name (ordinal, as `ls` in the C locale).</summary>
    public static ImmutableArray<FileEntry> Sorted(IEnumerable<FileEntry> entries) =>
        [.. entries.OrderBy(e => e.IsDirectory ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal)];
}
