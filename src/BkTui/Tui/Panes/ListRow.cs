using BkTui.Tui.Render;

namespace BkTui.Tui.Panes;

/// <summary>The look of one list row: the selected row is filled (reverse when the pane has focus), others take their role.</summary>
public static class ListRow
{
    public static int Begin(PaneView view, int y, bool selected, Role normal)
    {
        if (!selected) return view.Style(normal);
        int style = view.Style(view.Focused ? Role.Selection : Role.Title);
        view.Buffer.Fill(view.Area.X, y, view.Area.Right, style);
        return style;
    }
}
