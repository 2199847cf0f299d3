using BkTui.Terminal.Rendering;
using BkTui.Terminal.Screen;
using Spectre.Console;

namespace BkTui.Tests.Terminal;

public class SpectreHostTests
{
    [Fact]
    public void Draw_PanelIntoRect_StaysInsideAndPadsTheRest()
    {
        var buffer = new ScreenBuffer(20, 6, new StyleTable(ColorMode.Ansi16));
        buffer.Fill(buffer.Bounds, 0, '.');
        var panel = new Panel(new Text("hi")) { Border = BoxBorder.Ascii, Expand = true };
        new SpectreHost().Draw(buffer, panel, new Rect(2, 1, 10, 4));

        Assert.Equal("....................", buffer.RowText(0));
        Assert.Equal("..+--------+........", buffer.RowText(1));
        Assert.Equal("..| hi     |........", buffer.RowText(2));
        Assert.Equal("..|        |........", buffer.RowText(3));
        Assert.Equal("..+--------+........", buffer.RowText(4));
        Assert.Equal("....................", buffer.RowText(5));
    }

    [Fact]
    public void Draw_WideTextInTable_BordersStayAligned()
    {
        var buffer = new ScreenBuffer(12, 4, new StyleTable(ColorMode.Mono));
        var table = new Table { Border = TableBorder.Square, ShowHeaders = false };
        table.AddColumn("k");
        table.AddRow("日本");
        table.AddRow("ab");
        new SpectreHost().Draw(buffer, table, buffer.Bounds);

        Assert.Equal("┌──────┐    ", buffer.RowText(0));
        Assert.Equal("│ 日本 │    ", buffer.RowText(1));
        Assert.Equal("│ ab   │    ", buffer.RowText(2));
        Assert.Equal("└──────┘    ", buffer.RowText(3));
    }

    [Fact]
    public void Draw_StylesAreInterned()
    {
        var buffer = new ScreenBuffer(10, 1, new StyleTable(ColorMode.Ansi16));
        new SpectreHost().Draw(buffer, new Markup("[red]ab[/]cd"), buffer.Bounds);
        Assert.Equal("abcd      ", buffer.RowText(0));
        Assert.Equal(buffer.Styles.Id(new Style(Color.Red)), buffer[0, 0].Style);
        Assert.Equal(0, buffer[2, 0].Style);
    }

    [Fact]
    public void Draw_DeviceTextWithEscapes_IsSanitised()
    {
        var buffer = new ScreenBuffer(10, 1, new StyleTable(ColorMode.Ansi16));
        new SpectreHost().Draw(buffer, new Text("a\u001b[31mb"), buffer.Bounds);
        Assert.DoesNotContain('\u001b', buffer.RowText(0));
    }
}
