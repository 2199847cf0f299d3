using System.Collections.Immutable;
using BkTui.Tui.State;

namespace BkTui.Tui.Files;

/// <summary>What Tab found for a path being typed (<see cref="ForText"/>: the text it was asked for).</summary>
public sealed record PromptPathCompleted(string ForText, ImmutableArray<string> Found) : AppAction;

/// <summary>
/// Tab in a path prompt: the entries of the typed path's folder that start with its last part, as
/// the text would read with each (folders end with '/'). Dot-files only when the part starts with a
/// dot. Runs before returning, like <see cref="ListDirectoryEffect"/>.
/// </summary>
public sealed record CompletePathEffect(string Text) : Effect
{
    public const int Limit = 200;

    /// <summary>How much of <see cref="Text"/> comes before the path (a command line's verb: "open ").</summary>
    public int PathStart { get; init; }

    public override Task RunAsync(EffectContext context)
    {
        var before = Text[..PathStart];
        context.Post(new PromptPathCompleted(Text, [.. Find(Text[PathStart..]).Select(f => before + f)]));
        return Task.CompletedTask;
    }

    public static ImmutableArray<string> Find(string text)
    {
        int slash = text.LastIndexOf('/');
        var folderText = slash < 0 ? "" : text[..(slash + 1)];
        var part = text[(slash + 1)..];
        var folder = folderText.Length == 0 ? "." : PathText.Expand(folderText);
        try
        {
            if (!Directory.Exists(folder)) return [];
            return [.. new DirectoryInfo(folder).EnumerateFileSystemInfos()
                .Where(i => i.Name.StartsWith(part, StringComparison.Ordinal) && (part.StartsWith('.') || !i.Name.StartsWith('.')))
                .Select(i => folderText + i.Name + (Directory.Exists(i.FullName) ? "/" : ""))
                .Order(StringComparer.Ordinal)
                .Take(Limit)];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }
}
