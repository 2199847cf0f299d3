using System.Drawing;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tui.Keys;
using BkTui.Tui.Gui;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Panes.Partitions;
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

    /// <param name="mapHeight">Rows given to a partition map below the hex view (0 = none).</param>
    public HexScreen(int width, int height, HexDocument? document = null, HexPalette? palette = null, int mapHeight = 0)
    {
        _app = Application.Create();
        _app.Init("ansi");
        _app.Driver!.SetScreenSize(width, height);
        View = new HexDumpView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(mapHeight), Palette = palette ?? HexPalette.Mono };
        Map = new PartitionMapPane { X = 0, Y = Pos.AnchorEnd(mapHeight), Width = Dim.Fill(), Height = mapHeight, Palette = palette ?? HexPalette.Mono, Visible = mapHeight > 0 };
        View.Message += (_, m) => Messages.Add(m);
        Window = new Window { Title = "Hex", Width = Dim.Fill(), Height = Dim.Fill() };
        Window.Add(View, Map);
        Top = new Runnable();
        Top.Add(Window);
        _app.Begin(Top);
        View.PaneFocused = true;
        if (document is not null) View.Load(document);
        Map.Link(View);
        Draw();
    }

    public HexDumpView View { get; }
    public PartitionMapPane Map { get; }
    public Window Window { get; }
    public Runnable Top { get; }
    public IApplication App => _app;

    /// <summary>The keymap table of the two panes, as the workstation builds it.</summary>
    private static readonly Keymap Keys = Keymap.Build([new HexPane(), new PartitionsPane()], readOnly: false);

    /// <summary>Keys go to the partition map (as when its pane has the workstation's focus) rather than the hex view.</summary>
    public HexScreen FocusMap()
    {
        (_mapFocused, View.PaneFocused) = (true, false);
        return this;
    }

    private bool _mapFocused;

    /// <summary>A synthetic BK7231N dump (2 MiB, bootloader, app, RF, Tuya storage) with its analysed partitions.</summary>
    public static HexDocument SyntheticDump(string name = "bk7231n.bin", int seed = 1) =>
        HexDocument.FromBytes(name, FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = seed }));

    public void Draw() => _app.LayoutAndDraw();

    /// <summary>Keys as the workstation routes them: through the keymap table to the view's actions.</summary>
    public HexScreen Press(params Key[] keys)
    {
        var context = _mapFocused ? PartitionsPane.PaneIdValue : HexPane.PaneIdValue;
        foreach (var key in keys)
        {
            var mapped = KeyTranslation.From(key);
            var action = Keys.Bindings.FirstOrDefault(b => b.Context == context && mapped is { } k && b.Keys.Contains(k))?.Action;
            switch (action)
            {
                case PartitionsMove m: Map.Move(m.Delta); break;
                case PartitionsJump: Map.Choose(); break;
                case { } a: View.Perform(a); break;
            }
        }
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
