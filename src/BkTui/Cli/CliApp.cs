using System.CommandLine;

namespace BkTui.Cli;

/// <summary>Builds the verb tree. Each verb lives in its own file and exposes <c>static Command Create()</c>.</summary>
public static class CliApp
{
    /// <summary>The root with every verb, or only those <paramref name="verbs"/> accepts (a run needs just the one it invokes).</summary>
    public static RootCommand BuildRoot(Func<string, bool>? verbs = null)
    {
        var root = new RootCommand("BkTui — back up, analyse and flash Beken BK72xx chips.");
        foreach (var (name, create) in CliVerbs.All)
            if (verbs is null || verbs(name)) root.Subcommands.Add(create());
        return root;
    }

    /// <summary>
    /// The verbs a command line needs: the one it names; none for --version; all otherwise (help and
    /// typos, so the verb list and suggestions stay complete).
    /// </summary>
    internal static Func<string, bool>? VerbsFor(string[] args) => args switch
    {
        ["--version"] => _ => false,
        [var first, ..] when CliVerbs.All.Any(v => v.Name == first) => name => name == first,
        _ => null,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        TerminalGuiWarmUp.StartIfTuiAhead(args);
        KeypadModeReset.Install();
        var root = BuildRoot(VerbsFor(args));
        if (args.Length == 0)
        {
            // No verb: the TUI on a terminal; otherwise the help, and exit 2 (nothing was asked).
            if (Tui.TuiLauncher.CanRun) return await TuiCommand.RunAsync(new Tui.TuiOptions { Color = Tui.Render.ColorModes.Detect() }, default);
            root.Parse(["--help"]).Invoke();
            return ExitCodes.Usage;
        }
        if (UnknownVerb.Message(args) is { } unknown)
        {
            Console.Error.WriteLine(unknown);
            return ExitCodes.Usage;
        }
        var parse = root.Parse(args);
        var code = await parse.InvokeAsync();
        // System.CommandLine reports its own parse errors with 1; the README promises 2 for a bad command line.
        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
