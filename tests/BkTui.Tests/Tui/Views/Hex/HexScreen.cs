using System.Drawing;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Views.Hex;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

using Key = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui.Views.Hex;

/// <summary>
/// A headless Terminal.Gui screen (the real "ansi" driver, no terminal) holding a hex view in a
/// framed window beside nothing else, with keys and mouse injected as a user would send them.
/// </summary>
public sealed class HexScreen : IDisposable
{
    private readonly IApplication _app;
    public readonly List<HexMessage> Messages = [];
    public readonly List<HexPromptRequest> Prompts = [];

    /// <param name="mapHeight">Rows given to a partition map below the hex view (0 = none).</param>
    public HexScreen(int width, int height, HexDocument? document = null, HexPalette? palette = null, int mapHeight = 0)
    {
        _app = Application.Create();
        _app.Init("ansi");
        _app.Driver!.SetScreenSize(width, height);
        View = new HexDumpView(HexKeys()) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(mapHeight), Palette = palette ?? HexPalette.Mono };
        Map = new PartitionMapPane { X = 0, Y = Pos.AnchorEnd(mapHeight), Width = Dim.Fill(), Height = mapHeight, Palette = palette ?? HexPalette.Mono, Visible = mapHeight > 0 };
        View.Message += (_, m) => Messages.Add(m);
        View.PromptRequested += (_, p) => Prompts.Add(p);
        Window = new Window { Title = "Hex", Width = Dim.Fill(), Height = Dim.Fill() };
        Window.Add(View, Map);
        Top = new Runnable();
        Top.Add(Window);
        _app.Begin(Top);
        View.SetFocus();
        if (document is not null) View.Load(document);
        Map.Link(View);
        Draw();
    }

    public HexDumpView View { get; }
    public PartitionMapPane Map { get; }
    public Window Window { get; }
    public Runnable Top { get; }
    public IApplication App => _app;

    /// <summary>The hex pane's rows of the keymap table, as the workstation builds them.</summary>
    public static IEnumerable<Binding> HexKeys() =>
        Keymap.Build([new HexPane()], readOnly: false).Bindings.Where(b => b.Context == HexPane.PaneIdValue);

    /// <summary>A synthetic BK7231N dump (2 MiB, bootloader, app, RF, Tuya storage) with its analysed partitions.</summary>
    public static HexDocument SyntheticDump(string name = "bk7231n.bin", int seed = 1) =>
        HexDocument.FromBytes(name, FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = seed }));

    public void Draw() => _app.LayoutAndDraw();

    public HexScreen Press(params Key[] keys)
    {
        foreach (var key in keys) _app.InjectKey(key);
        Draw();
        return this;
    }

    public HexScreen Mouse(int x, int y, MouseFlags flags)
    {
        _app.InjectMouse(new Mouse { ScreenPosition = new Point(x, y), Flags = flags });
        Draw();
        return this;
    }

    /// <summary>The screen's rows, right-trimmed.</summary>
    public string[] Rows() => _app.Driver!.ToString()!.Replace("\r", "").Split('\n').Select(r => r.TrimEnd()).ToArray();

    /// <summary>The bytes the last frame wrote to the terminal.</summary>
    public int LastFrameBytes => Encoding.UTF8.GetByteCount(_app.Driver!.GetOutput().GetLastOutput());

    public void Dispose()
    {
        Top.Dispose();
        _app.Dispose();
    }
}
