using BkTui.Cli;

namespace BkTui.Tui.Commands;

/// <summary>
/// The archive this workstation session uses (the demo's, or the one `bktui tui` opened). A ':' verb
/// that takes --archive gets it unless the line names another, so `:dumps list` in the demo lists
/// the demo's dumps instead of opening (and creating) the default archive.
/// </summary>
public sealed record SessionArchive(string Root)
{
    public string[] Apply(string[] args)
    {
        if (args.Any(a => a == "--archive" || a.StartsWith("--archive=", StringComparison.Ordinal))) return args;
        var command = CliApp.BuildRoot().Parse(args).CommandResult.Command;
        bool takesArchive = command.Options.Any(o => o.Name == "--archive" || o.Aliases.Contains("--archive"));
        return takesArchive ? [.. args, "--archive", Root] : args;
    }
}
