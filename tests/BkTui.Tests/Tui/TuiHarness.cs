using BkTui.Tui.Render;
using BkTui.Tui.Keys;
using BkTui.Tui;
using BkTui.Tui.Loop;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Log;
using BkTui.Tui.State;
using BkTui.Tui.Gui;
using BkTui.Tui.Views.Hex;

namespace BkTui.Tests.Tui;

/// <summary>Drives a <see cref="TuiApp"/> by actions (running effects inline) and reads the screen.</summary>
public sealed class TuiHarness
{
    public static readonly DateTimeOffset Clock = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    private readonly Queue<AppAction> _posted = new();

    public TuiHarness(int width = 80, int height = 24, ColorMode color = ColorMode.Ansi16, bool readOnly = false)
    {
        App = new TuiApp(new TuiOptions { Color = color, ReadOnly = readOnly, Clock = () => Clock }, width, height);
        Dumps = new DumpPanes(color, Services, _posted.Enqueue);
    }

    public TuiApp App { get; }
    /// <summary>The real hex viewer and partition map (not on a screen until <see cref="Golden"/> shows them).</summary>
    public DumpPanes Dumps { get; }
    public TuiServices Services { get; } = new();
    public HexDumpView HexView => Dumps.Hex;
    public AppState State => App.State;
    public List<Effect> Effects { get; } = new();
    public List<AppAction> Posted { get; } = new();

    /// <summary>Dispatches an action; effects are recorded and run inline (their posts are dispatched too).</summary>
    public TuiHarness Do(AppAction action)
    {
        _posted.Enqueue(action);
        var context = new EffectContext(a => { Posted.Add(a); _posted.Enqueue(a); }, Services, default);
        while (_posted.Count > 0)
        {
            foreach (var effect in App.Dispatch(_posted.Dequeue()))
            {
                Effects.Add(effect);
                if (effect is not (SuspendEffect or BkTui.Tui.Commands.RunVerbEffect)) effect.RunAsync(context).GetAwaiter().GetResult();
            }
        }
        return this;
    }

    public TuiHarness Press(params Key[] keys)
    {
        foreach (var k in keys) Do(new KeyPressed(k));
        return this;
    }

    public TuiHarness Type(string text)
    {
        foreach (var c in text) Press(Key.Ch(c));
        return this;
    }

    /// <summary>Opens bytes in the hex viewer with the partitions their own analysis finds.</summary>
    public TuiHarness Open(byte[] bytes, string name = "dump.bin") => Do(new HexOpened(HexDocument.FromBytes(name, bytes)));

    public TuiHarness Log(string text, LogLevel level = LogLevel.Info, int secondsAfter = 0) =>
        Do(new LogAppend(new LogLine(Clock.AddSeconds(secondsAfter), level, text)));

    public HexState Hex => (HexState)State.Panes[HexPane.PaneIdValue];
    public LogState LogState => (LogState)State.Panes[LogPane.PaneIdValue];

    /// <summary>The screen's rows as a headless Terminal.Gui driver holds them (hex viewer included).</summary>
    public IReadOnlyList<string> Rows()
    {
        using var screen = new GuiScreen(App, Services);
        return screen.Text().ReplaceLineEndings("\n").Split('\n').Take(App.State.Height).ToList();
    }

    public string Screen() => string.Join("\n", Rows());

    /// <summary>A deterministic 2 MiB-like image: a header, text, 0xFF erased runs, zeros.</summary>
    public static byte[] SampleImage(int size = 0x4000)
    {
        var bytes = new byte[size];
        var rng = new Random(7231);
        rng.NextBytes(bytes.AsSpan(0, 0x400));
        "BK7231N bootloader v1.0.3 [RT-Thread]\0"u8.CopyTo(bytes.AsSpan(0x40));
        bytes.AsSpan(0x400, 0x400).Fill(0xFF);
        rng.NextBytes(bytes.AsSpan(0x1000, 0x800));
        "OpenBK7231N_1.17.551 ssid=\"home\"\0"u8.CopyTo(bytes.AsSpan(0x1100));
        bytes.AsSpan(0x2000).Fill(0xFF);
        return bytes;
    }
}
