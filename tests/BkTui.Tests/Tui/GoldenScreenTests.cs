using BkTui.Tui.Keys;
using BkTui.Tui.Render;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;

namespace BkTui.Tests.Tui;

/// <summary>Every pane and overlay at 80×24 and 120×40, mono and 16 colours, as text + style mask.</summary>
public class GoldenScreenTests
{
    public static TheoryData<int, int, ColorMode> Sizes => new()
    {
        { 80, 24, ColorMode.Mono },
        { 80, 24, ColorMode.Ansi16 },
        { 120, 40, ColorMode.Mono },
        { 120, 40, ColorMode.Ansi16 },
    };

    private static string Name(string what, int w, int h, ColorMode mode) => $"{what}-{w}x{h}-{(mode == ColorMode.Mono ? "mono" : "16")}";

    private static TuiHarness HexWithLog(int w, int h, ColorMode mode)
    {
        var t = new TuiHarness(w, h, mode);
        t.Log("bktui started");
        t.Log("ttyUSB0: BK7231N identified, key verdict: tuya default", secondsAfter: 3);
        t.Log("ttyUSB1: no answer within 10 s — reset the device now", LogLevel.Warning, 14);
        t.Log("ttyUSB1: verify failed at 0x011000 — retrying", LogLevel.Error, 20);
        t.Open(TuiHarness.SampleImage());
        return t;
    }

    [Theory, MemberData(nameof(Sizes))]
    public void HexViewer(int w, int h, ColorMode mode)
    {
        var t = HexWithLog(w, h, mode);
        t.Do(new PromptSubmitted("hex", "search", "\"BK7231N\"")); // cursor on the match, match highlighted
        t.Press(Key.Ch('m'));                                          // bookmark there
        Golden.Verify(Name("hex", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Log(int w, int h, ColorMode mode)
    {
        var t = HexWithLog(w, h, mode);
        t.Press(Key.Ch('2'));
        Golden.Verify(Name("log", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void HelpOverlay(int w, int h, ColorMode mode)
    {
        var t = HexWithLog(w, h, mode).Press(Key.Ch('?'));
        Golden.Verify(Name("help", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void CommandLine(int w, int h, ColorMode mode)
    {
        var t = HexWithLog(w, h, mode).Press(Key.Ch(':')).Type("ab");
        Golden.Verify(Name("command", w, h, mode), t.App, t.Services);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void ConfirmDialog(int w, int h, ColorMode mode)
    {
        // A question with no stakes (the dialogs before a write: DialogGoldenTests).
        var t = HexWithLog(w, h, mode).Do(new SetJobsRunning(2)).Do(new Quit());
        Golden.Verify(Name("confirm", w, h, mode), t.App, t.Services);
    }

    [Fact]
    public void TooSmall_ShowsTheNeededSize()
    {
        var t = new TuiHarness(60, 20);
        Assert.Contains("BkTui needs 80×24 — now 60×20", t.Screen());
    }
}
