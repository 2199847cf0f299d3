using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BkTui.Tui.Views.Hex;

/// <summary>
/// The attributes the hex viewer draws with, on the terminal's own background. In monochrome
/// (NO_COLOR) meaning is carried by letters, marks, bold, underline and reverse, never by hue alone.
/// Few distinct attributes per row keep each redraw short on the wire.
/// </summary>
public sealed class HexPalette
{
    private static readonly ColorName16[] PartitionColours =
        [ColorName16.Green, ColorName16.Cyan, ColorName16.Magenta, ColorName16.Yellow, ColorName16.BrightBlue, ColorName16.BrightGreen];

    private readonly Attribute[] _partitions;

    private HexPalette(bool colour)
    {
        Monochrome = !colour;
        Normal = new Attribute(Color.None, Color.None);
        Dim = colour ? new Attribute(new Color(ColorName16.DarkGray), Color.None) : new Attribute(Color.None, Color.None, TextStyle.Faint);
        Name = new Attribute(colour ? new Color(ColorName16.BrightYellow) : Color.None, Color.None, TextStyle.Bold);
        Cursor = new Attribute(Color.None, Color.None, TextStyle.Reverse);
        CursorUnfocused = new Attribute(Color.None, Color.None, TextStyle.Underline);
        Changed = colour ? new Attribute(new Color(ColorName16.BrightRed), Color.None, TextStyle.Bold) : new Attribute(Color.None, Color.None, TextStyle.Bold | TextStyle.Underline);
        Match = colour ? new Attribute(new Color(ColorName16.Black), new Color(ColorName16.BrightYellow)) : new Attribute(Color.None, Color.None, TextStyle.Underline);
        Mark = new Attribute(colour ? new Color(ColorName16.BrightRed) : Color.None, Color.None, TextStyle.Bold);
        _partitions = colour ? [.. PartitionColours.Select(c => new Attribute(new Color(c), Color.None))] : [Normal];
    }

    public static HexPalette Colour { get; } = new(colour: true);
    public static HexPalette Mono { get; } = new(colour: false);

    /// <summary>The palette for the workstation's colour mode (NO_COLOR and dumb terminals give monochrome).</summary>
    public static HexPalette For(Render.ColorMode mode) => mode is Render.ColorMode.None or Render.ColorMode.Mono ? Mono : Colour;

    public bool Monochrome { get; }
    public Attribute Normal { get; }
    public Attribute Dim { get; }
    public Attribute Name { get; }
    public Attribute Cursor { get; }
    public Attribute CursorUnfocused { get; }
    public Attribute Changed { get; }
    public Attribute Match { get; }
    public Attribute Mark { get; }

    public Attribute Partition(int index) => _partitions[index % _partitions.Length];
}
