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
