using BkTui.Terminal.Rendering;
using Spectre.Console;

namespace BkTui.Tui.Render;

/// <summary>
/// Role → style. Two palettes: 16-colour (also used in 256 mode; keeps the terminal's background)
/// and monochrome (reverse/bold/dim/underline only, htop style). Meaning never rests on colour
/// alone: every coloured state also has a word, glyph or attribute.
/// </summary>
public sealed class Theme
{
    private readonly Style[] _styles;
    private StyleTable? _idsFor;
    private int[] _ids = [];

    private Theme(string name, Style[] styles)
    {
        Name = name;
        _styles = styles;
    }

    public string Name { get; }

    public static Theme For(ColorMode mode) => mode is ColorMode.Ansi16 or ColorMode.Ansi256 ? Colour() : Mono();

    public Style Style(Role role) => _styles[(int)role];

    /// <summary>The style id of a role in a buffer's style table (cached per table).</summary>
    public int Id(StyleTable table, Role role)
    {
        if (!ReferenceEquals(_idsFor, table))
        {
            _ids = _styles.Select(table.Id).ToArray();
            _idsFor = table;
        }
        return _ids[(int)role];
    }

    public static Role Partition(int index) => Role.Partition0 + index % 6;

    private static Theme Mono() => new("mono", Build(new()
    {
        [Role.Dim] = new Style(decoration: Decoration.Dim),
        [Role.Header] = new Style(decoration: Decoration.Bold),
        [Role.Title] = new Style(decoration: Decoration.Bold),
        [Role.TitleFocused] = new Style(decoration: Decoration.Bold | Decoration.Invert),
        [Role.Selection] = new Style(decoration: Decoration.Invert),
        [Role.HintKey] = new Style(decoration: Decoration.Bold),
        [Role.HintDisabled] = new Style(decoration: Decoration.Dim),
        [Role.Warning] = new Style(decoration: Decoration.Bold),
        [Role.Error] = new Style(decoration: Decoration.Bold),
        [Role.Danger] = new Style(decoration: Decoration.Bold),
        [Role.Border] = Spectre.Console.Style.Plain,
        [Role.HexZero] = new Style(decoration: Decoration.Dim),
        [Role.HexChanged] = new Style(decoration: Decoration.Bold | Decoration.Underline),
        [Role.HexMatch] = new Style(decoration: Decoration.Underline),
        [Role.Bookmark] = new Style(decoration: Decoration.Bold),
        [Role.PartitionName] = new Style(decoration: Decoration.Bold),
        [Role.PartitionBoundary] = new Style(decoration: Decoration.Underline),
        [Role.PromptLabel] = new Style(decoration: Decoration.Bold),
        [Role.Suggestion] = new Style(decoration: Decoration.Dim),
    }));

    private static Theme Colour() => new("16", Build(new()
    {
        [Role.Dim] = new Style(decoration: Decoration.Dim),
        [Role.Header] = new Style(Color.Teal, decoration: Decoration.Bold),
        [Role.Title] = new Style(Color.Teal, decoration: Decoration.Bold),
        [Role.TitleFocused] = new Style(Color.Black, Color.Teal, Decoration.Bold),
        [Role.Selection] = new Style(decoration: Decoration.Invert),
        [Role.HintKey] = new Style(Color.Aqua, decoration: Decoration.Bold),
        [Role.HintDisabled] = new Style(decoration: Decoration.Dim),
        [Role.Ok] = new Style(Color.Green),
        [Role.Warning] = new Style(Color.Yellow, decoration: Decoration.Bold),
        [Role.Error] = new Style(Color.Red, decoration: Decoration.Bold),
        [Role.Danger] = new Style(Color.Red, decoration: Decoration.Bold),
        [Role.Border] = new Style(Color.Teal),
        [Role.HexAddress] = new Style(Color.Teal),
        [Role.HexZero] = new Style(decoration: Decoration.Dim),
        [Role.HexChanged] = new Style(Color.Red, decoration: Decoration.Bold | Decoration.Underline),
        [Role.HexMatch] = new Style(Color.Black, Color.Yellow),
        [Role.Bookmark] = new Style(Color.Yellow, decoration: Decoration.Bold),
        [Role.PartitionName] = new Style(Color.Yellow, decoration: Decoration.Bold),
        [Role.PartitionBoundary] = new Style(decoration: Decoration.Underline),
        [Role.Partition0] = new Style(Color.Lime),
        [Role.Partition1] = new Style(Color.Aqua),
        [Role.Partition2] = new Style(Color.Fuchsia),
        [Role.Partition3] = new Style(Color.Yellow),
        [Role.Partition4] = new Style(Color.Green),
        [Role.Partition5] = new Style(Color.Blue),
        [Role.PromptLabel] = new Style(Color.Aqua, decoration: Decoration.Bold),
        [Role.Suggestion] = new Style(decoration: Decoration.Dim),
    }));

    private static Style[] Build(Dictionary<Role, Style> styles)
    {
        var all = new Style[Enum.GetValues<Role>().Length];
        for (int i = 0; i < all.Length; i++)
            all[i] = styles.TryGetValue((Role)i, out var s) ? s : Spectre.Console.Style.Plain;
        return all;
    }
}
