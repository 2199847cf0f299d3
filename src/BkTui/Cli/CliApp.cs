using System.CommandLine;

namespace BkTui.Cli;

/// <summary>Builds the verb tree. Each verb lives in its own file and exposes <c>static Command Create()</c>.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("BkTui — back up, analyse and flash Beken BK72xx chips.");
        foreach (var verb in CliVerbs.All())
            root.Subcommands.Add(verb);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        if (args.Length == 0)
        {
            // No verb: the TUI on a terminal; otherwise the help, and exit 2 (nothing was asked).
            if (Tui.TuiLauncher.CanRun) return await TuiCommand.RunAsync(new Tui.TuiOptions { Color = Terminal.Rendering.ColorModes.Detect() }, default);
            root.Parse(["--help"]).Invoke();
            return ExitCodes.Usage;
        }
        var parse = root.Parse(args);
        return await parse.InvokeAsync();
    }
}
