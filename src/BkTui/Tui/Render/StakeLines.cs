using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>One row of a dialog's body: a label (first row of a stake only), text, and its role.</summary>
public readonly record struct DialogLine(string Label, string Text, Role Role)
{
    public static readonly DialogLine Blank = new("", "", Role.Normal);
}

/// <summary>
/// The "what is at stake" block of a dialog: each stake's label in a column, its text wrapped beside
/// it; what can break the chip is marked '!' (legible without colour) and drawn in the danger colour.
/// </summary>
public static class StakeLines
{
    public static int LabelWidth(IEnumerable<Stake> stakes) => stakes.Select(s => s.Label.Length + 4).DefaultIfEmpty(0).Max();

    public static List<DialogLine> Wrap(IReadOnlyList<Stake> stakes, int width)
    {
        int label = LabelWidth(stakes);
        var lines = new List<DialogLine>();
        foreach (var stake in stakes)
        {
            var role = stake.Level switch { StakeLevel.Danger => Role.Danger, StakeLevel.Warning => Role.Warning, _ => Role.Normal };
            var mark = stake.Level == StakeLevel.Danger ? "! " : "  ";
            var wrapped = Box.Wrap(stake.Text, Math.Max(8, width - label));
            for (int i = 0; i < wrapped.Count; i++)
                lines.Add(new DialogLine(i == 0 ? (mark + stake.Label).PadRight(label) : new string(' ', label), wrapped[i], role));
        }
        return lines;
    }

    /// <summary>Plain wrapped text (the question) as dialog lines.</summary>
    public static IEnumerable<DialogLine> Plain(string text, int width, Role role = Role.Normal) =>
        Box.Wrap(text.TrimEnd(), width).Select(l => new DialogLine("", l, role));

    /// <summary>
    /// The lines that fit in <paramref name="room"/> rows from <paramref name="scroll"/>; when some do
    /// not fit, the last row says how many are hidden and which <paramref name="keys"/> scroll to them,
    /// so nothing a dialog names is cut without a way to read it.
    /// </summary>
    public static List<DialogLine> Window(List<DialogLine> lines, int room, int scroll, string keys)
    {
        if (lines.Count <= room) return lines;
        int shown = Math.Max(0, room - 1);
        int from = Math.Clamp(scroll, 0, lines.Count - shown);
        int above = from, below = lines.Count - from - shown;
        var window = lines.Skip(from).Take(shown).ToList();
        var hidden = below > 0
            ? $"… {below} more line{(below == 1 ? "" : "s")} below{(above > 0 ? $", {above} above" : "")} — {keys} scroll"
            : $"… {above} line{(above == 1 ? "" : "s")} above — {keys} scroll";
        window.Add(new DialogLine("", hidden, Role.Dim));
        return window;
    }

    /// <summary>The largest scroll <see cref="Window"/> uses for <paramref name="count"/> lines in <paramref name="room"/> rows.</summary>
    public static int MaxScroll(int count, int room) => count <= room ? 0 : count - Math.Max(0, room - 1);

    public static void Draw(ScreenBuffer buffer, int x, int y, int right, DialogLine line)
    {
        int at = buffer.Put(x, y, line.Label, Theme.Id(line.Label.StartsWith('!') ? Role.Danger : Role.Dim), right);
        buffer.Put(at, y, line.Text, Theme.Id(line.Role), right);
    }
}
