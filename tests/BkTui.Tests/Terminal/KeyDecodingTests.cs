using BkTui.Terminal.Input;

namespace BkTui.Tests.Terminal;

public class KeyDecodingTests
{
    public static TheoryData<ConsoleKeyInfo, string> Table => new()
    {
        { new('\0', ConsoleKey.UpArrow, false, false, false), "Up" },
        { new('\0', ConsoleKey.DownArrow, false, false, false), "Down" },
        { new('\0', ConsoleKey.LeftArrow, false, false, true), "Ctrl+Left" },
        { new('\0', ConsoleKey.RightArrow, true, false, false), "Shift+Right" },
        { new('\0', ConsoleKey.UpArrow, false, true, false), "Alt+Up" },
        { new('\0', ConsoleKey.PageUp, false, false, false), "PgUp" },
        { new('\0', ConsoleKey.PageDown, false, false, false), "PgDn" },
        { new('\0', ConsoleKey.Home, false, false, false), "Home" },
        { new('\0', ConsoleKey.End, false, false, false), "End" },
        { new('\0', ConsoleKey.Insert, false, false, false), "Ins" },
        { new('\0', ConsoleKey.Delete, false, false, false), "Del" },
        { new('\t', ConsoleKey.Tab, false, false, false), "Tab" },
        { new('\t', ConsoleKey.Tab, true, false, false), "Shift+Tab" },
        { new('\0', ConsoleKey.F1, false, false, false), "F1" },
        { new('\0', ConsoleKey.F5, false, false, true), "Ctrl+F5" },
        { new('\0', ConsoleKey.F12, false, false, false), "F12" },
        { new('\u001b', ConsoleKey.Escape, false, false, false), "Esc" },
        { new('\r', ConsoleKey.Enter, false, false, false), "Enter" },
        { new('\r', ConsoleKey.Enter, false, true, false), "Alt+Enter" },
        { new('\u007f', ConsoleKey.Backspace, false, false, false), "Backspace" },
        { new('q', ConsoleKey.Q, false, false, false), "q" },
        { new('Q', ConsoleKey.Q, true, false, false), "Q" },
        { new('x', ConsoleKey.X, false, true, false), "Alt+x" },
        { new('1', ConsoleKey.D1, false, true, false), "Alt+1" },
        { new('\u0003', ConsoleKey.C, false, false, true), "Ctrl+C" },
        { new('\u001a', ConsoleKey.Z, false, false, true), "Ctrl+Z" },
        { new('\u000c', ConsoleKey.L, false, false, true), "Ctrl+L" },
        { new('\0', ConsoleKey.D4, false, false, true), "Ctrl+\\" },
        { new(' ', ConsoleKey.Spacebar, false, false, false), "Space" },
        { new('?', ConsoleKey.Oem2, true, false, false), "?" },
        { new('/', ConsoleKey.Oem2, false, false, false), "/" },
        { new(':', ConsoleKey.Oem1, true, false, false), ":" },
        { new('é', ConsoleKey.NoName, false, false, false), "é" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decode_MapsConsoleKeyToKey(ConsoleKeyInfo info, string expected) =>
        Assert.Equal(expected, KeyDecoder.Decode(info).ToString());

    [Fact]
    public void Read_LoneEscThenTimeout_IsEsc()
    {
        var script = new ScriptedInputSource().Press(ConsoleKey.Escape, '\u001b').Pause().Type("a");
        var reader = new KeyReader(script);
        Assert.Equal(Key.Of(KeyCode.Escape), reader.Read(default));
        Assert.Equal(Key.Ch('a'), reader.Read(default));
    }

    [Fact]
    public void Read_EscFollowedByKeyWithinTimeout_IsAltKey()
    {
        var script = new ScriptedInputSource().Press(ConsoleKey.Escape, '\u001b').Type("x");
        Assert.Equal(Key.Alt('x'), new KeyReader(script).Read(default));
    }

    [Fact]
    public void Read_EscEsc_IsTwoEscapes()
    {
        var script = new ScriptedInputSource().Press(ConsoleKey.Escape, '\u001b').Press(ConsoleKey.Escape, '\u001b').Pause();
        var reader = new KeyReader(script);
        Assert.Equal(Key.Of(KeyCode.Escape), reader.Read(default));
        Assert.Equal(Key.Of(KeyCode.Escape), reader.Read(default));
    }

    [Fact]
    public void Read_EndOfInput_Throws() =>
        Assert.Throws<EndOfStreamException>(() => new KeyReader(new ScriptedInputSource()).Read(default));
}
