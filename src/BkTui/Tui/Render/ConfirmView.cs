using BkTui.Terminal.Screen;
using BkTui.Tui.State;
using Spectre.Console;

namespace BkTui.Tui.Render;

/// <summary>The confirmation dialog: the question (naming port and range) and "y / N"; default is No.</summary>
public static class ConfirmView
{
    public static void Draw(ConfirmOverlay confirm, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        int width = Math.Min(body.Width - 4, 72);
        var question = new Spectre.Console.Text(confirm.Question, kit.Theme.Style(Role.Normal));
        var key = kit.Theme.Style(Role.HintKey);
        var answer = new Paragraph().Append("y", key).Append(" yes    ").Append("n", key).Append(" / ")
            .Append("Esc", key).Append(" / ").Append("Enter", key).Append(" no (default)");
        var rows = new Rows(question, new Spectre.Console.Text(""), answer);
        // Height: the wrapped question, a blank line, the answer line, borders.
        int textWidth = width - 4;
        int questionLines = confirm.Question.Split('\n').Sum(l => Math.Max(1, (l.Length + textWidth - 1) / textWidth));
        var area = body.Centered(width, questionLines + 4);
        var panel = new Panel(rows)
        {
            Header = new PanelHeader(" Confirm "),
            Border = kit.Spectre.Unicode ? BoxBorder.Double : BoxBorder.Ascii,
            BorderStyle = kit.Theme.Style(Role.Danger),
            Expand = true,
            Padding = new Padding(1, 0, 1, 0),
        };
        kit.Spectre.Draw(buffer, panel, area);
    }
}
