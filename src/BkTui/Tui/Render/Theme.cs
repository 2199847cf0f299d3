using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using C = Terminal.Gui.Drawing.ColorName16;

namespace BkTui.Tui.Render;

/// <summary>
/// Role → Terminal.Gui attribute. Two palettes: 16-colour (also used in 256 mode; keeps the
/// terminal's own background) and monochrome (reverse/bold/faint/underline only, htop style) for
/// NO_COLOR. Meaning never rests on colour alone: every coloured state also has a word, glyph or
/// attribute. Style ids in a <see cref="Canvas.ScreenBuffer"/> are role ordinals.
/// </summary>
public sealed class Theme
{
    private readonly Attribute[] _attributes;

    private Theme(string name, Attribute[] attributes)
    {
        Name = name;
        _attributes = attributes;
    }

    public string Name { get; }
    public bool Monochrome => Name == "mono";

    public static Theme For(ColorMode mode) => mode is ColorMode.Ansi16 or ColorMode.Ansi256 ? Colour() : Mono();

    public Attribute Attribute(Role role) => _attributes[(int)role];

    /// <summary>The attribute of a style id as stored in a buffer (unknown ids are plain).</summary>
    public Attribute Attribute(int styleId) => (uint)styleId < _attributes.Length ? _attributes[styleId] : _attributes[0];

    public static int Id(Role role) => (int)role;

    public static Role Partition(int index) => Role.Partition0 + index % 6;

    private static Attribute Plain(TextStyle style = TextStyle.None) => new(Color.None, Color.None, style);
    private static Attribute Fg(C fg, TextStyle style = TextStyle.None) => new(new Color(fg), Color.None, style);
    private static Attribute FgBg(C fg, C bg, TextStyle style = TextStyle.None) => new(new Color(fg), new Color(bg), style);

    private static Theme Mono() => new("mono", Build(new()
    {
        [Role.Dim] = Plain(TextStyle.Faint),
        [Role.Header] = Plain(TextStyle.Bold),
        [Role.Title] = Plain(TextStyle.Bold),
        [Role.TitleFocused] = Plain(TextStyle.Bold | TextStyle.Reverse),
        [Role.Selection] = Plain(TextStyle.Reverse),
        [Role.HintKey] = Plain(TextStyle.Bold),
        [Role.HintDisabled] = Plain(TextStyle.Faint),
        [Role.Warning] = Plain(TextStyle.Bold),
        [Role.Error] = Plain(TextStyle.Bold),
        [Role.Danger] = Plain(TextStyle.Bold),
        [Role.HexZero] = Plain(TextStyle.Faint),
        [Role.HexChanged] = Plain(TextStyle.Bold | TextStyle.Underline),
        [Role.HexMatch] = Plain(TextStyle.Underline),
        [Role.Bookmark] = Plain(TextStyle.Bold),
        [Role.PartitionName] = Plain(TextStyle.Bold),
        [Role.PartitionBoundary] = Plain(TextStyle.Underline),
        [Role.PromptLabel] = Plain(TextStyle.Bold),
        [Role.Suggestion] = Plain(TextStyle.Faint),
    }));

    private static Theme Colour() => new("16", Build(new()
    {
        [Role.Dim] = Plain(TextStyle.Faint),
        [Role.Header] = Fg(C.Cyan, TextStyle.Bold),
        [Role.Title] = Fg(C.Cyan, TextStyle.Bold),
        [Role.TitleFocused] = FgBg(C.Black, C.Cyan, TextStyle.Bold),
        [Role.Selection] = Plain(TextStyle.Reverse),
        [Role.HintKey] = Fg(C.BrightCyan, TextStyle.Bold),
        [Role.HintDisabled] = Plain(TextStyle.Faint),
        [Role.Ok] = Fg(C.Green),
        [Role.Warning] = Fg(C.BrightYellow, TextStyle.Bold),
        [Role.Error] = Fg(C.BrightRed, TextStyle.Bold),
        [Role.Danger] = Fg(C.BrightRed, TextStyle.Bold),
        [Role.Border] = Fg(C.Cyan),
        [Role.HexAddress] = Fg(C.Cyan),
        [Role.HexZero] = Plain(TextStyle.Faint),
        [Role.HexChanged] = Fg(C.BrightRed, TextStyle.Bold | TextStyle.Underline),
        [Role.HexMatch] = FgBg(C.Black, C.BrightYellow),
        [Role.Bookmark] = Fg(C.BrightYellow, TextStyle.Bold),
        [Role.PartitionName] = Fg(C.BrightYellow, TextStyle.Bold),
        [Role.PartitionBoundary] = Plain(TextStyle.Underline),
        [Role.Partition0] = Fg(C.BrightGreen),
        [Role.Partition1] = Fg(C.BrightCyan),
        [Role.Partition2] = Fg(C.BrightMagenta),
        [Role.Partition3] = Fg(C.BrightYellow),
        [Role.Partition4] = Fg(C.Green),
        [Role.Partition5] = Fg(C.BrightBlue),
        [Role.PromptLabel] = Fg(C.BrightCyan, TextStyle.Bold),
        [Role.Suggestion] = Plain(TextStyle.Faint),
    }));

    private static Attribute[] Build(Dictionary<Role, Attribute> attributes)
    {
        var all = new Attribute[Enum.GetValues<Role>().Length];
        for (int i = 0; i < all.Length; i++)
            all[i] = attributes.TryGetValue((Role)i, out var a) ? a : Plain();
        return all;
    }
}
