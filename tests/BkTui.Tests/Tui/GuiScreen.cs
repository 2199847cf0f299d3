using BkTui.Tui.Gui;
using BkTui.Tui.Loop;
using BkTui.Tui.State;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TgKey = Terminal.Gui.Input.Key;

namespace BkTui.Tests.Tui;

/// <summary>
/// A headless Terminal.Gui application (driver "ansi", fixed screen size) running the real
/// <see cref="Workstation"/> over a <see cref="TuiApp"/>: keys and mouse go in through
/// Terminal.Gui's input injection, the screen is read back from the driver.
/// </summary>
public sealed class GuiScreen : IDisposable
{
    private readonly bool _borrowedViews;

    /// <param name="services">Services whose <see cref="DumpPanes"/> (a harness's) are shown and handed back undisposed.</param>
    public GuiScreen(TuiApp app, TuiServices? services = null)
    {
        _borrowedViews = services?.Get<DumpPanes>() is not null;
        Gui = Application.Create();
        Gui.Init("ansi");
        Gui.Driver!.SetScreenSize(app.State.Width, app.State.Height);
        Workstation = new BkTui.Tui.Gui.Workstation(Gui, app, services ?? new TuiServices(), default);
        Gui.Begin(Workstation.Top);
        Workstation.Canvas.SetFocus();
    }

    public IApplication Gui { get; }
    public BkTui.Tui.Gui.Workstation Workstation { get; }

    /// <summary>The screen text as Terminal.Gui would write it (after applying queued actions).</summary>
    public string Text()
    {
        Workstation.Drain();
        Gui.LayoutAndDraw();
        return Gui.Driver!.ToString()!;
    }

    public GuiScreen Press(TgKey key)
    {
        Gui.InjectKey(key);
        return this;
    }

    public GuiScreen Type(string text)
    {
        foreach (var c in text) Press(new TgKey(c));
        return this;
    }

    public GuiScreen Click(int x, int y)
    {
        Gui.InjectMouse(new Mouse { ScreenPosition = new System.Drawing.Point(x, y), Flags = MouseFlags.LeftButtonClicked });
        return this;
    }

    public GuiScreen Wheel(int x, int y, bool down)
    {
        Gui.InjectMouse(new Mouse { ScreenPosition = new System.Drawing.Point(x, y), Flags = down ? MouseFlags.WheeledDown : MouseFlags.WheeledUp });
        return this;
    }

    /// <summary>The attribute name of each cell as letters (one per distinct attribute, '.' for the plain one) and a legend.</summary>
    public string StyleMask()
    {
        Text();
        var contents = Gui.Driver!.Contents!;
        var plain = Workstation.App.Renderer.Kit.Theme.Attribute(BkTui.Tui.Render.Role.Normal);
        var letters = new Dictionary<string, char>();
        var sb = new System.Text.StringBuilder();
        for (int y = 0; y < contents.GetLength(0); y++)
        {
            var row = new System.Text.StringBuilder();
            for (int x = 0; x < contents.GetLength(1); x++)
            {
                var a = contents[y, x].Attribute;
                if (a is null || a.Value == plain) { row.Append('.'); continue; }
                var key = a.Value.ToString()!;
                if (!letters.TryGetValue(key, out var letter))
                    letters[key] = letter = (char)(letters.Count < 26 ? 'a' + letters.Count : 'A' + letters.Count - 26);
                row.Append(letter);
            }
            sb.Append(row.ToString().TrimEnd('.')).Append('\n');
        }
        sb.Append("--- legend\n");
        foreach (var (name, letter) in letters) sb.Append(letter).Append(" = ").Append(name).Append('\n');
        return sb.ToString();
    }

    public void Dispose()
    {
        if (_borrowedViews)
        {
            Workstation.Top.Remove(Workstation.Dumps.Hex);
            Workstation.Top.Remove(Workstation.Dumps.Map);
        }
        Workstation.Top.Dispose();
        Gui.Dispose();
    }
}
