using BkTui.Tui.State;
using static BkTui.Tui.Keys.K;

namespace BkTui.Tui.Keys;

/// <summary>
/// The movement keys every list and scrolled text shares, so top and bottom are the same keys in each:
/// ↑/k ↓/j, PgUp/PgDn, Home/g to the first row, End/G to the last. <paramref name="move"/> turns a
/// row delta into the pane's own action; the pane clamps it.
/// </summary>
public static class ListKeys
{
    /// <summary>Rows a page moves.</summary>
    public const int Page = 10;
    /// <summary>A delta past any list's end that still leaves room to add it to a position without overflow.</summary>
    public const int Far = 1 << 24;

    public static IEnumerable<Binding> For(string context, Func<int, AppAction> move, string previous, string next, string first, string last) =>
    [
        new(context, [Of(KeyCode.Up), C('k')], move(-1), previous),
        new(context, [Of(KeyCode.Down), C('j')], move(1), next),
        new(context, [Of(KeyCode.PageUp)], move(-Page), "Page up"),
        new(context, [Of(KeyCode.PageDown)], move(Page), "Page down"),
        new(context, [Of(KeyCode.Home), C('g')], move(-Far), first),
        new(context, [Of(KeyCode.End), C('G')], move(Far), last),
    ];

    /// <summary>A list of <paramref name="rows"/> (port, job, row, partition…): "Previous port", "First port"…</summary>
    public static IEnumerable<Binding> Rows(string context, Func<int, AppAction> move, string rows) =>
        For(context, move, $"Previous {rows}", $"Next {rows}", $"First {rows}", $"Last {rows}");

    /// <summary>A scrolled text: "Scroll up", "Top"…</summary>
    public static IEnumerable<Binding> Text(string context, Func<int, AppAction> scroll) =>
        For(context, scroll, "Scroll up", "Scroll down", "Top", "Bottom");
}
