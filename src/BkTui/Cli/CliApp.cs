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
        var parse = root.Parse(args);
        return await parse.InvokeAsync();
    }
}
