using BkTui.Terminal.Rendering;
using Spectre.Console;

namespace BkTui.Tests.Terminal;

public class ColorModeTests
{
    [Theory]
    [InlineData(null, "xterm-256color", null, ColorMode.Ansi256)]
    [InlineData(null, "tmux-256color", null, ColorMode.Ansi256)]
    [InlineData(null, "screen", null, ColorMode.Ansi16)]
    [InlineData(null, "linux", null, ColorMode.Ansi16)]
    [InlineData(null, "xterm", null, ColorMode.Ansi16)]
    [InlineData(null, "vt100", null, ColorMode.Mono)]
    [InlineData(null, "dumb", null, ColorMode.None)]
    [InlineData(null, null, null, ColorMode.None)]
    [InlineData("1", "xterm-256color", null, ColorMode.Mono)]
    [InlineData("", "xterm-256color", null, ColorMode.Ansi256)]
    [InlineData("1", "xterm-256color", "16", ColorMode.Ansi16)]
    [InlineData(null, "xterm-256color", "none", ColorMode.None)]
    [InlineData(null, "linux", "256", ColorMode.Ansi256)]
    [InlineData(null, "linux", "mono", ColorMode.Mono)]
    [InlineData(null, "linux", "auto", ColorMode.Ansi16)]
    public void Detect_FollowsNoColorTermAndOverride(string? noColor, string? term, string? over, ColorMode expected)
    {
        var env = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term };
        Assert.Equal(expected, ColorModes.Detect(k => env.GetValueOrDefault(k), over));
    }

    [Fact]
    public void Parse_UnknownMode_Throws() => Assert.Throws<ArgumentException>(() => ColorModes.Parse("rainbow"));

    [Theory]
    [InlineData(ColorMode.None, "")]
    [InlineData(ColorMode.Mono, "\u001b[0;1;7m")]
    [InlineData(ColorMode.Ansi16, "\u001b[0;1;7;91;44m")]
    [InlineData(ColorMode.Ansi256, "\u001b[0;1;7;91;44m")]
    public void Sgr_DependsOnMode(ColorMode mode, string expected)
    {
        var table = new StyleTable(mode);
        int id = table.Id(new Style(Color.Red, Color.Navy, Decoration.Bold | Decoration.Invert));
        Assert.Equal(expected, table.Sgr(id));
    }

    [Fact]
    public void Sgr_256ColourDownsampledTo16InAnsi16()
    {
        var c256 = new StyleTable(ColorMode.Ansi256);
        var c16 = new StyleTable(ColorMode.Ansi16);
        var orange = new Style(Color.Orange1);
        Assert.Equal("\u001b[0;38;5;214m", c256.Sgr(c256.Id(orange)));
        Assert.Matches("^\u001b\\[0;(3[0-7]|9[0-7])m$", c16.Sgr(c16.Id(orange)));
    }

    [Fact]
    public void Id_SameStyleSameId_PlainIsZero()
    {
        var table = new StyleTable(ColorMode.Ansi16);
        Assert.Equal(0, table.Id(Style.Plain));
        Assert.Equal(table.Id(new Style(Color.Green)), table.Id(new Style(Color.Green)));
        Assert.Equal("\u001b[0m", table.Sgr(0));
    }
}
