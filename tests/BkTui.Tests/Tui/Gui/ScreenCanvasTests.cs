using BkTui.Tui;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes;
using BkTui.Tui.Render;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui.Gui;

/// <summary>
/// The canvas writes single-width rows straight into the driver's buffer and hands rows with wide
/// glyphs to Terminal.Gui: a row that goes from one to the other must show no stale half.
/// </summary>
public sealed class ScreenCanvasTests
{
    private static TuiApp App(int w, int h) =>
        new(new TuiOptions { Color = ColorMode.Ansi16, Clock = () => TuiHarness.Clock, Panes = PaneCatalog.Workstation() }, w, h);

    private static string MessageRow(GuiScreen screen) => screen.Text().Split('\n')[^3];

    [Fact]
    public void AMessageWithWideGlyphs_ThenAPlainOne_ShowsOnlyThePlainOne()
    {
        using var screen = new GuiScreen(App(80, 24));
        screen.Workstation.Apply(new ShowFlash("設定 saved to 装置"));
        Assert.Contains("設定 saved to 装置", screen.Text());
        screen.Workstation.Apply(new ShowFlash("plain words here"));
        var text = screen.Text();
        Assert.Contains("plain words here", text);
        Assert.DoesNotContain("設", text);
        Assert.DoesNotContain("装", text);
        screen.Workstation.Apply(new ShowFlash("設定 again"));
        Assert.Contains("設定 again", screen.Text());
    }

    [Fact]
    public void OnlyTheChangedMessageCellsAreSent()
    {
        using var screen = new GuiScreen(App(80, 24));
        screen.Workstation.Apply(new ShowFlash("backup of ttyUSB0 at 0x011000"));
        screen.Text();
        screen.Workstation.Apply(new ShowFlash("backup of ttyUSB0 at 0x012000"));
        screen.Text();
        var sent = screen.Gui.Driver!.GetOutput().GetLastOutput();
        Assert.Contains("2", sent);
        Assert.DoesNotContain("backup", sent);
    }
}
