namespace BkTui.Tui.Panes;

/// <summary>Which rows of a list are visible: the window follows the selection (kept as an id by each pane).</summary>
public static class ListWindow
{
    /// <summary>First visible index so that <paramref name="selected"/> is on screen.</summary>
    public static int Start(int count, int selected, int height)
    {
        if (height <= 0 || count <= height) return 0;
        selected = Math.Clamp(selected, 0, count - 1);
        return Math.Clamp(selected - height / 2, 0, count - height);
    }

    /// <summary>The index <paramref name="delta"/> rows away, clamped; -1 for an empty list.</summary>
    public static int Step(int count, int current, int delta) =>
        count == 0 ? -1 : (int)Math.Clamp((long)Math.Max(0, current) + delta, 0, count - 1);

    /// <summary>Short display name of a port path (by-id links and demo links are long).</summary>
    public static string PortName(string port) => port.StartsWith("/dev/tty", StringComparison.Ordinal) || port.StartsWith("/dev/pts/", StringComparison.Ordinal)
        ? port[5..] : Path.GetFileName(port);
}
