using BkTui.Cli;

namespace BkTui.Tests.Cli;

/// <summary>A run builds only the verb it invokes; the name each verb is listed under is the name it parses as.</summary>
public class CliVerbsTests
{
    [Fact]
    public void EachVerbIsListedUnderItsOwnName()
    {
        foreach (var (name, create) in CliVerbs.All)
            Assert.Equal(name, create().Name);
    }

    [Fact]
    public void ACommandLineBuildsOnlyTheVerbItNames()
    {
        Assert.Equal(["analyze"], CliApp.BuildRoot(CliApp.VerbsFor(["analyze", "dump.bin"])).Subcommands.Select(c => c.Name));
        Assert.Empty(CliApp.BuildRoot(CliApp.VerbsFor(["--version"])).Subcommands);
        Assert.Equal(CliVerbs.All.Count, CliApp.BuildRoot(CliApp.VerbsFor(["--help"])).Subcommands.Count);
        Assert.Equal(CliVerbs.All.Count, CliApp.BuildRoot(CliApp.VerbsFor(["analyse"])).Subcommands.Count); // a typo still gets suggestions
    }
}

/// <summary>A first word that is no verb: one line, the nearest verb, exit 2 (not the parser's three contradicting lines and the whole help).</summary>
public class UnknownVerbTests
{
    [Fact]
    public void A_typo_names_the_verb_it_was_probably_meant_to_be()
    {
        var r = BkTui.Tests.TestSupport.BktuiProcess.Run("analyse", "x.bin");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("bktui: 'analyse' is not a verb. Did you mean `bktui analyze`? Every verb: `bktui --help`.", r.Stderr.Trim());
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_word_near_no_verb_gets_the_pointer_to_help()
    {
        var r = BkTui.Tests.TestSupport.BktuiProcess.Run("frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("bktui: 'frobnicate' is not a verb. Every verb: `bktui --help`.", r.Stderr.Trim());
        Assert.DoesNotContain("Required command", r.Stderr);
    }

    [Theory]
    [InlineData("backup", "`bktui run backup --port PORT`")]
    [InlineData("flash", "`bktui run flash --port PORT --firmware FILE`")]
    public void The_words_a_new_user_types_for_a_job_point_at_the_verbs_that_do_it(string word, string verb)
    {
        var r = BkTui.Tests.TestSupport.BktuiProcess.Run(word, "--port", "/dev/ttyUSB0");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"bktui: '{word}' is not a verb.", r.Stderr.Trim());
        Assert.Contains(verb, r.Stderr);
    }

    [Fact]
    public void A_verbs_option_typed_before_the_verb_is_said_to_go_after_it()
    {
        var r = BkTui.Tests.TestSupport.BktuiProcess.Run("--json", "ports");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'--json' goes after the verb: `bktui ports --json`", r.Stdout);
        Assert.DoesNotContain("did you mean", r.Stdout);
    }
}
