using Terminal.Gui.Input;

namespace BkTui.Tui.Views.Hex;

public sealed partial class HexDumpView
{
    /// <summary>Rows the wheel moves per notch.</summary>
    private const int WheelRows = 3;

    /// <summary>A click in the view (the host focuses the pane; keys reach the view through the keymap).</summary>
    public event EventHandler? Clicked;

    /// <summary>A click selects the byte under the pointer (either half in compare mode); the wheel scrolls.</summary>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (_document is null || mouse.Position is not { } at) return false;
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown) || mouse.Flags.HasFlag(MouseFlags.WheeledUp))
        {
            Scroll(mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? WheelRows : -WheelRows);
            return true;
        }
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) && !mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed)) return false;
        Clicked?.Invoke(this, EventArgs.Empty);
        int row = at.Y;
        if (_other is not null && row > VisibleRows) row -= VisibleRows + 1;
        var layout = RowLayout;
        if (row < 0 || row >= VisibleRows || layout.ByteAtColumn(at.X) is not { } column) return true;
        long offset = layout.RowStart(Top) + (long)row * layout.BytesPerRow + column;
        if (offset < Math.Max(_document.Length, _other?.Length ?? 0)) MoveTo(offset);
        return true;
    }

    /// <summary>Moves the view by rows without moving the cursor (it may leave the screen; the next key brings it back).</summary>
    private void Scroll(int rows)
    {
        var layout = RowLayout;
        long last = layout.RowStart(Math.Max(_document!.Length, _other?.Length ?? 0) - 1);
        long maxTop = Math.Max(0, last - (long)(VisibleRows - 1) * layout.BytesPerRow);
        Top = Math.Clamp(layout.RowStart(Top) + (long)rows * layout.BytesPerRow, 0, maxTop);
        SetNeedsDraw();
    }
}
