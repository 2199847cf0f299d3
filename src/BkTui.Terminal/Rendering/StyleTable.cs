using System.Text;
using Spectre.Console;

namespace BkTui.Terminal.Rendering;

/// <summary>
/// Interns Spectre <see cref="Style"/>s as small ids and caches the SGR string of each for the
/// current <see cref="ColorMode"/>. Id 0 is the terminal's default style.
/// </summary>
public sealed class StyleTable
{
    private readonly Dictionary<Style, int> _ids = new();
    private readonly List<Style> _styles = new();
    private readonly List<string> _sgr = new();
    private readonly List<bool> _blankNeutral = new();

    public StyleTable(ColorMode mode)
    {
        Mode = mode;
        Id(Style.Plain);
    }

    public ColorMode Mode { get; }

    public int Count => _styles.Count;

    /// <summary>The id of a style, interning it on first use.</summary>
    public int Id(Style style)
    {
        if (_ids.TryGetValue(style, out var id)) return id;
        id = _styles.Count;
        _ids[style] = id;
        _styles.Add(style);
        _sgr.Add(BuildSgr(style, Mode));
        _blankNeutral.Add(IsBlankNeutral(style, Mode));
        return id;
    }

    public Style Get(int id) => _styles[id];

    /// <summary>The full SGR (starting with a reset) for a style id; empty in <see cref="ColorMode.None"/>.</summary>
    public string Sgr(int id) => _sgr[id];

    /// <summary>
    /// True when a space drawn in this style looks like a space in the default style (no background,
    /// reverse, underline or strike-through), so the diff may send blanks without switching SGR.
    /// </summary>
    public bool IsBlankNeutral(int id) => _blankNeutral[id];

    private static bool IsBlankNeutral(Style style, ColorMode mode)
    {
        if (mode == ColorMode.None) return true;
        const Decoration visible = Decoration.Invert | Decoration.Underline | Decoration.Strikethrough;
        return (style.Decoration & visible) == 0 && (mode == ColorMode.Mono || style.Background.Equals(Color.Default));
    }

    private static string BuildSgr(Style style, ColorMode mode)
    {
        if (mode == ColorMode.None) return "";
        var sb = new StringBuilder("\u001b[0");
        var d = style.Decoration;
        if (d.HasFlag(Decoration.Bold)) sb.Append(";1");
        if (d.HasFlag(Decoration.Dim)) sb.Append(";2");
        if (d.HasFlag(Decoration.Italic)) sb.Append(";3");
        if (d.HasFlag(Decoration.Underline)) sb.Append(";4");
        if (d.HasFlag(Decoration.Invert)) sb.Append(";7");
        if (d.HasFlag(Decoration.Strikethrough)) sb.Append(";9");
        if (mode != ColorMode.Mono)
        {
            AppendColor(sb, style.Foreground, mode, foreground: true);
            AppendColor(sb, style.Background, mode, foreground: false);
        }
        sb.Append('m');
        return sb.ToString();
    }

    private static void AppendColor(StringBuilder sb, Color color, ColorMode mode, bool foreground)
    {
        if (color.Equals(Color.Default)) return;
        int index = Palette.IndexOf(color);
        if (mode == ColorMode.Ansi16 && index >= 16) index = Palette.Nearest16(color);
        if (index < 8) sb.Append(';').Append((foreground ? 30 : 40) + index);
        else if (index < 16) sb.Append(';').Append((foreground ? 90 : 100) + index - 8);
        else sb.Append(foreground ? ";38;5;" : ";48;5;").Append(index);
    }
}
