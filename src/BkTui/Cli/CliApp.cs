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
        // `bktui help [VERB…]` is `bktui [VERB…] --help`, as in git and dotnet.
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var root = BuildRoot(VerbsFor(args));
        if (args.Length == 0)
        {
            // No verb: the TUI on a terminal; otherwise the help, and exit 2 (nothing was asked).
            if (Tui.TuiLauncher.CanRun) return await TuiCommand.RunAsync(new Tui.TuiOptions { Color = Tui.Render.ColorModes.Detect() }, default);
            root.Parse(["--help"]).Invoke();
            return ExitCodes.Usage;
        }
        var json = CliFailure.Wanted(args);
        if (UnknownVerb.Message(args) is { } unknown)
        {
            Console.Error.WriteLine(unknown);
            if (json) CliFailure.Write(CliFailure.Error(ExitCodes.Usage, unknown["bktui: ".Length..], next: "`bktui --help` lists the verbs"));
            return ExitCodes.Usage;
        }
        var parse = root.Parse(args);
        // The README promises 2 for a bad command line (System.CommandLine says 1), and one line, not the parser's lines and the whole help.
        if (UsageErrors.Any(parse))
        {
            var path = UsageErrors.PathOf(parse);
            var message = UsageErrors.Message(parse);
            Console.Error.WriteLine($"bktui{(path.Length == 0 ? "" : " " + path)}: {message}");
            if (json) CliFailure.Write(CliFailure.Error(ExitCodes.Usage, message, CliFailure.PortOf(parse), path.Length == 0 ? null : $"`bktui {path} --help` lists its options"));
            return ExitCodes.Usage;
        }
        return json ? await CliFailure.GuardAsync(parse, () => parse.InvokeAsync()) : await parse.InvokeAsync();
    }
}
