using BkTui.Tests.Tui;
using Xunit.Abstractions;

namespace BkTui.Tests.Cli;

/// <summary>
/// A CLI verb run in a real terminal (tmux) leaves it as it found it. .NET's console switches the
/// terminal to application cursor keys and keypad (terminfo smkx) on first use and never switches
/// back, so arrows printed ^[OA in `cat` and other programs after any bktui command.
/// </summary>
public class CliTerminalModeTests(ITestOutputHelper output)
{
    private static string Bktui => $"dotnet {Path.Combine(AppContext.BaseDirectory, "bktui.dll")}";

    [Theory]
    [InlineData("--version")]                        // stdout is the terminal
    [InlineData("--version > /dev/null")]            // stdout redirected: .NET writes its modes through stdin's terminal
    [InlineData("analyze /nonexistent.bin 2> /dev/null")] // a failing verb (exit 7)
    public void A_verb_leaves_normal_cursor_keys_and_keypad(string command)
    {
        if (!TmuxSession.Available) { output.WriteLine("tmux is not installed: not run (.ci/run installs it)"); return; }
        using var tmux = new TmuxSession(80, 24);
        tmux.SendLine($"{Bktui} {command}; printf 'VERB-%s\\n' DONE");
        tmux.WaitFor("VERB-DONE\n", 90);
        Assert.Equal("0", tmux.Format("keypad_cursor_flag"));
        Assert.Equal("0", tmux.Format("keypad_flag"));
    }
}
