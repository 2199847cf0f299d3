namespace BkTui.Tui.ViewModels;

/// <summary>
/// Our own progress bar: full and empty cells that still read
/// without colour — █/░, or #/. on ASCII terminals.
/// </summary>
public static class ProgressBar
{
    public static string Draw(double fraction, int width, bool unicode = true)
    {
        if (width <= 0) return "";
        fraction = double.IsNaN(fraction) ? 0 : Math.Clamp(fraction, 0, 1);
        int full = (int)Math.Floor(fraction * width);
        char on = unicode ? '█' : '#', off = unicode ? '░' : '.';
        return new string(on, full) + new string(off, width - full);
    }
}
