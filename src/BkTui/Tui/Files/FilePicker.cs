using System.Collections.Immutable;
using BkTui.Tui.State;

namespace BkTui.Tui.Files;

/// <summary>A directory entry as the picker shows it ("..", folders, files with their size).</summary>
public sealed record FileEntry(string Name, bool IsDirectory, long Size)
{
    public const string Parent = "..";
    public bool IsParent => Name == Parent;
}

/// <summary>
/// The file picker over a path prompt: one directory listed (folders first), only firmware-looking
/// files unless <see cref="ShowAll"/>. Choosing a file submits it as the prompt's answer; Esc gives
/// the prompt back as it was (<see cref="Return"/>).
/// </summary>
public sealed record FilePickerOverlay(PromptOverlay Return) : Overlay
{
    /// <summary>The listed directory (empty until the first listing arrives).</summary>
    public string Directory { get; init; } = "";
    /// <summary>Everything in the directory, folders first, each group by name.</summary>
    public ImmutableArray<FileEntry> Entries { get; init; } = [];
    public bool ShowAll { get; init; }
    /// <summary>Index into <see cref="Shown"/>.</summary>
    public int Selected { get; init; }
    /// <summary>Why the directory could not be read (shown in the picker).</summary>
    public string? Error { get; init; }

    /// <summary>What the list shows: "..", folders, and the files the filter lets through.</summary>
    public ImmutableArray<FileEntry> Shown { get; init; } = [];

    /// <summary>Files in the directory the filter hides.</summary>
    public int Hidden => Entries.Count(e => !e.IsDirectory) - Shown.Count(e => !e.IsDirectory);

    public FileEntry? Current => Shown.IsEmpty ? null : Shown[Math.Clamp(Selected, 0, Shown.Length - 1)];

    /// <summary>Recomputes <see cref="Shown"/> after a listing or a change of filter, keeping the entry named <paramref name="select"/> selected.</summary>
    public FilePickerOverlay Filtered(string? select)
    {
        var shown = FirmwareFiles.Filter(Directory, Entries, ShowAll);
        int index = select is null ? -1 : shown.FindIndex(e => e.Name == select);
        if (index < 0) index = shown.Length > 1 && shown[0].IsParent ? 1 : 0;
        return this with { Shown = shown, Selected = index };
    }
}

public static class ImmutableArrayFind
{
    public static int FindIndex<T>(this ImmutableArray<T> items, Func<T, bool> match)
    {
        for (int i = 0; i < items.Length; i++) if (match(items[i])) return i;
        return -1;
    }
}

/// <summary>Opens the picker from a path prompt (Ctrl-O).</summary>
public sealed record OpenFilePicker : AppAction;
/// <summary>Moves the selection (±large: first/last).</summary>
public sealed record PickerMove(int Delta) : AppAction;
/// <summary>Enter: into the selected folder, or the selected file as the answer.</summary>
public sealed record PickerOpen : AppAction;
/// <summary>To the parent directory (its folder stays selected).</summary>
public sealed record PickerUp : AppAction;
/// <summary>Firmware files only ↔ every file.</summary>
public sealed record PickerToggleAll : AppAction;
/// <summary>To the user's home directory.</summary>
public sealed record PickerHome : AppAction;
/// <summary>Back to the prompt as it was.</summary>
public sealed record PickerCancel : AppAction;
/// <summary>A directory was read (by <see cref="ListDirectoryEffect"/>).</summary>
public sealed record PickerListed(string Directory, ImmutableArray<FileEntry> Entries, string? Error, string? Select) : AppAction;
