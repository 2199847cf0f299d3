using System.Text;
using BkTui.Terminal.Rendering;
using BkTui.Terminal.Screen;
using Spectre.Console;

namespace BkTui.Tests.Terminal;

public class ScreenBufferDiffTests
{
    private const string Begin = "\u001b[?2026h";
    private const string End = "\u001b[?2026l";

    private static ScreenBuffer Settled(int w = 10, int h = 3, ColorMode mode = ColorMode.Ansi16)
    {
        var b = new ScreenBuffer(w, h, new StyleTable(mode));
        b.EncodeDiff(); // first frame: full repaint
        return b;
    }

    private static string Diff(ScreenBuffer b) => Encoding.UTF8.GetString(b.EncodeDiff().Span);

    [Fact]
    public void EncodeDiff_FirstFrame_ClearsAndPaintsEveryCell()
    {
        var b = new ScreenBuffer(3, 2, new StyleTable(ColorMode.Ansi16));
        b.Put(0, 0, "ab", 0);
        Assert.Equal(Begin + "\u001b[0m\u001b[2J\u001b[1;1H\u001b[0mab \u001b[2;1H   " + End, Diff(b));
    }

    [Fact]
    public void EncodeDiff_NothingChanged_ZeroBytes()
    {
        var b = Settled();
        b.Put(0, 0, "same", 0);
        b.EncodeDiff();
        b.Clear();
        b.Put(0, 0, "same", 0);
        Assert.Equal(0, b.EncodeDiff().Length);
        Assert.Equal(0, b.Flush(new MemoryStream()));
    }

    [Fact]
    public void EncodeDiff_OneCell_PositionsWithCupAndSendsOnlyThatCell()
    {
        var b = Settled();
        b.Put(4, 2, "X", 0);
        Assert.Equal(Begin + "\u001b[3;5H\u001b[0mX" + End, Diff(b));
    }

    [Fact]
    public void EncodeDiff_SmallGap_ReemitsUnchangedCellsInsteadOfMoving()
    {
        var b = Settled();
        b.Put(0, 0, "abcdef", 0);
        b.EncodeDiff();
        b.Put(1, 0, "B", 0);
        b.Put(4, 0, "E", 0);
        Assert.Equal(Begin + "\u001b[1;2H\u001b[0mBcdE" + End, Diff(b));
    }

    [Fact]
    public void EncodeDiff_LargeGap_MovesTheCursor()
    {
        var b = Settled();
        b.Put(0, 0, "A", 0);
        b.Put(9, 0, "Z", 0);
        Assert.Equal(Begin + "\u001b[1;1H\u001b[0mA\u001b[1;10HZ" + End, Diff(b));
    }

    [Fact]
    public void EncodeDiff_SgrOnlyWhenStyleChanges_AndResetAtEnd()
    {
        var b = Settled();
        int red = b.Styles.Id(new Style(Color.Red));
        b.Put(0, 1, "rr", red);
        b.Put(2, 1, "n", 0);
        b.Put(3, 1, "r", red);
        Assert.Equal(Begin + "\u001b[2;1H\u001b[0;91mrr\u001b[0mn\u001b[0;91mr\u001b[0m" + End, Diff(b));
    }

    [Fact]
    public void EncodeDiff_AfterWideCluster_ResyncsCursor()
    {
        var b = Settled();
        b.Put(0, 0, "日a", 0);
        Assert.Equal(Begin + "\u001b[1;1H\u001b[0m日\u001b[1;3Ha" + End, Diff(b));
    }

    [Fact]
    public void Invalidate_RepaintsEverythingAgain()
    {
        var b = Settled(4, 1);
        b.Invalidate();
        Assert.Equal(Begin + "\u001b[0m\u001b[2J\u001b[1;1H\u001b[0m    " + End, Diff(b));
    }

    [Fact]
    public void Put_ControlCharacters_NeverReachTheTerminal()
    {
        var b = Settled(12, 1);
        b.Put(0, 0, "a\u001b[2Jb\u0007c\u009bd\u007f", 0);
        Assert.Equal("a [2Jb c d  ", b.RowText(0));
        Assert.DoesNotContain("\u001b[2J", Diff(b).Replace(Begin, "").Replace(End, ""));
    }

    [Fact]
    public void Put_ClipsAtRightEdge_AndWideGlyphThatDoesNotFitBecomesBlank()
    {
        var b = Settled(5, 1);
        int end = b.Put(0, 0, "abc日", 0, clipRight: 4);
        Assert.Equal(4, end);
        Assert.Equal("abc  ", b.RowText(0));
    }

    [Fact]
    public void Put_OverHalfOfAWideGlyph_BlanksTheOtherHalf()
    {
        var b = Settled(4, 1);
        b.Put(0, 0, "日本", 0);
        b.Put(1, 0, "x", 0);
        Assert.Equal(" x本", b.RowText(0));
        b.Put(2, 0, "y", 0);
        Assert.Equal(" xy ", b.RowText(0));
    }

    [Fact]
    public void Resize_ForcesFullRepaintAtNewSize()
    {
        var b = Settled(4, 1);
        b.Resize(2, 2);
        Assert.StartsWith(Begin + "\u001b[0m\u001b[2J", Diff(b));
        Assert.Equal((2, 2), (b.Width, b.Height));
    }

    [Fact]
    public void EncodeDiff_BlankBetweenColouredCells_KeepsTheColourSgr()
    {
        var b = Settled();
        int aqua = b.Styles.Id(new Style(Color.Aqua));
        int under = b.Styles.Id(new Style(decoration: Decoration.Underline));
        b.Put(0, 0, "ab", aqua);
        b.Put(3, 0, "cd", aqua);
        b.Put(6, 0, "x", under);
        // Default-style blanks at x=2 and x=5 are sent in the current colour (they look the same);
        // the underlined cell still gets its own SGR.
        Assert.Equal(Begin + "\u001b[1;1H\u001b[0;96mab cd \u001b[0;4mx\u001b[0m" + End, Diff(b));
        // A blank that must show (underlined) is never merged.
        b.Put(0, 0, " ", under);
        Assert.Equal(Begin + "\u001b[1;1H\u001b[0;4m \u001b[0m" + End, Diff(b));
    }
}
