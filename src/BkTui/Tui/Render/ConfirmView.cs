using BkTui.Tui.Canvas;
using BkTui.Tui.State;

namespace BkTui.Tui.Render;

/// <summary>Where a confirmation dialog's parts go (shared by drawing and by mouse clicks).</summary>
public sealed record ConfirmLayout(Rect Area, Rect Inner, IReadOnlyList<DialogLine> Lines, Rect Yes, Rect No);

/// <summary>
/// The confirmation dialog: centred and bordered, titled with what it does; what is at stake line by
/// line (ports by name, range, bootloader, key, whose dump), the question, then the buttons
/// "[ y Yes ]  [ n No ]" — No is the default (Enter, Esc) and drawn as the selected one.
/// </summary>
public static class ConfirmView
{
    public const int MaxWidth = 90;

    /// <summary>The keys that scroll a dialog's stakes (said in the dialog when some are hidden).</summary>
    public const string ScrollKeys = "↓/↑";

    /// <summary>The stakes' lines and how many rows they get; the question and the buttons always show.</summary>
    private static (List<DialogLine> Stakes, List<DialogLine> Question, int Room, bool Roomy) Parts(ConfirmOverlay confirm, Rect body)
    {
        int text = Math.Min(body.Width - 4, MaxWidth) - 4;
        var stakes = StakeLines.Wrap(confirm.Stakes, text);
        var question = StakeLines.Plain(confirm.Question, text).ToList();
        // Blank rows around the question go first when the screen is short.
        bool roomy = stakes.Count + question.Count + 5 <= body.Height;
        if (stakes.Count > 0 && roomy) stakes.Add(DialogLine.Blank);
        return (stakes, question, Math.Max(0, body.Height - 2 - question.Count - (roomy ? 2 : 1)), roomy);
    }

    /// <summary>The scroll of the stakes kept within what there is to scroll.</summary>
    public static int ClampScroll(ConfirmOverlay confirm, Rect body, int scroll)
    {
        var (stakes, _, room, _) = Parts(confirm, body);
        return Math.Clamp(scroll, 0, StakeLines.MaxScroll(stakes.Count, room));
    }

    public static ConfirmLayout Layout(ConfirmOverlay confirm, Rect body)
    {
        int width = Math.Min(body.Width - 4, MaxWidth);
        var (stakes, question, room, roomy) = Parts(confirm, body);
        var lines = StakeLines.Window(stakes, room, confirm.Scroll, ScrollKeys);
        lines.AddRange(question);
        if (roomy) lines.Add(DialogLine.Blank);
        var area = body.Centered(width, Math.Min(body.Height, lines.Count + 3));
        var inner = new Rect(area.X + 2, area.Y + 1, Math.Max(0, area.Width - 4), Math.Max(0, area.Height - 2));
        var (yes, no) = ButtonTexts(confirm);
        int row = inner.Bottom - 1;
        int x = inner.X + Math.Max(0, (inner.Width - yes.Length - 3 - no.Length) / 2);
        return new ConfirmLayout(area, inner, lines, new Rect(x, row, yes.Length, 1), new Rect(x + yes.Length + 3, row, no.Length, 1));
    }

    /// <summary>Where the two buttons are (for clicks).</summary>
    public static (Rect Yes, Rect No) Buttons(ConfirmOverlay confirm, Rect body) => Layout(confirm, body) is var l ? (l.Yes, l.No) : default;

    public static void Draw(ConfirmOverlay confirm, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        var layout = Layout(confirm, body);
        Box.Draw(buffer, layout.Area, confirm.Title, Role.Danger, kit.Unicode);
        int y = layout.Inner.Y;
        foreach (var line in layout.Lines)
        {
            if (y >= layout.Inner.Bottom - 1) break;
            StakeLines.Draw(buffer, layout.Inner.X, y++, layout.Inner.Right, line);
        }
        var (yes, no) = ButtonTexts(confirm);
        buffer.Put(layout.Yes.X, layout.Yes.Y, yes, Theme.Id(Role.HintKey), layout.Inner.Right);
        buffer.Put(layout.No.X, layout.No.Y, no, Theme.Id(Role.Selection), layout.Inner.Right);
    }

    private static (string Yes, string No) ButtonTexts(ConfirmOverlay confirm) => ($"[ y  {confirm.YesLabel} ]", "[ n  No ]");
}
