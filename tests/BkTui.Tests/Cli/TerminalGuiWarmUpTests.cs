using BkTui.Cli;

namespace BkTui.Tests.Cli;

/// <summary>Terminal.Gui's settings start early only for command lines that open the TUI (elsewhere the thread would be wasted).</summary>
public class TerminalGuiWarmUpTests
{
    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "tui" }, true)]
    [InlineData(new[] { "tui", "--hex", "dump.bin", "--archive", "a" }, true)]
    [InlineData(new[] { "demo" }, true)]
    [InlineData(new[] { "demo", "--help" }, false)]
    [InlineData(new[] { "tui", "-h" }, false)]
    [InlineData(new[] { "analyze", "dump.bin" }, false)]
    [InlineData(new[] { "--version" }, false)]
    [InlineData(new[] { "dumps", "list" }, false)]
    public void Only_a_command_line_that_opens_the_tui_starts_them(string[] args, bool opens) =>
        Assert.Equal(opens, TerminalGuiWarmUp.OpensTui(args));
}
