using BkTui.Terminal.Screen;
using BkTui.Tui.Keys;
using BkTui.Tui.State;
using Spectre.Console;

namespace BkTui.Tui.Render;

/// <summary>The '?' overlay: the keymap as a scrollable Spectre grid in a panel.</summary>
public static class HelpView
{
    public static void Draw(HelpOverlay help, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        var area = body.Centered(Math.Min(body.Width - 4, 78), body.Height);
        var lines = HelpContent.Lines(kit.Keymap, kit.Panes);
        int visible = Math.Max(1, area.Height - 2);
        int scroll = Math.Clamp(help.Scroll, 0, Math.Max(0, lines.Count - visible));
        var grid = new Grid();
        grid.AddColumn(new GridColumn().Width(16).NoWrap());
        grid.AddColumn(new GridColumn());
        var keyStyle = kit.Theme.Style(Role.HintKey);
        var headStyle = kit.Theme.Style(Role.Title);
        foreach (var line in lines.Skip(scroll).Take(visible))
        {
            if (line.Keys.Length == 0)
                grid.AddRow(new Spectre.Console.Text(line.Section, headStyle), new Spectre.Console.Text(""));
            else
                grid.AddRow(new Spectre.Console.Text("  " + line.Keys, keyStyle),
                    new Spectre.Console.Text(line.Label + (line.Dangerous ? " (asks first)" : "")));
        }
        var more = scroll + visible < lines.Count ? $" ↓ {lines.Count - scroll - visible} more " : "";
        var panel = new Panel(grid)
        {
            Header = new PanelHeader(" Keys — Esc closes "),
            Border = kit.Spectre.Unicode ? BoxBorder.Rounded : BoxBorder.Ascii,
            BorderStyle = kit.Theme.Style(Role.Border),
            Expand = true,
            Height = area.Height,
            Padding = new Padding(1, 0, 1, 0),
        };
        kit.Spectre.Draw(buffer, panel, area);
        if (more.Length > 0 && !kit.Spectre.Unicode) more = more.Replace("↓", "v");
        if (more.Length > 0)
            buffer.Put(area.Right - more.Length - 2, area.Bottom - 1, more, kit.Theme.Id(buffer.Styles, Role.Border), area.Right - 1);
    }
}
